#!/usr/bin/python3
"""A straightforward NumPy implementation of the Monte Carlo of bench_mc.c: per draw,
Dirichlet rows drawn from the counts (numpy Generator.standard_gamma, normalised), the
family-care and dreining levers as entry factors, and the coupled Markov staircase step
of benchmarks/bench_markov.py (deaths by relative mortality, band matrices, capacity,
ageing, rescaling). Checks the central run against C to 1e-9 and the draws against C's
statistically (means within 4 standard errors, percentiles side by side), and times
itself. NumPy's random streams differ from GSL's, so single draws are not comparable.

Usage: bench_mc.py OUTDIR [DRAWS_NORWAY [MUNICIPALITIES_TIMED]]
"""
import sys
import time

import numpy as np

import staircase_np

d = sys.argv[1]
draws_np = int(sys.argv[2]) if len(sys.argv) > 2 else 200
muni_np = int(sys.argv[3]) if len(sys.argv) > 3 else 40
meta, load = staircase_np.read_outdir(d)
K, A, NY, NB, R = meta["K"], meta["A"], meta["NY"], meta["NB"], meta["n_regions"]
mu = np.array(meta["mu"])
band_lo = meta["band_lo"]

COUNTS = load("counts.f64", (NB, 2, K, K))
P = load("pop.f64", (R, NY, 2, A + 1))
Q = load("q.f64", (R, NY - 1, 2, A + 1))
X0 = load("x0.f64", (R, 2, A + 1, K))
CAP = load("capacity.f64", (R, 2))
CENTRAL = load("central.f64", (R, NY, K))
DN = meta["draws_norway"]
C_LAST = load("c_last.f64", (K, DN))
bands = staircase_np.bands_of(band_lo, A)
capped = meta["capped"]
ALPHA = COUNTS + meta["prior_weight"] / K
HOME = [1, 2, 3]
LONG_TERM = 7


def project(r, T):
    return staircase_np.project(X0[r], Q[r], P[r], CAP[r], T, mu, bands, capped)


def entry_factors(T, g):
    """T'[i,j] = T[i,j] g[j] off the diagonal, rows capped at 1, the rest on the diagonal."""
    off = T * g[None, None, None, :]
    idx = np.arange(K)
    off[..., idx, idx] = 0.0
    s = off.sum(-1, keepdims=True)
    off = np.where(s > 1.0, off / s, off)
    off[..., idx, idx] = 1.0 - np.minimum(s[..., 0], 1.0)
    return off


def draw(rng):
    fam = rng.uniform(0.9, 1.1)
    dre = rng.triangular(0.8, 1.0, 1.05)
    G = rng.standard_gamma(ALPHA)
    T = G / G.sum(-1, keepdims=True)
    g = np.ones(K)
    g[HOME] = fam
    g[LONG_TERM] = dre
    return entry_factors(T, g)


# Central run: posterior means, levers neutral.
T_mean = ALPHA / ALPHA.sum(-1, keepdims=True)
worst = 0.0
for r in range(R):
    u, _ = project(r, T_mean)
    agg = u.sum(axis=(1, 2))
    worst = max(worst, np.max(np.abs(agg - CENTRAL[r]) / np.maximum(1.0, np.abs(CENTRAL[r]))))

# Norway: draws.
rng = np.random.default_rng(2026)
last = np.empty((K, draws_np))
s0 = time.perf_counter()
for i in range(draws_np):
    u, _ = project(0, draw(rng))
    last[:, i] = u[-1].sum(axis=(0, 1))
t_norway = time.perf_counter() - s0

# Municipalities: muni_np regions x 2 draws, timed per draw.
s0 = time.perf_counter()
n = 0
for r in range(1, min(R, muni_np + 1)):
    for _ in range(2):
        project(r, draw(rng))
        n += 1
t_muni_draw = (time.perf_counter() - s0) / n

print(f"NumPy {np.__version__} (straightforward: Dirichlet via standard_gamma, per year 8 "
      f"band/sex matmuls + vectorised deaths and capacity)")
print(f"  central run vs C, users by year and level, all {R} regions: max rel diff {worst:.2e}")
z_max = 0.0
for k, name in ((3, "home nursing"), (7, "long-term")):
    c, p = C_LAST[k], last[k]
    se = np.sqrt(c.var(ddof=1) / c.size + p.var(ddof=1) / p.size)
    z = abs(c.mean() - p.mean()) / se if se > 0 else 0.0
    z_max = max(z_max, z)
    qc = np.percentile(c, [5, 50, 95])
    qp = np.percentile(p, [5, 50, 95])
    print(f"  {name} users 2051: C mean {c.mean():.0f} (p05 {qc[0]:.0f}, p50 {qc[1]:.0f}, "
          f"p95 {qc[2]:.0f}, {c.size} draws); NumPy mean {p.mean():.0f} (p05 {qp[0]:.0f}, "
          f"p50 {qp[1]:.0f}, p95 {qp[2]:.0f}, {p.size} draws); |z| of the means {z:.2f}")
rate_np = draws_np / t_norway
rate_c1 = DN / meta["c_norway_1"]
rate_c2 = DN / meta["c_norway_2"]
print(f"  Norway: {draws_np} draws in {t_norway:.2f} s = {rate_np:.1f} draws/s "
      f"(C: {rate_c1:.0f} draws/s on 1 thread, {rate_c2:.0f} on 2; C/NumPy {rate_c1 / rate_np:.1f}x "
      f"on one core)")
c_muni = meta["c_muni_2"] / ((R - 1) * meta["draws_muni"])
print(f"  municipalities: {1e3 * t_muni_draw:.2f} ms per draw ({n} draws of {n // 2} regions); "
      f"C {1e3 * c_muni:.3f} ms per draw on 2 threads ({(R - 1) * meta['draws_muni']} draws); "
      f"357 x 1000 draws would take NumPy {357000 * t_muni_draw / 60:.0f} min, C "
      f"{357000 * c_muni / 60:.1f} min")
ok = worst < 1e-9 and z_max < 4
print("  results agree" if ok else "  RESULTS DIFFER")
sys.exit(0 if ok else 1)
