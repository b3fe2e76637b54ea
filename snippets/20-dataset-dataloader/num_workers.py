import torch
from torch.utils.data import DataLoader, Dataset, get_worker_info


class WhoLoadsMe(Dataset):
    def __len__(self):
        return 8

    def __getitem__(self, index):
        # zh: 在工作进程里，get_worker_info() 返回该进程的信息；在主进程里返回 None
        # en: inside a worker process get_worker_info() describes it; in the main process it is None
        info = get_worker_info()
        return torch.tensor(index), torch.tensor(-1 if info is None else info.id)


# zh: 工作进程以 spawn 或 forkserver 方式启动时会重新导入本脚本，这个判断让它们不再执行下面的代码
# en: workers started by spawn or forkserver import this script again; this check keeps them from running the code below
if __name__ == "__main__":
    for num_workers in (0, 2):
        loader = DataLoader(WhoLoadsMe(), batch_size=2, num_workers=num_workers)
        print(f"num_workers={num_workers}:")
        for index, worker in loader:
            print(f"  samples {index.tolist()} loaded by", "main process" if worker[0] == -1 else f"worker {worker[0]}")
