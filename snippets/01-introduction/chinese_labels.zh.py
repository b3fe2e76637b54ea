from pathlib import Path

import matplotlib.pyplot as plt
import torch
from matplotlib import font_manager

# 很多教程让你写 rcParams["font.sans-serif"] = ["SimHei"]，但 SimHei（黑体）是 Windows 自带的字体，
# Linux 服务器和大多数 Mac 上根本没有它，中文就会变成方框，还会报 “Glyph ... missing” 警告
try:
    print("SimHei:", font_manager.findfont("SimHei", fallback_to_default=False))
except ValueError as err:
    print("ValueError:", err)

# 改用一款开源授权（SIL OFL）的中文字体文件，注册给 matplotlib。
# 本仓库自带思源黑体（Noto Sans CJK SC）的常用字子集；你也可以换成自己下载的任意 .otf/.ttf 字体
font_path = Path(__file__).resolve().parents[2] / "fonts" / "NotoSansSC-Subset.otf"
font_manager.fontManager.addfont(font_path)
family = font_manager.FontProperties(fname=font_path).get_name()
print("registered font family:", family)
torch.manual_seed(0)
steps = torch.arange(1, 51)
loss = 2.0 / steps + 0.05 * torch.rand(50)

# 字体列表里把 DejaVu Sans 放在后面作为后备，中文字体缺少的符号由它补上。
# rc_context 只在 with 块里改用这个字体，块结束就恢复原来的设置，笔记本里后面的图不受影响
with plt.rc_context({"font.family": [family, "DejaVu Sans"]}):
    fig, ax = plt.subplots(figsize=(6, 3.5))
    ax.plot(steps, loss, marker=".", label="训练损失")
    ax.set_title("中文标签示例：损失随迭代下降")
    ax.set_xlabel("迭代次数")
    ax.set_ylabel("损失")
    ax.legend()
    plt.show()
