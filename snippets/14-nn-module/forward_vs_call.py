import torch
from torch import nn

torch.manual_seed(0)

model = nn.Linear(2, 1)
hook_calls = []


# zh: 前向钩子（forward hook）：由 model(x) 触发，记录一次调用
# en: a forward hook: triggered by model(x), records one call
def record_call(module, inputs, output):
    hook_calls.append(tuple(output.shape))


model.register_forward_hook(record_call)
x = torch.randn(4, 2)

y_call = model(x)
print("after model(x), hook calls:", hook_calls)
y_forward = model.forward(x)
print("after model.forward(x), hook calls:", hook_calls)

# zh: 数值相同，区别只在于钩子有没有运行
# en: same numbers; the only difference is whether the hook ran
print("same result:", torch.equal(y_call, y_forward))
