import torch

logits = torch.tensor([1000.0, 1001.0, 1002.0])

# zh: 直接按公式算：e^1000 超出 float32 的范围，变成 inf，inf / inf 得到 nan
# en: the formula as written: e^1000 overflows float32 to inf, and inf / inf is nan
exp = torch.exp(logits)
print("exp(logits):", exp)
print("naive softmax:", exp / exp.sum())

# zh: 先减去最大值：最大的指数是 e^0 = 1，不会溢出，结果在数学上不变
# en: subtract the maximum first: the largest exponent is e^0 = 1, nothing overflows, the result is unchanged
shifted = logits - logits.max()
exp_shifted = torch.exp(shifted)
stable = exp_shifted / exp_shifted.sum()
print("shifted logits:", shifted)
print("stable softmax:", stable)
print("torch.softmax: ", torch.softmax(logits, dim=0))
torch.testing.assert_close(stable, torch.softmax(logits, dim=0))

# zh: 所有 logits 加上同一个常数，softmax 不变
# en: adding the same constant to all logits leaves softmax unchanged
small = torch.tensor([0.0, 1.0, 2.0])
print("softmax([0, 1, 2]):", torch.softmax(small, dim=0))
torch.testing.assert_close(torch.softmax(small, dim=0), torch.softmax(small + 1000, dim=0))
