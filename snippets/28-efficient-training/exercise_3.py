import copy

import torch
from sklearn.datasets import load_digits
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

digits = load_digits()
dataset = TensorDataset(torch.tensor(digits.data, dtype=torch.float32) / 16, torch.tensor(digits.target))


def setup(seed):
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(64, 64), nn.ReLU(), nn.Dropout(0.2), nn.Linear(64, 10))
    generator = torch.Generator().manual_seed(seed)
    loader = DataLoader(dataset, batch_size=64, shuffle=True, generator=generator)
    optimizer = torch.optim.AdamW(model.parameters(), lr=3e-3)
    return model, optimizer, loader, generator


def train_epoch(model, optimizer, loader):
    for xb, yb in loader:
        loss = nn.functional.cross_entropy(model(xb), yb)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()


model, optimizer, loader, generator = setup(seed=0)
for _ in range(2):
    train_epoch(model, optimizer, loader)
uninterrupted = [p.detach().clone() for p in model.parameters()]

model, optimizer, loader, generator = setup(seed=0)
train_epoch(model, optimizer, loader)
# zh: 检查点只放在内存里（deepcopy），省去文件读写
# en: the checkpoint stays in memory (deepcopy) to skip the file
checkpoint = copy.deepcopy({"model": model.state_dict(), "optimizer": optimizer.state_dict(),
                            "torch_rng": torch.get_rng_state(), "loader_rng": generator.get_state()})
for restore in (["torch_rng", "loader_rng"], ["loader_rng"], ["torch_rng"]):
    model, optimizer, loader, generator = setup(seed=123)
    model.load_state_dict(checkpoint["model"])
    optimizer.load_state_dict(checkpoint["optimizer"])
    if "torch_rng" in restore:
        torch.set_rng_state(checkpoint["torch_rng"])
    if "loader_rng" in restore:
        generator.set_state(checkpoint["loader_rng"])
    train_epoch(model, optimizer, loader)
    same = all(torch.equal(a, b) for a, b in zip(uninterrupted, model.parameters(), strict=True))
    print(f"restored {' + '.join(restore):<21} resumed == uninterrupted: {same}")
