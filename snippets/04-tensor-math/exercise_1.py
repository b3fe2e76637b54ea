import torch

torch.manual_seed(0)
logits = torch.randn(3, 4)

# zh: 每行先取 exp，再除以该行之和；keepdim=True 让 (3, 1) 沿列广播
# en: exp each row, then divide by that row's sum; keepdim=True lets (3, 1) broadcast
e = logits.exp()
probs = e / e.sum(dim=1, keepdim=True)
print("probs:")
print(probs)
print("row sums:", probs.sum(dim=1))
assert torch.allclose(probs, torch.softmax(logits, dim=1))

# zh: 进阶：logits 很大时 exp 溢出成 inf；先减去每行最大值，结果不变且不溢出
# en: going further: large logits overflow exp to inf; subtracting each row's max avoids it
big = logits + 1000
naive = big.exp() / big.exp().sum(dim=1, keepdim=True)
shifted = (big - big.max(dim=1, keepdim=True).values).exp()
stable = shifted / shifted.sum(dim=1, keepdim=True)
print("naive on big logits:", naive[0])
print("stable on big logits:", stable[0])
assert torch.allclose(stable, torch.softmax(big, dim=1))
