import numpy as np
import torch

print("int         ->", torch.tensor(3).dtype)
print("float       ->", torch.tensor(3.0).dtype)
print("bool        ->", torch.tensor(True).dtype)
print("complex     ->", torch.tensor(1 + 2j).dtype)
# zh: 列表里混有整数和浮点数时，整体提升为浮点
# en: a list that mixes integers and floats becomes floating point
print("[1, 2.5]    ->", torch.tensor([1, 2.5]).dtype)
# zh: NumPy 数组保留它自己的类型，不套用默认值
# en: a NumPy array keeps its own dtype instead of the default
print("np float64  ->", torch.tensor(np.array([1.0])).dtype)

# zh: 浮点的默认类型可以查询
# en: you can query the default floating-point dtype
print("torch.get_default_dtype():", torch.get_default_dtype())
# zh: 创建函数的浮点默认值也是 float32
# en: the creation functions default to float32 as well
print("zeros / rand / linspace:", torch.zeros(1).dtype, torch.rand(1).dtype, torch.linspace(0, 1, 2).dtype)
