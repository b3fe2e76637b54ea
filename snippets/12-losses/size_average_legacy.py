import warnings

from torch import nn

# zh: 旧教程里的写法：仍能创建，但会发出警告，并被换算成 reduction
# en: the spelling from old tutorials still constructs, but warns and is mapped to reduction
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    loss_fn = nn.MSELoss(size_average=False)

print("UserWarning:", caught[0].message)
print("loss_fn.reduction:", loss_fn.reduction)
