import matplotlib.pyplot as plt
import torch

torch.manual_seed(0)
n = 10_000
uniform = torch.rand(n)
normal = torch.randn(n)

print(f"rand:  min={uniform.min():.4f}  max={uniform.max():.4f}  mean={uniform.mean():.3f}")
print(f"randn: min={normal.min():.4f}  max={normal.max():.4f}  mean={normal.mean():.3f}  std={normal.std():.3f}")

bins = torch.linspace(-4, 4, 81).numpy()
fig, ax = plt.subplots(figsize=(6, 4))
ax.hist(uniform.numpy(), bins=bins, density=True, alpha=0.6, color="tab:blue", label="rand: uniform on [0, 1)")
ax.hist(normal.numpy(), bins=bins, density=True, alpha=0.6, color="tab:orange", label="randn: standard normal")
ax.set_title(f"rand vs randn, {n:,} samples each")
ax.set_xlabel("value")
ax.set_ylabel("density")
ax.legend(loc="upper left")
plt.show()
