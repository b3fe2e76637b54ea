import torch
from sklearn.datasets import load_diabetes

torch.manual_seed(0)

# zh: 442 位糖尿病患者，10 个特征；目标是一年后的病情进展指标
# en: 442 diabetes patients, 10 features; the target measures disease progression a year later
data = load_diabetes(scaled=False)
X = torch.tensor(data.data, dtype=torch.float32)
y = torch.tensor(data.target, dtype=torch.float32).reshape(-1, 1)
print("X:", X.shape, " y:", y.shape)
print("features:", data.feature_names)

# zh: 各特征的尺度相差很大
# en: the features live on very different scales
torch.set_printoptions(precision=2, sci_mode=False)
print("feature mean:", X.mean(dim=0))
print("feature std: ", X.std(dim=0))
print(f"target range: {y.min().item():.0f} to {y.max().item():.0f}")

# zh: 恢复默认的打印格式：笔记本的所有单元格共用一个内核，不恢复的话，后面单元格的输出也会跟着变
# en: restore the default print format: notebook cells share one kernel, so later outputs would change too
torch.set_printoptions(profile="default")
