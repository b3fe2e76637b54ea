import torch
from torch.utils.data import DataLoader, Dataset


class Patients(Dataset):
    def __len__(self):
        return 6

    def __getitem__(self, index):
        # zh: 样本是一个字典
        # en: each sample is a dict
        return {"features": torch.full((3,), float(index)), "label": index % 2, "id": f"p{index}"}


batch = next(iter(DataLoader(Patients(), batch_size=4)))
# zh: 默认的合并函数逐个键合并：张量堆叠，数字变成张量，字符串变成列表
# en: the default collate works key by key: tensors are stacked, numbers become a tensor, strings a list
for key, value in batch.items():
    print(f"{key:8}: {type(value).__name__:6} {tuple(value.shape) if torch.is_tensor(value) else value}")
assert batch["features"].shape == (4, 3) and batch["id"] == ["p0", "p1", "p2", "p3"]
