import torch

scores = torch.tensor([[0.1, 0.7, 0.2], [0.5, 0.3, 0.2]])

# zh: 不给 dim 时，max 只返回最大值
# en: without dim, max returns just the largest value
print("scores.max():", scores.max())

# zh: 给了 dim，max 返回一个具名元组（values, indices）
# en: with dim, max returns a named tuple (values, indices)
result = scores.max(dim=1)
print(result)
print("values:", result.values, " indices:", result.indices)

# zh: 可以直接解包；argmax 只要索引
# en: you can unpack it; argmax gives only the indices
values, indices = scores.min(dim=0)
print("min over dim 0 -> values:", values, " indices:", indices)
print("scores.argmax(dim=1):", scores.argmax(dim=1))
print("scores.argmax():", scores.argmax(), "(index into the flattened tensor)")
