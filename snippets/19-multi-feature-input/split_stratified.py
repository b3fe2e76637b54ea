import numpy as np
from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import train_test_split

X, y = load_breast_cancer(return_X_y=True)
print(f"all:   {len(y)} samples, benign share {y.mean():.3f}")

# zh: stratify=y 让训练集和测试集里两类的比例与全体一致
# en: stratify=y keeps the class shares of both parts equal to the whole
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=0)
print(f"train: {len(y_train)} samples, benign share {y_train.mean():.3f}")
print(f"test:  {len(y_test)} samples, benign share {y_test.mean():.3f}")

# zh: 不分层时，测试集的比例会随 random_state 浮动
# en: without stratify, the test share moves with random_state
shares = [train_test_split(X, y, test_size=0.25, random_state=seed)[3].mean() for seed in range(10)]
print("test benign share, 10 unstratified splits:", np.round(shares, 3))
