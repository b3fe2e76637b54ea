import os
import tempfile

import torch
from torch import nn

torch.manual_seed(0)

model = nn.Linear(3, 1)
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
x, y = torch.randn(8, 3), torch.randn(8, 1)
for epoch in range(5):
    loss = nn.functional.mse_loss(model(x), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

# zh: 检查点：模型参数、优化器状态和轮数放在一个字典里
# en: a checkpoint: model weights, optimizer state and epoch in one dict
checkpoint = {"epoch": epoch, "model": model.state_dict(), "optimizer": optimizer.state_dict()}

with tempfile.TemporaryDirectory() as tmp_dir:
    path = os.path.join(tmp_dir, "checkpoint.pt")
    torch.save(checkpoint, path)
    loaded = torch.load(path, weights_only=True)

new_model = nn.Linear(3, 1)
new_optimizer = torch.optim.Adam(new_model.parameters(), lr=0.01)
new_model.load_state_dict(loaded["model"])
new_optimizer.load_state_dict(loaded["optimizer"])

print("resume from epoch:", loaded["epoch"] + 1)
old_avg = optimizer.state[model.weight]["exp_avg"]
new_avg = new_optimizer.state[new_model.weight]["exp_avg"]
print("Adam exp_avg restored:", torch.equal(old_avg, new_avg))
assert torch.equal(old_avg, new_avg)
