import torch

torch.set_printoptions(precision=4)
# zh: 2 个样本、4 个类别：每行是一个样本的 logits
# en: 2 samples, 4 classes: each row holds one sample's logits
logits = torch.tensor([[2.0, 1.0, 0.1, -1.0],
                       [0.5, 0.5, 3.0, 0.0]])

# zh: softmax：每个元素取指数，再除以所在行的总和
# en: softmax: exponentiate every element, then divide by its row's sum
exp = torch.exp(logits)
by_formula = exp / exp.sum(dim=1, keepdim=True)
prob = torch.softmax(logits, dim=1)
print("by formula:\n", by_formula)
print("torch.softmax:\n", prob)
torch.testing.assert_close(prob, by_formula)

print("row sums:", prob.sum(dim=1))
# zh: softmax 不改变大小顺序：最大的 logit 对应最大的概率
# en: softmax keeps the order: the largest logit gets the largest probability
print("argmax of logits:", logits.argmax(dim=1), " argmax of prob:", prob.argmax(dim=1))
