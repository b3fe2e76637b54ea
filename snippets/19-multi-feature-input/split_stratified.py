import numpy as np
from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import train_test_split

X, y = load_breast_cancer(return_X_y=True)
print(f"all:   {len(y)} samples, benign share {y.mean():.3f}")

# zh: 先留出 20% 作测试集，再从剩下的里取 25% 作验证集：60% / 20% / 20%
# en: hold out 20% as the test set, then 25% of the rest for validation: 60% / 20% / 20%
# zh: stratify 让每一份里两类的比例都与全体一致
# en: stratify keeps the class shares of every part equal to the whole
X_rest, X_test, y_rest, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)
X_train, X_val, y_train, y_val = train_test_split(X_rest, y_rest, test_size=0.25, stratify=y_rest, random_state=0)
for name, part in (("train", y_train), ("val", y_val), ("test", y_test)):
    print(f"{name:5}: {len(part)} samples, benign share {part.mean():.3f}")

# zh: 不分层时，测试集的比例会随 random_state 浮动
# en: without stratify, the test share moves with random_state
shares = [train_test_split(X, y, test_size=0.2, random_state=seed)[3].mean() for seed in range(10)]
print("test benign share, 10 unstratified splits:", np.round(shares, 3))
