import copy

import torch
from torch import nn

torch.manual_seed(0)


class EarlyStopping:
    def __init__(self, patience):
        self.patience = patience
        self.best_loss = float("inf")
        self.best_epoch = -1
        self.best_state = None

    def step(self, epoch, val_loss, model):
        # zh: 记录这一轮；该停止时返回 True
        # en: record this epoch; return True when training should stop
        if val_loss < self.best_loss:
            self.best_loss, self.best_epoch = val_loss, epoch
            self.best_state = copy.deepcopy(model.state_dict())
        return epoch - self.best_epoch >= self.patience


# zh: 用一串假想的验证损失测试它：最低点在第 3 轮（轮次从 0 数起）
# en: test it on made-up validation losses: the lowest is at epoch 3 (counting from 0)
model = nn.Linear(2, 1)
val_losses = [0.9, 0.7, 0.6, 0.55, 0.58, 0.57, 0.6, 0.62, 0.61, 0.65]
stopper = EarlyStopping(patience=3)
for epoch, val_loss in enumerate(val_losses):
    if stopper.step(epoch, val_loss, model):
        break
print(f"stopped at epoch {epoch}, best epoch {stopper.best_epoch}, best loss {stopper.best_loss}")
assert (epoch, stopper.best_epoch) == (6, 3)
