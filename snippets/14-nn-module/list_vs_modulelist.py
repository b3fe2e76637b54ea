import torch
from torch import nn

torch.manual_seed(0)


class PlainList(nn.Module):
    def __init__(self):
        super().__init__()
        # zh: 普通 Python 列表：nn.Module 看不见里面的层
        # en: a plain Python list: nn.Module cannot see the layers inside
        self.layers = [nn.Linear(4, 4), nn.Linear(4, 1)]


class WithModuleList(nn.Module):
    def __init__(self):
        super().__init__()
        # zh: nn.ModuleList 会把每一层注册为子模块
        # en: nn.ModuleList registers each layer as a submodule
        self.layers = nn.ModuleList([nn.Linear(4, 4), nn.Linear(4, 1)])


for model in [PlainList(), WithModuleList()]:
    n_params = sum(p.numel() for p in model.parameters())
    n_entries = len(model.state_dict())
    print(f"{type(model).__name__}: {n_params} parameters, {n_entries} state_dict entries")

# zh: 优化器拿到的参数列表是空的
# en: the optimizer receives an empty parameter list
try:
    torch.optim.SGD(PlainList().parameters(), lr=0.1)
except ValueError as err:
    print("ValueError:", err)
