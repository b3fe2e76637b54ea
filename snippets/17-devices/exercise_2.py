import torch

torch.manual_seed(0)
device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"


def to_device(batch, device):
    return {name: tensor.to(device) for name, tensor in batch.items()}


batch = {"x": torch.randn(8, 3), "y": torch.randn(8, 1), "mask": torch.ones(8, dtype=torch.bool)}
moved = to_device(batch, device)
print("keys:", list(moved))
print("all on the target device:", all(t.device.type == device for t in moved.values()))
assert all(t.device.type == device for t in moved.values())
