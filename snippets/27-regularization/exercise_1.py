import torch
from torch import nn

torch.manual_seed(0)
x, y = torch.randn(32, 4), torch.randn(32, 1)
lam = 0.1
start = nn.Linear(4, 1).state_dict()


def train(optimizer_class, weight_decay, l2_in_loss):
    model = nn.Linear(4, 1)
    model.load_state_dict(start)
    optimizer = optimizer_class(model.parameters(), lr=0.01, weight_decay=weight_decay)
    for _ in range(20):
        loss = nn.functional.mse_loss(model(x), y)
        if l2_in_loss:
            loss = loss + lam / 2 * sum(p.pow(2).sum() for p in model.parameters())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return torch.cat([p.detach().flatten() for p in model.parameters()])


l2_adam = train(torch.optim.Adam, 0.0, l2_in_loss=True)
adam = train(torch.optim.Adam, lam, l2_in_loss=False)
adamw = train(torch.optim.AdamW, lam, l2_in_loss=False)
print("Adam(weight_decay) == Adam + L2 in loss:", torch.allclose(adam, l2_adam))
print("AdamW(weight_decay) == Adam + L2 in loss:", torch.allclose(adamw, l2_adam))
print("largest difference AdamW vs L2:", f"{(adamw - l2_adam).abs().max().item():.4f}")
