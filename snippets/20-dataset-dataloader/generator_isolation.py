import torch
from torch.utils.data import DataLoader, TensorDataset

dataset = TensorDataset(torch.arange(10))


def first_order(use_generator, extra_random_call):
    torch.manual_seed(0)
    generator = torch.Generator().manual_seed(0) if use_generator else None
    loader = DataLoader(dataset, batch_size=10, shuffle=True, generator=generator)
    if extra_random_call:
        # zh: 比如新加了一层网络：它的初始化会消耗全局随机数
        # en: for example a new layer: its initialisation draws from the global RNG
        torch.nn.Linear(3, 3)
    return next(iter(loader))[0].tolist()


for use_generator in (False, True):
    before = first_order(use_generator, extra_random_call=False)
    after = first_order(use_generator, extra_random_call=True)
    print(f"generator={use_generator}:")
    print("  without the extra call:", before)
    print("  with the extra call:   ", after, " same order:", before == after)
