import warnings

from torch import nn

configs = {
    "batch_first=False (the default)": dict(layer=dict(), encoder=dict()),
    "batch_first=True, norm_first=True": dict(layer=dict(batch_first=True, norm_first=True), encoder=dict()),
    "... and enable_nested_tensor=False": dict(layer=dict(batch_first=True, norm_first=True),
                                              encoder=dict(enable_nested_tensor=False)),
}
for name, kw in configs.items():
    # zh: 把警告记录下来打印，而不是让它直接显示
    # en: record the warnings and print them instead of letting them show
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        layer = nn.TransformerEncoderLayer(d_model=16, nhead=4, **kw["layer"])
        nn.TransformerEncoder(layer, num_layers=2, **kw["encoder"])
    print(f"{name}: {len(caught)} warning(s)")
    for w in caught:
        print("   ", w.category.__name__, "-", w.message)
