import torch
from sklearn.datasets import load_breast_cancer

# zh: 569 个肿瘤样本，每个有 30 个特征；数据随 scikit-learn 一起安装，不用下载
# en: 569 tumour samples with 30 features each; the data ships with scikit-learn, no download
data = load_breast_cancer()
X = torch.tensor(data.data, dtype=torch.float32)
y = torch.tensor(data.target, dtype=torch.float32).reshape(-1, 1)
print("X:", X.shape, X.dtype, " y:", y.shape, y.dtype)
print("first 5 features:", data.feature_names[:5].tolist())
print("classes:", data.target_names.tolist(), "-> labels 0 and 1")
print("malignant (0):", int((y == 0).sum()), " benign (1):", int((y == 1).sum()))

# zh: 各特征的取值范围相差很大
# en: the features live on very different scales
for name in ("mean smoothness", "mean radius", "mean area"):
    column = X[:, data.feature_names.tolist().index(name)]
    print(f"{name:16}: min {column.min():8.3f}, max {column.max():8.3f}")
