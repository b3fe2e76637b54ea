import torch

logits = torch.tensor([[2.3], [-0.7], [0.4], [-3.1], [1.2]])
labels = torch.tensor([[1.0], [0.0], [0.0], [0.0], [1.0]])

# zh: 概率大于 0.5 判为 1，等价于 logit 大于 0
# en: probability above 0.5 means class 1, the same as a logit above 0
pred_by_prob = (torch.sigmoid(logits) > 0.5).float()
pred = (logits > 0).float()
assert torch.equal(pred, pred_by_prob)

correct = (pred == labels)
accuracy = correct.float().mean().item()
print("pred:   ", pred.flatten().tolist())
print("labels: ", labels.flatten().tolist())
print("correct:", correct.flatten().tolist())
print(f"accuracy: {accuracy:.2f}")
