import torch


def sizes(pieces):
    return [len(p) for p in pieces]


# zh: chunk(n) 每块取 ⌈长度 / n⌉ 个元素，最后一块装剩下的
# en: chunk(n) makes pieces of ⌈length / n⌉ elements; the last takes the rest
print("arange(6).chunk(3):", sizes(torch.arange(6).chunk(3)))
print("arange(7).chunk(3):", sizes(torch.arange(7).chunk(3)))

# zh: 块数可能少于 n
# en: it can return fewer than n pieces
print("arange(6).chunk(4):", sizes(torch.arange(6).chunk(4)))
print("arange(10).chunk(4):", sizes(torch.arange(10).chunk(4)))

# zh: 一定要 n 块、大小尽量平均时，用 tensor_split
# en: when you need exactly n pieces of near-equal size, use tensor_split
print("arange(6).tensor_split(4):", sizes(torch.arange(6).tensor_split(4)))
print("arange(10).tensor_split(4):", sizes(torch.arange(10).tensor_split(4)))
