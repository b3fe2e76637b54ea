import torch

x = torch.tensor([1.0, 2.0, 3.0])
y = torch.tensor([2.0, 4.0, 6.0])
w = torch.tensor(1.0, requires_grad=True)

loss = ((w * x - y) ** 2).mean()
loss.backward()
print("w.grad after the first backward:", w.grad)

# zh: backward 之后，图里为求导保存的中间结果已被释放
# en: after backward, the intermediate results saved in the graph are freed
try:
    loss.backward()
except RuntimeError as err:
    print("RuntimeError:", err)
