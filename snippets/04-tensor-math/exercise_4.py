import torch

a = torch.ones(7, 1, 2, 3)
b = torch.ones(4, 3, 5)

# zh: 矩阵部分 (2, 3) @ (3, 5) -> (2, 5)；批量部分 (7, 1) 与 (4,) 广播成 (7, 4)
# en: matrix part (2, 3) @ (3, 5) -> (2, 5); batch part (7, 1) with (4,) broadcasts to (7, 4)
c = a @ b
print("c.shape:", c.shape)
assert c.shape == (7, 4, 2, 5)

n = torch.tensor([-7, 7])
print("n // 2:", n // 2, " trunc:", torch.div(n, 2, rounding_mode="trunc"))
assert (n // 2).tolist() == [-4, 3]
assert torch.div(n, 2, rounding_mode="trunc").tolist() == [-3, 3]
