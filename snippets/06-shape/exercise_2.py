import torch

torch.manual_seed(0)
images = torch.rand(8, 28, 28, 3)

nchw = images.permute(0, 3, 1, 2)
print("nchw.shape:", nchw.shape, "contiguous:", nchw.is_contiguous())

features = nchw.flatten(start_dim=1)
print("features.shape:", features.shape)
shares = features.untyped_storage().data_ptr() == images.untyped_storage().data_ptr()
print("features shares storage with images:", shares)

assert features.shape == (8, 3 * 28 * 28)
assert not shares
# zh: 第 1 个样本的第 0 个特征是红色通道左上角的像素
# en: the first feature of sample 1 is the top-left pixel of its red channel
assert features[1, 0] == images[1, 0, 0, 0]
print("checks passed")
