import numpy as np
import torch

a = np.arange(3, dtype=np.float32)
candidates = {
    "torch.from_numpy(a)": torch.from_numpy(a),
    "torch.tensor(a)": torch.tensor(a),
    "torch.as_tensor(a)": torch.as_tensor(a),
    "torch.as_tensor(a, dtype=torch.float64)": torch.as_tensor(a, dtype=torch.float64),
}
for name, x in candidates.items():
    print(f"{name:42} shares: {x.data_ptr() == a.ctypes.data}")

shares = [x.data_ptr() == a.ctypes.data for x in candidates.values()]
assert shares == [True, False, True, False]
