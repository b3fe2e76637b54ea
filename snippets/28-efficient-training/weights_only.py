import pickle
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

import torch
from torch import nn


@dataclass
class TrainConfig:
    lr: float = 3e-3
    epochs: int = 10


model = nn.Linear(4, 2)
with tempfile.TemporaryDirectory() as tmp:
    path = Path(tmp) / "checkpoint.pt"
    # zh: 检查点里放了一个自定义类的对象
    # en: a checkpoint holding an object of your own class
    torch.save({"model": model.state_dict(), "config": TrainConfig()}, path)
    try:
        torch.load(path, weights_only=True)
    except pickle.UnpicklingError as err:
        print("UnpicklingError:", next(line for line in str(err).splitlines() if "Unsupported global" in line).strip())

    # zh: 换成普通的 dict：张量、数字、字符串、列表和字典都在允许之列
    # en: store a plain dict instead: tensors, numbers, strings, lists and dicts are all allowed
    torch.save({"model": model.state_dict(), "config": asdict(TrainConfig())}, path)
    checkpoint = torch.load(path, map_location="cpu", weights_only=True)
    print("config:", checkpoint["config"], "| TrainConfig again:", TrainConfig(**checkpoint["config"]))
