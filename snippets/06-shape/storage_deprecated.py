import warnings

import torch

x = torch.arange(6)

# zh: 把警告当作错误捕获，打印它的原文
# en: turn the warning into an error so we can catch it and print its text
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        x.storage()
    except UserWarning as err:
        print("UserWarning:", err)

print("x.untyped_storage().nbytes():", x.untyped_storage().nbytes())
