import torch
from torch import nn

torch.manual_seed(0)

# zh: Flatten 把 8×8 的图片展平成 64 个特征；最后一层输出 10 个 logits，不加 softmax
# en: Flatten turns an 8×8 image into 64 features; the last layer outputs 10 logits, no softmax
model = nn.Sequential(
    nn.Flatten(),
    nn.Linear(64, 128), nn.ReLU(),
    nn.Linear(128, 64), nn.ReLU(),
    nn.Linear(64, 10),
)
print("parameters:", sum(p.numel() for p in model.parameters()))

# zh: 一批 5 张随机生成的假图片
# en: a batch of 5 random fake images
images = torch.rand(5, 8, 8)
logits = model(images)
prob = torch.softmax(logits, dim=1)
print("logits:", tuple(logits.shape), " prob:", tuple(prob.shape))
print("prob row sums:", prob.sum(dim=1).detach())
# zh: 预测的类别：logits 最大的位置，与概率最大的位置相同
# en: the predicted class: where the logits are largest, the same as where the probability is
print("argmax of logits:", logits.argmax(dim=1), " argmax of prob:", prob.argmax(dim=1))
assert torch.equal(logits.argmax(dim=1), prob.argmax(dim=1))
