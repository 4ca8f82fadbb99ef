#!/usr/bin/python3
"""NumPy implementation of the plan arithmetic after the population projection, run on
the inputs benchmarks/bench_plan.c writes, timed and checked against the C results.

Usage: bench_plan.py OUTDIR [REPEATS]

For every region r (Norway and 357 municipalities), scenario s (constant levers family
care m, standard g, productivity p, dreining d) and year y = base .. base + 25:
  users[k] = rate[k][age][sex] * P[y][sex][age] for levels k = 1..7, summed over ages
  and sexes; home levels 1-3 times m (the rest to level 0); long-term (7) times d with
  the difference moved one level down (6); level 0 = P - the others;
  FTE = sum_k users[k] * f[k] * (1+g)^t / (1+p)^t * sum_g mix[k][g] / (1 - absence[g]);
  operating cost = FTE * cost per FTE;
  places per type = users of levels 4,5 (housing) and 6,7 (nursing home); new places =
  max(0, rise); investment net = new * (cost - share * min(cost, ceiling));
  total = operating + investment net.
Two NumPy variants are timed:
  totals: the levers applied to users already summed over ages and sexes, all regions and
    scenarios as one vectorised computation. This does less than the C plan, and is exact
    only because no cell-level clamp binds for these levers;
  by age: the same arithmetic as the C plan (lib/services_run.c, rates mode): users of
    every (scenario, year, sex, single age, level) cell from the rates, family care on
    the home levels, dreining of level 7 into level 6 capped by what level 6 holds, the
    cell scaled back when its levels exceed its persons, level 0 = max(0, persons - the
    others); the full by-age array of each region is kept (as the C result is) and then
    summed to levels for FTE and costs. Vectorised over scenarios, years, sexes and ages,
    one region at a time (the C library also runs one plan per region).
"""
import json
import os
import sys
import time

import numpy as np

out = sys.argv[1]
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
meta = json.load(open(os.path.join(out, "meta.json")))
R, Y, A, K, G, S = (meta[k] for k in ("regions", "years", "ages", "levels", "groups",
                                      "scenarios"))


def load(name, shape):
    return np.fromfile(os.path.join(out, name), dtype="<f8").reshape(shape)


P = load("population.f64", (R, Y, 2, A))                 # [r][y][sex][age]
rates = load("rates.f64", (R, K, A, 2))                   # [r][k][age][sex]
staff = load("staffing.f64", (R, K + K * G + 2 * G))
fte_per_user = staff[:, :K]                               # [r][k]
mix = staff[:, K:K + K * G].reshape(R, K, G)               # [r][k][g]
absence = staff[:, K + K * G:K + K * G + G]                # [r][g]
costs = np.fromfile(os.path.join(out, "costs.f64"), dtype="<f8")
cost_fte = costs[0]
place = costs[1:].reshape(2, 3)                           # [type][cost, share, ceiling]
lev = np.array(meta["levers"])                            # [s][m, g, p, d]
res_c = load("results.f64", (R, S, Y, K + 3))


def plan_numpy():
    # users by level, all ages and sexes: [r][y][k]
    users = np.einsum("rkas,rysa->ryk", rates, P)
    pop = P.sum(axis=(2, 3))                              # [r][y]
    users = np.broadcast_to(users[:, None], (R, S, Y, K)).copy()
    m = lev[:, 0][None, :, None]
    d = lev[:, 3][None, :, None]
    users[..., 1:4] *= m[..., None]
    moved = users[..., 7] * (1 - d)
    users[..., 7] -= moved
    users[..., 6] += moved
    users[..., 0] = pop[:, None, :] - users[..., 1:].sum(axis=-1)
    t = np.arange(Y)
    factor = (1 + lev[:, 1])[:, None] ** t / (1 + lev[:, 2])[:, None] ** t     # [s][y]
    per_level = (mix / (1 - absence)[:, None, :]).sum(axis=2) * fte_per_user    # [r][k]
    fte = np.einsum("rsyk,rk->rsy", users, per_level) * factor[None]
    operating = fte * cost_fte
    total = operating.copy()
    for j, levels in ((1, [4, 5]), (0, [6, 7])):          # housing, nursing home
        cap = users[..., levels].sum(axis=-1)             # [r][s][y]
        new = np.maximum(0.0, np.diff(cap, axis=-1, prepend=cap[..., :1]))
        cost, share, ceiling = place[j]
        total += new * (cost - share * min(cost, ceiling))
    return users, fte, operating, total


