import torch

x = torch.tensor([1, 4, 6, 9, 12])

# zh: 组合条件用 & | ~，每个比较都要加括号
# en: combine conditions with & | ~, with brackets around each comparison
print("x[(x > 3) & (x < 10)]:", x[(x > 3) & (x < 10)])
print("x[(x < 3) | (x > 10)]:", x[(x < 3) | (x > 10)])
print("x[~(x > 5)]:", x[~(x > 5)])

# zh: Python 的 and 需要一个真假值，多元素张量给不出来
# en: Python's `and` needs one truth value, which a many-element tensor cannot give
try:
    x[(x > 3) and (x < 10)]
except RuntimeError as err:
    print("RuntimeError:", err)

# zh: 不加括号也会出同样的错：& 先于 > 计算，变成了连续比较
# en: leaving out the brackets fails the same way: & binds before >, making a chained comparison
try:
    x[x > 3 & x < 10]
except RuntimeError as err:
    print("RuntimeError:", err)
