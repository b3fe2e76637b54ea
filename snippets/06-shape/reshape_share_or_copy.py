import torch


def shares(a, b):
    return a.untyped_storage().data_ptr() == b.untyped_storage().data_ptr()


x = torch.arange(12).reshape(3, 4)
cases = {
    "x.reshape(4, 3)": x.reshape(4, 3),
    "x.T.reshape(2, 2, 3)": x.T.reshape(2, 2, 3),
    "x.T.reshape(12)": x.T.reshape(12),
}
for name, y in cases.items():
    print(f"{name:22} shares storage with x: {shares(x, y)}")

# zh: 共享时写入结果会改到 x；复制时不会
# en: writing to a result that shares changes x; writing to a copy does not
cases["x.reshape(4, 3)"][0, 0] = 100
cases["x.T.reshape(12)"][1] = -1
print("x after both writes:")
print(x)