def plan_numpy_byage():
    m = lev[:, 0][:, None, None, None]                    # [s][1][1][1]
    d = lev[:, 3][:, None, None, None]
    t = np.arange(Y)
    factor = (1 + lev[:, 1])[:, None] ** t / (1 + lev[:, 2])[:, None] ** t     # [s][y]
    per_level = (mix / (1 - absence)[:, None, :]).sum(axis=2) * fte_per_user    # [r][k]
    users_all = np.empty((R, S, Y, K))
    for r in range(R):
        Pr = P[r]                                         # [y][sex][age]
        rt = rates[r].transpose(2, 1, 0)                  # [sex][age][k]
        c = Pr[..., None] * rt[None]                      # [y][sex][age][k]
        c = np.broadcast_to(c[None], (S,) + c.shape).copy()  # [s][y][sex][age][k]
        c[..., 1:4] *= m[..., None]
        moved = c[..., 7] * (1 - d)
        below = c[..., 6]
        moved = np.where((moved < 0) & (-moved > below),
                         np.where(below > 0, -below, 0.0), moved)
        c[..., 7] -= moved
        c[..., 6] += moved
        persons = Pr[None]                                # [1][y][sex][age]
        others = c[..., 1:].sum(axis=-1)
        over = (others > persons) & (others > 0)
        scale = np.where(over, persons / np.where(others > 0, others, 1.0), 1.0)
        c[..., 1:] *= scale[..., None]
        others = np.where(over, persons, others)
        c[..., 0] = np.maximum(persons - others, 0.0)
        users_all[r] = c.sum(axis=(2, 3))                 # the full array c is the result
    fte = np.einsum("rsyk,rk->rsy", users_all, per_level) * factor[None]
    operating = fte * cost_fte
    total = operating.copy()
    for j, levels in ((1, [4, 5]), (0, [6, 7])):
        cap = users_all[..., levels].sum(axis=-1)
        new = np.maximum(0.0, np.diff(cap, axis=-1, prepend=cap[..., :1]))
        cost, share, ceiling = place[j]
        total += new * (cost - share * min(cost, ceiling))
    return users_all, fte, operating, total


best = best_cpu = float("inf")
for _ in range(repeats):
    t0, c0 = time.perf_counter(), time.process_time()
    users, fte, operating, total = plan_numpy()
    best = min(best, time.perf_counter() - t0)
    best_cpu = min(best_cpu, time.process_time() - c0)
best_age = best_age_cpu = float("inf")
for _ in range(repeats):
    t0, c0 = time.perf_counter(), time.process_time()
    users_a, fte_a, operating_a, total_a = plan_numpy_byage()
    best_age = min(best_age, time.perf_counter() - t0)
    best_age_cpu = min(best_age_cpu, time.process_time() - c0)


def rel(a, b):
    return float(np.max(np.abs(a - b) / np.maximum(1.0, np.abs(b))))


print(f"NumPy {np.__version__}: {R} regions x {S} scenarios x {Y} years, best of {repeats}:")
print(f"  totals only (less than C): wall {best:.4f} s, CPU {best_cpu:.4f} s "
      f"({1e3 * best_cpu / R:.3f} ms per region)")
print(f"  by age (same as C):        wall {best_age:.4f} s, CPU {best_age_cpu:.4f} s "
      f"({1e3 * best_age_cpu / R:.3f} ms per region)")
cc = meta.get("c_cpu_seconds", meta["c_seconds"])
print(f"C given-population plans: wall {meta['c_seconds']:.4f} s, CPU {cc:.4f} s")
print(f"C / NumPy (CPU): {cc / best_cpu:.2f} against totals only, {cc / best_age_cpu:.2f} "
      f"against by age (above 1: NumPy faster)")
print("agreement of NumPy by age with C (max relative difference):")
print(f"  users by level     {rel(users_a, res_c[..., :K]):.2e}")
print(f"  FTE demand         {rel(fte_a, res_c[..., K]):.2e}")
print(f"  operating cost     {rel(operating_a, res_c[..., K + 1]):.2e}")
print(f"  total cost         {rel(total_a, res_c[..., K + 2]):.2e}")
print("agreement of NumPy totals with C (max relative difference):")
print(f"  users by level     {rel(users, res_c[..., :K]):.2e}")
print(f"  FTE demand         {rel(fte, res_c[..., K]):.2e}")
print(f"  operating cost     {rel(operating, res_c[..., K + 1]):.2e}")
print(f"  total cost         {rel(total, res_c[..., K + 2]):.2e}")
worst = max(rel(users, res_c[..., :K]), rel(fte, res_c[..., K]),
            rel(operating, res_c[..., K + 1]), rel(total, res_c[..., K + 2]),
            rel(users_a, res_c[..., :K]), rel(fte_a, res_c[..., K]),
            rel(total_a, res_c[..., K + 2]))
sys.exit(0 if worst < 1e-9 else 1)
