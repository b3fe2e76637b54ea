import torch
from torch import nn

torch.manual_seed(0)


class MyDropout(nn.Module):
    def __init__(self, p):
        super().__init__()
        self.p = p

    def forward(self, x):
        if not self.training:
            return x
        keep = (torch.rand_like(x) >= self.p).to(x.dtype)
        return x * keep / (1 - self.p)


dropout = MyDropout(p=0.25)
out = dropout(torch.ones(100_000))
print(f"fraction zeroed: {(out == 0).float().mean().item():.3f}, mean: {out.mean().item():.3f}")
print("values kept:", [round(v, 4) for v in out[out != 0].unique().tolist()])
dropout.eval()
x = torch.randn(3, 5)
print("eval output equals input:", torch.equal(dropout(x), x))
