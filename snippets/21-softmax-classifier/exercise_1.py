import torch
import torch.nn.functional as F

torch.manual_seed(0)
# zh: 5 个样本，2 个类别
# en: 5 samples, 2 classes
logits = torch.randn(5, 2)
target = torch.tensor([0, 1, 1, 0, 1])

# zh: 两个类别时，softmax 给类别 1 的概率 = sigmoid(z1 - z0)
# en: with two classes, softmax's probability of class 1 = sigmoid(z1 - z0)
p_softmax = torch.softmax(logits, dim=1)[:, 1]
p_sigmoid = torch.sigmoid(logits[:, 1] - logits[:, 0])
print("softmax, class 1:   ", p_softmax)
print("sigmoid(z1 - z0):   ", p_sigmoid)
torch.testing.assert_close(p_softmax, p_sigmoid)

# zh: 交叉熵也一样：两类的 CrossEntropy = 以 z1 - z0 为 logit 的 BCE
# en: the losses agree too: two-class cross-entropy = BCE with logit z1 - z0
ce = F.cross_entropy(logits, target)
bce = F.binary_cross_entropy_with_logits(logits[:, 1] - logits[:, 0], target.float())
print(f"cross_entropy:        {ce.item():.6f}")
print(f"BCE with z1 - z0:     {bce.item():.6f}")
torch.testing.assert_close(ce, bce)
