import copy

import torch
from torch import nn

torch.manual_seed(0)

model = nn.Linear(2, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

# zh: state_dict() 里的张量和模型参数共享存储
# en: the tensors in state_dict() share storage with the model's parameters
saved_ref = model.state_dict()
saved_copy = copy.deepcopy(model.state_dict())
print("shares memory with model.weight:", model.weight.data_ptr() == saved_ref["weight"].data_ptr())

# zh: 再训练一步
# en: train one more step
loss = model(torch.randn(4, 2)).pow(2).mean()
optimizer.zero_grad()
loss.backward()
optimizer.step()

print("reference follows the model:", torch.equal(saved_ref["weight"], model.weight))
print("deep copy kept the old value:", not torch.equal(saved_copy["weight"], model.weight))
