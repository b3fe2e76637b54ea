import torch
from sklearn.datasets import load_digits
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

digits = load_digits()
dataset = TensorDataset(torch.tensor(digits.data, dtype=torch.float32) / 16, torch.tensor(digits.target))


def run(seed):
    # zh: 一个种子管模型初始化和 dropout，一个独立的生成器管数据顺序
    # en: one seed for initialisation and dropout, a separate generator for the data order
    torch.manual_seed(seed)
    loader = DataLoader(dataset, batch_size=64, shuffle=True, generator=torch.Generator().manual_seed(seed))
    model = nn.Sequential(nn.Linear(64, 64), nn.ReLU(), nn.Dropout(0.2), nn.Linear(64, 10))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    for xb, yb in loader:
        loss = nn.functional.cross_entropy(model(xb), yb)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return torch.cat([p.detach().flatten() for p in model.parameters()])


print("threads:", torch.get_num_threads(), "| deterministic:", torch.are_deterministic_algorithms_enabled())
# zh: 打开确定性算法，并固定线程数；结束后恢复原来的设置
# en: turn on deterministic algorithms and fix the thread count; restore the previous settings afterwards
previous_threads, previous_deterministic = torch.get_num_threads(), torch.are_deterministic_algorithms_enabled()
torch.use_deterministic_algorithms(True)
torch.set_num_threads(1)
try:
    first, second, other_seed = run(0), run(0), run(1)
    # zh: 没有确定性实现的运算会直接报错，CPU 上也有，比如索引重复的 put_（两次写入谁留下来？）
    # en: an operation with no deterministic implementation raises, on the CPU too: put_ with a repeated index
    try:
        torch.zeros(3).put_(torch.tensor([0, 0]), torch.tensor([1.0, 2.0]))
    except RuntimeError as err:
        print("RuntimeError:", str(err).split(", but")[0])
finally:
    torch.use_deterministic_algorithms(previous_deterministic)
    torch.set_num_threads(previous_threads)
print("seed 0 twice, same parameters (bitwise):", torch.equal(first, second))
print("seed 0 vs seed 1, same parameters:", torch.equal(first, other_seed))
print("threads:", torch.get_num_threads(), "| deterministic:", torch.are_deterministic_algorithms_enabled())
