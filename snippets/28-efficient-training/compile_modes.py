import torch

# zh: 每种 mode 就是一组编译器设置，torch.compile 的文档建议用这个函数查看
# en: each mode is a set of compiler settings; the torch.compile docstring points to this function to list them
for mode in ("default", "reduce-overhead", "max-autotune"):
    print(f"{mode}:", torch._inductor.list_mode_options(mode))
