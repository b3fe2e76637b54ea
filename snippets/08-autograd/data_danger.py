import torch

# zh: 错误示范：通过 .data 修改，autograd 完全察觉不到
# en: the wrong way: a change through .data is invisible to autograd
w = torch.tensor(2.0, requires_grad=True)
# zh: 反向传播要用到 w 本身：d(w**3)/dw = 3w**2
# en: backward will need w itself: d(w**3)/dw = 3w**2
loss = w**3
w.data.mul_(10)
# zh: _version 是内部的版本计数器，这里只为演示
# en: _version is the internal version counter, shown here only to make the point
print("w._version after .data change:", w._version)
loss.backward()
print(f"w.grad: {w.grad.item()}  (correct value at w = 2 is {3 * 2.0**2})")

# zh: 正确示范：在 no_grad() 里原地修改，版本号增加，autograd 会拦下错误
# en: the right way: change it in place inside no_grad(); the version goes up and autograd stops the mistake
w = torch.tensor(2.0, requires_grad=True)
loss = w**3
with torch.no_grad():
    w.mul_(10)
print("w._version after no_grad change:", w._version)
try:
    loss.backward()
except RuntimeError as err:
    print("RuntimeError:", err)
