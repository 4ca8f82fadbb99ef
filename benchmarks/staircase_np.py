"""The coupled Markov staircase step of docs/methods/staircase.md section 3 in
straightforward NumPy (deaths by relative mortality with capping, band matrices,
capacity hold-back top-down, ageing, rescaling to the next year's population, births in
level 0), shared by benchmarks/bench_markov.py and benchmarks/bench_mc.py.
"""
import json
import os

import numpy as np


def read_outdir(d):
    """meta.json of a C benchmark's OUTDIR and a reader of its raw little-endian doubles:
    returns (meta, load) with load(name, shape) -> array."""
    with open(os.path.join(d, "meta.json")) as f:
        meta = json.load(f)

    def load(name, shape):
        return np.fromfile(os.path.join(d, name), dtype="<f8").reshape(shape)

    return meta, load


def bands_of(band_lo, A):
    """(first age, one past the last age) of each band."""
    return [(lo, band_lo[b + 1] if b + 1 < len(band_lo) else A + 1)
            for b, lo in enumerate(band_lo)]


def allocate_deaths(x, d, mu):
    """dead[s,a,k] = c mu_k x_k with c = d / sum mu x; levels that would lose more than they
    hold are emptied and the rest re-spread (as lib/services_run.c)."""
    dead = np.zeros_like(x)
    full = np.zeros(x.shape, dtype=bool)
    left = d.copy()
    active = left > 0
    for _ in range(x.shape[-1]):
        if not active.any():
            break
        wx = np.where(full, 0.0, mu * x)
        w = wx.sum(-1)
        c = np.divide(left, w, out=np.zeros_like(left), where=w > 0)
        want = c[..., None] * wx
        over = (~full) & (want >= x - dead) & (x > 0) & active[..., None]
        anyover = over.any(-1)
        done = active & ~anyover & (w > 0)
        dead = np.where(done[..., None] & ~full, dead + want, dead)
        left = np.where(anyover, left - np.where(over, x - dead, 0.0).sum(-1), left)
        dead = np.where(over, x, dead)
        full |= over
        active = active & anyover & (w > 0)
    return dead


def project(x0, q, p, cap0, T, mu, bands, capped):
    """Users and queue [NY][2][A+1][K] from the first year's state x0 [2][A+1][K], death
    probabilities q [NY-1][2][A+1], population p [NY][2][A+1], base-year capacity cap0 of
    the capped levels (6, 7; growing 1 % a year) and band/sex matrices T [NB][2][K][K]."""
    NY, A, K = p.shape[0], p.shape[2] - 1, x0.shape[-1]
    users = np.empty((NY, 2, A + 1, K))
    queue = np.zeros((NY, 2, A + 1, K))
    x = x0.copy()
    users[0] = x
    for t in range(NY - 1):
        n = x.sum(-1)
        v = np.maximum(x - allocate_deaths(x, q[t] * n, mu), 0.0)
        # aggregate flows over ages and sexes, capacity top-down
        F = np.zeros((K, K))
        for b, (lo, hi) in enumerate(bands):
            for s in range(2):
                F += v[s, lo:hi].sum(0)[:, None] * T[b, s]
        f = np.ones(K)
        for k in sorted(capped, reverse=True):
            cap = cap0[k - 6] * 1.01 ** (t + 1)
            stay = F[k, k]
            entr = F[:, k].sum() - F[k, k]
            room = max(0.0, cap - stay)
            if entr > room:
                f[k] = room / entr
                held = (1 - f[k]) * F[:, k]
                held[k] = 0.0
                F[:, k] -= held
                F[np.arange(K), np.arange(K)] += held
        moved = np.empty_like(v)
        for b, (lo, hi) in enumerate(bands):
            for s in range(2):
                Tb = T[b, s]
                hold = Tb * (1 - f)[None, :]
                np.fill_diagonal(hold, 0.0)
                Tf = Tb * f[None, :]
                np.fill_diagonal(Tf, np.diag(Tb) + hold.sum(1))
                moved[s, lo:hi] = v[s, lo:hi] @ Tf
                qb = v[s, lo:hi] @ (Tb - np.diag(np.diag(Tb))) * (1 - f)
                queue[t + 1, s, lo + 1:min(hi + 1, A + 1)] += qb[: min(hi + 1, A + 1) - lo - 1]
                if hi == A + 1:
                    queue[t + 1, s, A] += qb[-1]
        xn = np.zeros_like(x)
        xn[:, 1:] = moved[:, :-1]
        xn[:, A] += moved[:, A]
        target = p[t + 1]
        tot = xn.sum(-1)
        scale = np.divide(target, tot, out=np.zeros_like(tot), where=tot > 0)
        xn *= scale[..., None]
        empty = (tot <= 0)
        xn[..., 0] += np.where(empty, target, 0.0)
        xn[:, 0, :] = 0.0
        xn[:, 0, 0] = target[:, 0]
        x = xn
        users[t + 1] = x
    return users, queue
