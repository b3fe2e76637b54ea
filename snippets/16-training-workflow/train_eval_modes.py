import torch
from torch import nn

torch.manual_seed(0)

# zh: Dropout 在训练和评估时的行为不同
# en: Dropout behaves differently in training and in evaluation
model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Dropout(p=0.5), nn.Linear(8, 1))
x = torch.randn(3, 4)

model.train()
print("model.training:", model.training)
print("two passes equal:", torch.equal(model(x), model(x)))

model.eval()
print("model.training:", model.training)
print("two passes equal:", torch.equal(model(x), model(x)))

# zh: eval() 不会关闭梯度记录，no_grad() 才会
# en: eval() does not stop gradient tracking; no_grad() does
print("eval only, requires_grad:", model(x).requires_grad)
with torch.no_grad():
    print("eval + no_grad, requires_grad:", model(x).requires_grad)
