#!/usr/bin/python3
"""A straightforward NumPy implementation of the coupled Markov staircase step of
docs/methods/staircase.md section 3 (deaths by relative mortality with capping,
band matrices, capacity hold-back top-down, ageing, rescaling to the next year's
population, births in level 0), run on the inputs bench_markov.c wrote, checked
against the C results and timed.

Usage: bench_markov.py OUTDIR [REPEATS]
"""
import sys
import time

import numpy as np

import staircase_np

d = sys.argv[1]
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
meta, load = staircase_np.read_outdir(d)
K, A, NY, NB, R = meta["K"], meta["A"], meta["NY"], meta["NB"], meta["n_regions"]
mu = np.array(meta["mu"])
band_lo = meta["band_lo"]

T = load("matrices.f64", (NB, 2, K, K))
P = load("pop.f64", (R, NY, 2, A + 1))
Q = load("q.f64", (R, NY - 1, 2, A + 1))
X0 = load("x0.f64", (R, 2, A + 1, K))
CAP = load("capacity.f64", (R, 2))
AGG = load("agg.f64", (R, NY, K))
QUEUE = load("queue.f64", (R, NY, K))
NORWAY = load("norway_users.f64", (NY, 2, A + 1, K))
bands = staircase_np.bands_of(band_lo, A)
capped = meta["capped"]


def project(r):
    return staircase_np.project(X0[r], Q[r], P[r], CAP[r], T, mu, bands, capped)


# check against C
users, queue = project(0)
err_norway = np.max(np.abs(users - NORWAY) / np.maximum(1.0, np.abs(NORWAY)))
max_agg = max_q = 0.0
for r in range(R):
    u, q = project(r)
    agg = u.sum(axis=(1, 2))
    max_agg = max(max_agg, np.max(np.abs(agg - AGG[r]) / np.maximum(1.0, np.abs(AGG[r]))))
    max_q = max(max_q, np.max(np.abs(q.sum(axis=(1, 2)) - QUEUE[r]) / np.maximum(1.0, np.abs(QUEUE[r]))))
# timing
times = []
for _ in range(repeats):
    s0 = time.perf_counter()
    project(0)
    times.append(time.perf_counter() - s0)
t_norway = sorted(times)[len(times) // 2]
s0 = time.perf_counter()
for r in range(R):
    project(r)
t_all = time.perf_counter() - s0
print(f"NumPy {np.__version__} (straightforward: per year, 8 band/sex matmuls + vectorised deaths)")
print(f"  agreement with C: Norway cells max rel diff {err_norway:.2e}; all regions users by "
      f"year/level {max_agg:.2e}, queues {max_q:.2e}")
print(f"  Norway, one projection (median of {repeats}): {1e3 * t_norway:.3f} ms")
print(f"  Norway + 357 municipalities (one pass): {t_all:.3f} s ({1e3 * t_all / R:.3f} ms per region)")
print(f"  ratio NumPy / C: Norway {t_norway / meta['c_norway_seconds']:.1f}x, all regions "
      f"{t_all / meta['c_all_seconds']:.1f}x")
ok = err_norway < 1e-9 and max_agg < 1e-9 and max_q < 1e-9
print("  results agree" if ok else "  RESULTS DIFFER")
sys.exit(0 if ok else 1)
