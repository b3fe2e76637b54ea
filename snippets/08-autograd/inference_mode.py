import torch

w = torch.tensor(2.0, requires_grad=True)

# zh: inference_mode() 比 no_grad() 更彻底：连版本计数等簿记也省掉，适合纯推理
# en: inference_mode() goes further than no_grad(): it also skips version-counter bookkeeping, for pure inference
with torch.inference_mode():
    y = w * 3
print("y.requires_grad:", y.requires_grad)
print("y.is_inference():", y.is_inference())

# zh: 代价：推理张量之后不能参与需要反向传播的计算
# en: the price: an inference tensor cannot later take part in a computation that needs backward
try:
    loss = (y * w) ** 2
except RuntimeError as err:
    print("RuntimeError:", err)

# zh: 真要用，先 clone() 成普通张量
# en: if you really need it, clone() it into a normal tensor first
loss = (y.clone() * w) ** 2
loss.backward()
print("w.grad after clone():", w.grad)
