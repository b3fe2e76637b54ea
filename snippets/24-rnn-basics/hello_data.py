import torch
import torch.nn.functional as F

torch.manual_seed(0)

chars = ["e", "h", "l", "o"]
char_to_idx = {c: i for i, c in enumerate(chars)}

# zh: 输入“hello”，目标“ohlol”：每个时间步预测一个字符
# en: input "hello", target "ohlol": one character to predict per time step
x_idx = torch.tensor([char_to_idx[c] for c in "hello"])
y = torch.tensor([char_to_idx[c] for c in "ohlol"])
print("x_idx:", x_idx.tolist(), "| y:", y.tolist())

# zh: 独热编码：每个字符变成长度为 4 的向量，只有自己的位置是 1
# en: one-hot: each character becomes a length-4 vector with a 1 at its own index
x_one_hot = F.one_hot(x_idx, num_classes=len(chars)).float()
print("x_one_hot:\n", x_one_hot)

# zh: RNN 需要 (seq_len, batch, input_size)，这里批量为 1
# en: an RNN wants (seq_len, batch, input_size); the batch here has size 1
inputs = x_one_hot.unsqueeze(1)
print("inputs.shape:", tuple(inputs.shape))
