import matplotlib.pyplot as plt
import torch

p = torch.linspace(0.001, 0.999, 500)
loss_if_pass = -torch.log(p)
loss_if_fail = -torch.log(1 - p)

for prob in (0.9, 0.5, 0.1, 0.01):
    print(f"p = {prob:4}: loss if y = 1 is {-torch.log(torch.tensor(prob)).item():.3f}")

fig, ax = plt.subplots(figsize=(6, 4))
ax.plot(p, loss_if_pass, color="tab:blue", label="y = 1: -log(p)")
ax.plot(p, loss_if_fail, color="tab:orange", label="y = 0: -log(1 - p)")
ax.set(title="Binary cross-entropy for one sample", xlabel="predicted probability p",
       ylabel="loss", ylim=(0, 5))
ax.legend()
plt.show()
