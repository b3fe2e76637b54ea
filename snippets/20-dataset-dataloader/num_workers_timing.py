# snippet: output=varies
import time

import torch
from torch.utils.data import DataLoader, Dataset, TensorDataset


class SlowDataset(Dataset):
    def __len__(self):
        return 300

    def __getitem__(self, index):
        # zh: 假装每个样本要花 5 毫秒从磁盘读取和解码
        # en: pretend each sample takes 5 ms to read from disk and decode
        time.sleep(0.005)
        return torch.randn(30)


def seconds_per_epoch(dataset, num_workers):
    loader = DataLoader(dataset, batch_size=32, num_workers=num_workers)
    start = time.perf_counter()
    for batch in loader:
        pass
    return time.perf_counter() - start


# zh: 与上一段代码一样，启动工作进程的代码放在这个判断下面
# en: as in the previous snippet, the code that starts workers sits under this check
if __name__ == "__main__":
    print("start method:", torch.multiprocessing.get_start_method())
    in_memory = TensorDataset(torch.randn(569, 30))
    for name, dataset in (("in-memory tensors", in_memory), ("slow __getitem__", SlowDataset())):
        for num_workers in (0, 2):
            print(f"{name:17}  num_workers={num_workers}: {seconds_per_epoch(dataset, num_workers):.3f} s per epoch")
