import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)

# zh: 办法一：先 sum() 成标量，得到每个元素的导数 2x
# en: option 1: sum() to a scalar first; you get the element-wise derivative 2x
(x**2).sum().backward()
print("via sum():", x.grad)

# zh: 办法二：传入 gradient，全 1 时与 sum() 等价
# en: option 2: pass gradient; all ones is the same as sum()
x.grad = None
y = x**2
y.backward(gradient=torch.ones_like(y))
print("gradient=ones:", x.grad)

# zh: gradient 是每个输出的权重：结果是 v · dy/dx（向量与雅可比矩阵的乘积）
# en: gradient weighs each output: the result is v · dy/dx (a vector-Jacobian product)
x.grad = None
y = x**2
v = torch.tensor([1.0, 0.1, 0.0])
y.backward(gradient=v)
print("gradient=[1, 0.1, 0]:", x.grad)
