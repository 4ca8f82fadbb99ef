#!/usr/bin/python3
"""Whole plans from Python (the binding) against the same plans from C (bench_plan.c).

Times what bench_plan.c's timing 1 does -- the default plan of a region with the three
bundles worst/middle/best, 2025-2050 (population projection, users by level, staffing,
costs) -- through the binding's wrappers, and once more through the raw cffi calls
(planomsorg.lib) to separate the wrappers' cost from the call overhead. Then the cost of
turning Norway's result into the long DataFrame (PlanResult.to_frame()).

Usage: PLANOMSORG_LIBRARY=build/lib/libplanomsorg.so.1 PYTHONPATH=bindings/python \
           /usr/bin/python3 benchmarks/bench_plan_python.py [REPEATS]
(benchmarks/run_bench_plan_python.sh runs the C program and this one in one session.)
"""
import sys
import time

import numpy as np

import planomsorg as pl

BASE, LAST = 2025, 2050
C = pl.C
ffi, lib = pl.ffi, pl.lib


def regions():
    """Norway and the municipalities whose KOSTRA counts allow a default plan (as in C)."""
    out = []
    for code in ["0000"] + pl.municipalities():
        for y in (BASE - 1, BASE):
            try:
                pl.services.kostra_users(code, y)
                out.append(code)
                break
            except pl.PlanomsorgError:
                pass
    return out


def plan_wrapped(code):
    with pl.Plan(None if code == "0000" else code, BASE, LAST) as plan:
        for b in ("worst", "middle", "best"):
            plan.add_scenario(b)
        with plan.run() as res:
            return res.get("middle", LAST, "fte_demand")


def plan_raw(code):
    p = ffi.new("planomsorg_plan **")
    r = ffi.new("planomsorg_plan_result **")
    sc = ffi.new("planomsorg_scenario **")
    v = ffi.new("double *")
    pl.check(lib.planomsorg_plan_new(p, ffi.NULL if code == "0000" else code.encode(), BASE,
                                     LAST))
    for b in range(C["PLANOMSORG_N_BUNDLES"]):
        pl.check(lib.planomsorg_scenario_new_bundle(sc, b))
        pl.check(lib.planomsorg_plan_add_scenario(p[0], sc[0]))
        lib.planomsorg_scenario_free(sc[0])
    pl.check(lib.planomsorg_plan_run(r, p[0]))
    pl.check(lib.planomsorg_plan_result_get(v, r[0], 1, LAST, C["PLANOMSORG_MEASURE_FTE_DEMAND"],
                                            -1, -1))
    lib.planomsorg_plan_result_free(r[0])
    lib.planomsorg_plan_free(p[0])
    return v[0]


def best_of(fn, repeats):
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main():
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    codes = regions()
    print("Python binding, library %s (%s)" % (pl.VERSION, pl.LIBRARY_PATH))
    print("default plans (projection, 3 bundles, %d-%d):" % (BASE, LAST))
    for label, fn in (("wrappers", plan_wrapped), ("raw cffi", plan_raw)):
        t_norway = best_of(lambda: fn("0000"), repeats)
        t0 = time.perf_counter()
        check = sum(fn(c) for c in codes)
        t_all = time.perf_counter() - t0
        print("  %-8s Norway: best of %d: %.2f ms; %d regions x 3 scenarios: %.3f s "
              "(%.2f ms per region), sum of middle FTE 2050 %.0f"
              % (label, repeats, 1e3 * t_norway, len(codes), t_all, 1e3 * t_all / len(codes),
                 check))
    with pl.Plan(None, BASE, LAST) as plan:
        for b in ("worst", "middle", "best"):
            plan.add_scenario(b)
        with plan.run() as res:
            t_frame = best_of(res.to_frame, repeats)
            rows = len(res.to_frame())
            t_series = best_of(lambda: res.services("middle").to_numpy(), repeats)
    print("  Norway result as long DataFrame (%d rows): best of %d: %.2f ms" % (rows, repeats,
                                                                              1e3 * t_frame))
    print("  Norway users array (26 x 2 x 106 x 8) to NumPy: best of %d: %.3f ms"
          % (repeats, 1e3 * t_series))
    # Per-call overhead, less sensitive to other jobs than whole-plan wall times: a trivial
    # C function through raw cffi and through the wrapper (checks, property, handle).
    n = 200000
    with pl.Population(2020, 1, 105) as pop:
        raw = pop._ptr
        t_raw = best_of(lambda: [lib.planomsorg_population_n_years(raw) for _ in range(n)], 3)
        t_wrap = best_of(lambda: [pop.n_years for _ in range(n)], 3)
        out = ffi.new("double *")
        t_call = best_of(lambda: [pl.call("population_band", raw, 2020, 2, 7, out)
                                  for _ in range(n)], 3)
        t_band = best_of(lambda: [pop.band(2020, 7) for _ in range(n)], 3)
    print("per call: raw cffi %.2f us, wrapper property %.2f us; status-checked call %.2f us, "
          "wrapper method with argument checks %.2f us"
          % (1e6 * t_raw / n, 1e6 * t_wrap / n, 1e6 * t_call / n, 1e6 * t_band / n))
    assert np.isfinite(check)


if __name__ == "__main__":
    main()
