import os
import tempfile

import torch
from torch import nn

torch.manual_seed(0)


def make_model():
    return nn.Sequential(nn.Linear(10, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 1))


model = make_model()
print("keys:", list(model.state_dict().keys()))
x = torch.randn(5, 10)

with tempfile.TemporaryDirectory() as tmp_dir:
    path = os.path.join(tmp_dir, "model.pt")
    # zh: 只保存参数，不保存整个模型对象
    # en: save the parameters only, not the whole model object
    torch.save(model.state_dict(), path)
    print("file size (bytes):", os.path.getsize(path))

    # zh: 新建一个结构相同、参数不同的模型，再把参数加载进去
    # en: build a fresh model with the same architecture and different weights, then load
    fresh = make_model()
    model.eval()
    fresh.eval()
    with torch.no_grad():
        print("before loading, same output:", torch.equal(fresh(x), model(x)))
        fresh.load_state_dict(torch.load(path, weights_only=True))
        print("after loading, same output:", torch.equal(fresh(x), model(x)))
        assert torch.equal(fresh(x), model(x))

print("temporary directory removed:", not os.path.exists(tmp_dir))
