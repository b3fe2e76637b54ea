import torch
from sklearn.datasets import load_digits
from torch import nn

device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
digits = load_digits()
X = (torch.tensor(digits.data, dtype=torch.float32) / 16).to(device)
y = torch.tensor(digits.target).to(device)


def make_net(batch_norm):
    # zh: 6 个隐藏层、He 初始化；batch_norm=True 时每个线性层后面接 BatchNorm1d
    # en: 6 hidden layers, He initialisation; with batch_norm=True a BatchNorm1d follows every linear layer
    layers, n_in = [], 64
    for _ in range(6):
        linear = nn.Linear(n_in, 64, bias=not batch_norm)
        nn.init.kaiming_normal_(linear.weight, nonlinearity="relu")
        layers += [linear, nn.BatchNorm1d(64), nn.ReLU()] if batch_norm else [linear, nn.ReLU()]
        n_in = 64
    return nn.Sequential(*layers, nn.Linear(64, 10)).to(device)


final = {}
for lr in [0.01, 0.1, 1.0]:
    for batch_norm in [False, True]:
        torch.manual_seed(0)
        model = make_net(batch_norm)
        optimizer = torch.optim.SGD(model.parameters(), lr=lr)
        for epoch in range(5):
            losses = []
            for idx in torch.randperm(len(X)).split(64):
                loss = nn.functional.cross_entropy(model(X[idx]), y[idx])
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
                losses.append(loss.item())
        # zh: 最后一轮的平均训练损失
        # en: mean training loss over the last epoch
        final[lr, batch_norm] = sum(losses) / len(losses)
    print(f"lr {lr:<4}: plain {final[lr, False]:.2f} | BatchNorm {final[lr, True]:.2f}")
print("lr 1.0, plain stuck at chance or diverged (loss > 2 or nan):", not final[1.0, False] < 2)
print("lr 1.0, BatchNorm trains (loss < 0.5):", final[1.0, True] < 0.5)
