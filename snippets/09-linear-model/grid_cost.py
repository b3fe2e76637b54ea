# zh: 每个参数取 100 个候选值，穷举要算多少次损失？
# en: with 100 candidate values per parameter, how many loss evaluations does brute force need?
points_per_axis = 100
evaluations_per_second = 1e9
seconds_per_year = 3600 * 24 * 365

print("parameters   evaluations   time at 1e9 per second")
for n_params in (1, 2, 3, 6, 10):
    evaluations = points_per_axis**n_params
    seconds = evaluations / evaluations_per_second
    if seconds < 1:
        time = f"{seconds * 1e3:.4f} ms"
    elif seconds < seconds_per_year:
        time = f"{seconds / 3600:.1f} h"
    else:
        time = f"{seconds / seconds_per_year:,.0f} years"
    print(f"{n_params:10d}   {evaluations:11.0e}   {time}")
