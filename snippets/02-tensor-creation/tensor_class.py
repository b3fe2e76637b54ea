import torch

# zh: torch.Tensor(2, 3)：整数参数被当作形状，得到未初始化的 float32 张量
# en: torch.Tensor(2, 3): integer arguments are a shape; you get an uninitialised float32 tensor
a = torch.Tensor(2, 3)
print("torch.Tensor(2, 3) -> shape:", a.shape, "dtype:", a.dtype)

# zh: torch.Tensor([2, 3])：列表被当作数据，而且整数被转成了 float32
# en: torch.Tensor([2, 3]): a list is data, and the integers become float32
b = torch.Tensor([2, 3])
print("torch.Tensor([2, 3]) ->", b)

# zh: 同一个数字，两种写法含义完全不同
# en: the same number means two different things
print("torch.Tensor(5).shape:", torch.Tensor(5).shape)
print("torch.tensor(5):", torch.tensor(5))

# zh: torch.tensor 只接收数据，并从数据推断 dtype
# en: torch.tensor only takes data and infers the dtype from it
print("torch.tensor([2, 3]) ->", torch.tensor([2, 3]), torch.tensor([2, 3]).dtype)
