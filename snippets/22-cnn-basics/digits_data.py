import torch
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

torch.manual_seed(0)

digits = load_digits()
print("images:", digits.images.shape, "| pixel range:", digits.images.min(), "to", digits.images.max())

# zh: 卷积层要的形状是 (N, C, H, W)：用 unsqueeze(1) 加上通道维，再把像素缩放到 [0, 1]
# en: convolution layers want (N, C, H, W): unsqueeze(1) adds the channel dim, then scale pixels to [0, 1]
X = torch.tensor(digits.images, dtype=torch.float32).unsqueeze(1) / 16
y = torch.tensor(digits.target)

# zh: 60% 训练、20% 验证、20% 测试，按类别分层抽样
# en: 60% train, 20% validation, 20% test, stratified by class
X_rest, X_test, y_rest, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)
X_train, X_val, y_train, y_val = train_test_split(X_rest, y_rest, test_size=0.25, stratify=y_rest, random_state=0)
print("X_train:", tuple(X_train.shape), "| X_val:", tuple(X_val.shape), "| X_test:", tuple(X_test.shape))
print("train images per class:", torch.bincount(y_train).tolist())
