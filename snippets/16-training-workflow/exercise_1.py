import torch
from sklearn.datasets import load_diabetes
from sklearn.model_selection import train_test_split

torch.manual_seed(0)

X, y = load_diabetes(return_X_y=True, scaled=False)
X_rest, X_test, y_rest, y_test = train_test_split(X, y, test_size=0.2, random_state=0)
X_train, X_val, y_train, y_val = train_test_split(X_rest, y_rest, test_size=0.25, random_state=0)
X_all = torch.tensor(X, dtype=torch.float32)
X_train = torch.tensor(X_train, dtype=torch.float32)

# zh: 用全部数据算的统计量包含了验证集和测试集的信息
# en: statistics computed on all the data carry information from the val and test sets
mean_all, std_all = X_all.mean(0), X_all.std(0)
mean_train, std_train = X_train.mean(0), X_train.std(0)

torch.set_printoptions(precision=2, sci_mode=False)
print("mean (all):  ", mean_all)
print("mean (train):", mean_train)
print("max |mean difference|:", f"{(mean_all - mean_train).abs().max().item():.2f}")
assert not torch.allclose(mean_all, mean_train)

# zh: 恢复默认的打印格式：笔记本的所有单元格共用一个内核，不恢复的话，后面单元格的输出也会跟着变
# en: restore the default print format: notebook cells share one kernel, so later outputs would change too
torch.set_printoptions(profile="default")
