import torch


def shrink(x):
    while x.norm() > 1:
        x = x / 2
    return x


# zh: 符号追踪不知道 x 的值，无法决定 while 循环该走几次
# en: symbolic tracing does not know the values of x, so it cannot decide how often to loop
try:
    torch.fx.symbolic_trace(shrink)
except torch.fx.proxy.TraceError as err:
    print("TraceError:", err)
