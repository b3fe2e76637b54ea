import torch
from sklearn.datasets import load_diabetes
from sklearn.model_selection import train_test_split

torch.manual_seed(0)

X, y = load_diabetes(return_X_y=True, scaled=False)

# zh: 先留出 20% 作测试集，再从剩下的里取 25% 作验证集：60% / 20% / 20%
# en: hold out 20% as the test set, then 25% of the rest as validation: 60% / 20% / 20%
X_rest, X_test, y_rest, y_test = train_test_split(X, y, test_size=0.2, random_state=0)
X_train, X_val, y_train, y_val = train_test_split(X_rest, y_rest, test_size=0.25, random_state=0)

print("train:", X_train.shape)
print("val:  ", X_val.shape)
print("test: ", X_test.shape)
