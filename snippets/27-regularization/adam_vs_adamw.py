import torch

lr, wd = 0.01, 0.1
# zh: 两个坐标的梯度相差悬殊：第一个是 1000，第二个是 0
# en: two coordinates with very different gradients: 1000 for the first, 0 for the second
grad = torch.tensor([1000.0, 0.0])


def one_step(optimizer_class, weight_decay, **options):
    w = torch.ones(2, requires_grad=True)
    optimizer = optimizer_class([w], lr=lr, weight_decay=weight_decay, **options)
    w.grad = grad.clone()
    optimizer.step()
    return w.detach()


# zh: 衰减的效果 = 有 weight_decay 时的 w 减去 weight_decay=0 时的 w
# en: the effect of decay = w with weight_decay minus w with weight_decay=0
effect = {}
for optimizer_class in (torch.optim.Adam, torch.optim.AdamW):
    name = optimizer_class.__name__
    effect[name] = one_step(optimizer_class, wd) - one_step(optimizer_class, 0.0)
    print(f"{name:<5} effect of weight_decay on w: {[round(v, 6) for v in effect[name].tolist()]}")

print("lr * wd * w:", lr * wd)
print("Adam: no decay where the gradient is large:", effect["Adam"][0].item() == 0.0)
print("AdamW: both shrink by lr * wd * w:", torch.allclose(effect["AdamW"], torch.full((2,), -lr * wd)))
# zh: Adam 的 decoupled_weight_decay=True 做的就是 AdamW 的解耦衰减
# en: Adam with decoupled_weight_decay=True applies AdamW's decoupled decay
decoupled = one_step(torch.optim.Adam, wd, decoupled_weight_decay=True)
print("Adam(decoupled_weight_decay=True) == AdamW:", torch.equal(decoupled, one_step(torch.optim.AdamW, wd)))
