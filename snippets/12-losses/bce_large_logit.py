import torch
from torch import nn

# zh: 目标是 0，而模型非常自信地给出很大的 logit：损失应该很大
# en: the target is 0 and the model is very confident it is 1: the loss should be large
target = torch.tensor([0.0])
for z in (5.0, 20.0, 40.0):
    logit = torch.tensor([z], requires_grad=True)
    prob = torch.sigmoid(logit)
    loss = nn.BCELoss()(prob, target)
    (grad,) = torch.autograd.grad(loss, logit)

    logit2 = torch.tensor([z], requires_grad=True)
    loss2 = nn.BCEWithLogitsLoss()(logit2, target)
    (grad2,) = torch.autograd.grad(loss2, logit2)

    print(f"logit {z:4}: sigmoid = {prob.item():.10f} | "
          f"BCELoss {loss.item():8.4f}, grad {grad.item():.4f} | "
          f"BCEWithLogitsLoss {loss2.item():8.4f}, grad {grad2.item():.4f}")
