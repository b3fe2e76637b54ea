import torch


def to_numpy_copy(t):
    # zh: detach 脱离计算图，cpu 搬到主机，copy 保证不共享内存
    # en: detach leaves the graph, cpu moves to the host, copy ends any sharing
    return t.detach().cpu().numpy().copy()


w = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
a = to_numpy_copy(w)
a[0] = 100.0
print("a:", a)
print("w:", w)

assert w[0].item() == 1.0
assert a.ctypes.data != w.data_ptr()
