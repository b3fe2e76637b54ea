import torch

torch.manual_seed(0)

# zh: 200 名学生，学习时长在 0 到 10 小时之间均匀分布
# en: 200 students, hours studied uniform between 0 and 10
g = torch.Generator().manual_seed(0)
hours = torch.rand(200, 1, generator=g) * 10
# zh: 真实规律：学 5 小时通过的概率是一半，学得越久越可能通过
# en: the hidden rule: 5 hours gives an even chance, more hours a better one
p_true = torch.sigmoid(1.5 * (hours - 5))
# zh: 按这个概率抽签，得到 0（不及格）或 1（及格）
# en: draw 0 (fail) or 1 (pass) with that probability
passed = torch.bernoulli(p_true, generator=g)

print("hours:", hours.shape, hours.dtype, " passed:", passed.shape, passed.dtype)
for h, y in zip(hours[:5, 0].tolist(), passed[:5, 0].tolist()):
    print(f"  {h:4.1f} h -> passed = {y:.0f}")
print(f"pass rate: {passed.mean().item():.3f}")
print(f"pass rate below 5 h: {passed[hours < 5].mean().item():.3f}")
print(f"pass rate from 5 h:  {passed[hours >= 5].mean().item():.3f}")
