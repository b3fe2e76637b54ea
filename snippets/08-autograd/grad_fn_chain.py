import torch

x = torch.tensor(5.0)
w = torch.tensor(2.0, requires_grad=True)
b = torch.tensor(1.0, requires_grad=True)
y = torch.tensor(3.0)

z = x * w + b
loss = (z - y) ** 2
print("z.grad_fn:", z.grad_fn.name())
print("loss.grad_fn:", loss.grad_fn.name())


# zh: 从 loss 出发，沿 next_functions 逐层打印反向图
# en: start at loss and print the backward graph through next_functions
def show(node, depth=0):
    if node is None:
        # zh: None 表示这个输入不需要梯度（x 和 y）
        # en: None means this input needs no gradient (x and y)
        print("  " * depth + "None")
        return
    label = node.name()
    if hasattr(node, "variable"):
        label += f" -> leaf with value {node.variable.item()}"
    print("  " * depth + label)
    for parent, _ in node.next_functions:
        show(parent, depth + 1)


show(loss.grad_fn)
