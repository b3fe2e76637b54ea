import torch
from torch.utils.data import DataLoader, Dataset


class NoLength(Dataset):
    # zh: 忘了写 __len__
    # en: __len__ forgotten
    def __getitem__(self, index):
        return torch.tensor(float(index))


# zh: 打乱需要知道样本总数，所以创建 DataLoader 时就会出错
# en: shuffling needs the number of samples, so creating the DataLoader already fails
try:
    DataLoader(NoLength(), batch_size=4, shuffle=True)
except TypeError as err:
    print("TypeError:", err)
