import torch
from torch import nn

torch.manual_seed(0)


class TinyNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(3, 2)

    def forward(self, x):
        h = self.fc(x)
        print("inside forward, h =", h)
        return torch.relu(h)


model = TinyNet()
# zh: 追踪时传进 forward 的是代理对象（Proxy），不是数字
# en: during tracing, forward receives Proxy objects, not numbers
traced = torch.fx.symbolic_trace(model)

# zh: 图里只有张量运算，print 这样的 Python 副作用没有被记录
# en: the graph holds only the tensor operations; Python side effects such as print are gone
print(traced.code.strip())

x = torch.tensor([[1.0, -2.0, 0.5]])
# zh: 运行追踪得到的图不会打印；运行原模型会
# en: running the traced graph prints nothing; running the original model does
y_graph = traced(x)
print("traced(x):", y_graph)
y_eager = model(x)
print("model(x): ", y_eager)
print("same result:", torch.equal(y_graph, y_eager))
