import torch
from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import train_test_split

X, y = load_breast_cancer(return_X_y=True)
X_rest, X_test, y_rest, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)
X_train, X_val, y_train, y_val = train_test_split(X_rest, y_rest, test_size=0.25, stratify=y_rest, random_state=0)
X_train, X_val, X_test = (torch.tensor(part, dtype=torch.float32) for part in (X_train, X_val, X_test))

# zh: 均值和标准差只用训练集计算，再用同一组数值变换验证集和测试集
# en: mean and std come from the training set only; the same numbers transform the validation and test sets
mean, std = X_train.mean(dim=0), X_train.std(dim=0)
X_train, X_val, X_test = (X_train - mean) / std, (X_val - mean) / std, (X_test - mean) / std

print("mean.shape:", mean.shape, " std.shape:", std.shape)
for name, part in (("train", X_train), ("val", X_val), ("test", X_test)):
    col_mean, col_std = part.mean(dim=0), part.std(dim=0)
    print(f"{name:5}: column means {col_mean.min():+.3f} to {col_mean.max():+.3f}, "
          f"column stds {col_std.min():.3f} to {col_std.max():.3f}")
