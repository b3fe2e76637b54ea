import torch
from sklearn.datasets import load_diabetes
from sklearn.model_selection import train_test_split

torch.manual_seed(0)

X, y = load_diabetes(return_X_y=True, scaled=False)
X_rest, X_test, y_rest, y_test = train_test_split(X, y, test_size=0.2, random_state=0)
X_train, X_val, y_train, y_val = train_test_split(X_rest, y_rest, test_size=0.25, random_state=0)
X_train, X_val = torch.tensor(X_train, dtype=torch.float32), torch.tensor(X_val, dtype=torch.float32)

# zh: 均值和标准差只用训练集计算
# en: compute mean and std on the training set only
mean, std = X_train.mean(dim=0), X_train.std(dim=0)

# zh: 同一组统计量用于所有划分
# en: apply the same statistics to every split
X_train_s = (X_train - mean) / std
X_val_s = (X_val - mean) / std

torch.set_printoptions(precision=2, sci_mode=False)
print("train mean:", X_train_s.mean(dim=0))
print("train std: ", X_train_s.std(dim=0))
print("val mean:  ", X_val_s.mean(dim=0))
print("val std:   ", X_val_s.std(dim=0))

# zh: 恢复默认的打印格式：笔记本的所有单元格共用一个内核，不恢复的话，后面单元格的输出也会跟着变
# en: restore the default print format: notebook cells share one kernel, so later outputs would change too
torch.set_printoptions(profile="default")
