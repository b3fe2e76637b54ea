import torch
import torch.nn.functional as F

torch.manual_seed(0)

x = torch.randn(1, 3, 6, 6)
w = torch.randn(4, 3, 3, 3)
b = torch.randn(4)

# zh: unfold 把每个 3×3×3 的窗口拉成一列：形状 (1, 27, 16)，16 = 4×4 个输出位置
# en: unfold turns every 3×3×3 window into a column: shape (1, 27, 16), 16 = 4×4 output positions
cols = F.unfold(x, kernel_size=3)
print("cols.shape:", tuple(cols.shape))

# zh: 卷积就变成一次矩阵乘法：(4, 27) @ (27, 16) -> (4, 16)，再还原成 4×4
# en: the convolution becomes one matrix product: (4, 27) @ (27, 16) -> (4, 16), then back to 4×4
y = (w.reshape(4, -1) @ cols[0] + b[:, None]).reshape(1, 4, 4, 4)
expected = F.conv2d(x, w, b)
print("y.shape:", tuple(y.shape), "| conv2d shape:", tuple(expected.shape))
torch.testing.assert_close(y, expected)
print("unfold + matmul == conv2d")
