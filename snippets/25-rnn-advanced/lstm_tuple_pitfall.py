import torch
from torch import nn

torch.manual_seed(0)

lstm = nn.LSTM(input_size=4, hidden_size=6, batch_first=True)
x = torch.randn(3, 5, 4)
with torch.no_grad():
    out, state = lstm(x)
    # zh: 第二个返回值是 (h_n, c_n) 元组，state[-1] 取到的是 c_n
    # en: the second return value is the tuple (h_n, c_n), so state[-1] is c_n
    print("type:", type(state).__name__, "| length:", len(state))
    print("state[-1] is c_n:", state[-1] is state[1])
    print("state[-1][-1] equals the last output:", torch.equal(state[-1][-1], out[:, -1]))

    out, (h_n, c_n) = lstm(x)
    print("h_n[-1] equals the last output:", torch.equal(h_n[-1], out[:, -1]))
