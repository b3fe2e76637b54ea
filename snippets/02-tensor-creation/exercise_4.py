import torch

x = torch.tensor([0.9, -0.9, 1.5, 0.0])

as_long = x.long()
as_bool = x.bool()
print("x.long():", as_long)
print("x.bool():", as_bool)

assert as_long.tolist() == [0, 0, 1, 0]
assert as_bool.tolist() == [True, True, True, False]
assert as_long.dtype == torch.int64 and as_bool.dtype == torch.bool
print("predictions confirmed")
