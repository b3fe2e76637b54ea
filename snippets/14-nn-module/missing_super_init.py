from torch import nn


class BrokenModel(nn.Module):
    def __init__(self):
        # zh: 忘了调用 super().__init__()
        # en: forgot to call super().__init__()
        self.linear = nn.Linear(1, 1)


try:
    BrokenModel()
except AttributeError as err:
    print("AttributeError:", err)
