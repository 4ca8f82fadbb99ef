#!/usr/bin/python3
"""A straightforward NumPy implementation of the projection arithmetic of
planomsorg_population_project (include/planomsorg/demography.h), vectorised over
regions, sexes and ages with a loop over years, run on the inputs that
bench_projection wrote, timed, and compared with the library's results.

usage: bench_projection_numpy.py DIR BATCH [MIN_SECONDS]

Prints one JSON object: batch, seconds_per_batch, repetitions, max_rel_diff
(the largest |numpy - C| / max(|C|, 1 person) over all cells) and numpy's version;
seconds are wall time, cpu_seconds the process's CPU time.
Exits 1 if max_rel_diff > 1e-9.
"""
import json
import os
import sys
import time

import numpy as np


def load(d, batch):
    meta = json.load(open(os.path.join(d, batch + ".json")))
    R, T, NA = meta["regions"], meta["years"], meta["ages"]

    def arr(name, shape, dtype=np.float64):
        return np.fromfile(os.path.join(d, f"{batch}_{name}.bin"), dtype=dtype).reshape(shape)

    inputs = dict(
        P0=arr("base", (R, 2, NA)), q=arr("q", (R, T, 2, NA)), a0=arr("a0", (R, T, 2)), qinf=arr("qinf", (R, T, 2)),
        f=arr("f", (R, T, NA)), srb=arr("srb", (R, T)), mig=arr("mig", (R, T, 2, NA)),
        rates=arr("kind", (R, T), np.int32) == meta["migration_rates"])
    return meta, inputs, arr("result", (R, T + 1, 2, NA))


def project(P0, q, a0, qinf, f, srb, mig, rates):
    R, T, _, NA = q.shape
    A = NA - 1
    out = np.empty((R, T + 1, 2, NA))
    out[:, 0] = P0
    S = np.empty((R, 2, NA))
    for t in range(T):
        P, qt = out[:, t], q[:, t]
        # survivors by age reached on 1 January t+1; the open band collects two ages
        S[..., 0] = 0.0
        S[..., 1:A] = P[..., :A - 1] * (1.0 - qt[..., :A - 1])
        S[..., A] = P[..., A - 1] * (1.0 - qt[..., A - 1]) + P[..., A] * (1.0 - qt[..., A])
        r = rates[:, t, None, None]
        nxt = out[:, t + 1]
        nxt[...] = np.maximum(S + np.where(r, mig[:, t] * S, mig[:, t]), 0.0)
        # births from the mean of women (ages >= 1) at the start and end of the year
        B = (f[:, t, 1:] * 0.5 * (P[:, 0, 1:] + nxt[:, 0, 1:])).sum(axis=1)
        s = srb[:, t]
        Bs = np.stack([B / (1.0 + s), B * s / (1.0 + s)], axis=1)        # (R, 2)
        S0 = Bs - Bs * (1.0 - a0[:, t]) * qinf[:, t]    # infant deaths: (1 - a0) of q0
        m0 = mig[:, t, :, 0]
        nxt[..., 0] = np.maximum(S0 + np.where(rates[:, t, None], m0 * S0, m0), 0.0)
    return out


def main():
    d, batch = sys.argv[1], sys.argv[2]
    min_seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 1.0
    meta, inputs, c_result = load(d, batch)
    reps, t0, c0 = 0, time.perf_counter(), time.process_time()
    while True:
        res = project(**inputs)
        reps += 1
        elapsed = time.perf_counter() - t0
        if elapsed >= min_seconds:
            break
    cpu = time.process_time() - c0
    diff = float(np.max(np.abs(res - c_result) / np.maximum(np.abs(c_result), 1.0)))
    print(json.dumps(dict(batch=batch, seconds_per_batch=elapsed / reps,
                          cpu_seconds_per_batch=cpu / reps, repetitions=reps,
                          max_rel_diff=diff, numpy=np.__version__)))
    return 0 if diff <= 1e-9 else 1


if __name__ == "__main__":
    sys.exit(main())
