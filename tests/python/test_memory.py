"""No leak over 10,000 create/free cycles, by resident set size (/proc/self/statm).

Bound: after a warm-up of 1,000 cycles (allocator and cffi caches settle), 10,000 more
cycles may grow RSS by at most 4 MiB. A population of 30 years x 2 x 106 ages is 50 KiB,
so leaking it would grow RSS by ~500 MiB; leaking a 1 KiB message buffer per error by ~10 MiB.
"""
import gc
import os

import numpy as np
import pytest

import planomsorg
from planomsorg import errors as E

PAGE = os.sysconf("SC_PAGE_SIZE")
BOUND = 4 * 1024 * 1024
UNDER_ASAN = "libasan" in os.environ.get("LD_PRELOAD", "")


def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE


def cycle_handles(data):
    with planomsorg.Population.from_array(data, 2020) as pop:       # explicit close
        pop.band(2025, "80+")
    p = planomsorg.Population.from_array(data, 2020)                 # garbage collector
    p.to_numpy()
    del p
    try:
        planomsorg.Population.parse_csv("year,age\n")                 # error path
    except E.FormatError:
        pass


@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="needs /proc")
@pytest.mark.skipif(UNDER_ASAN, reason="ASan quarantines freed memory; RSS is not a leak measure")
def test_no_leak_over_10000_cycles():
    data = np.ones((30, 2, 106))
    for _ in range(1000):
        cycle_handles(data)
    gc.collect()
    before = rss()
    for _ in range(10000):
        cycle_handles(data)
    gc.collect()
    grown = rss() - before
    assert grown < BOUND, "RSS grew by %d bytes over 10,000 cycles" % grown


def test_collector_frees_handles():
    import weakref
    p = planomsorg.Population(2020, 1, 10)
    ref = weakref.ref(p)
    del p
    gc.collect()
    assert ref() is None


def cycle_modules(stair_rates, pop):
    """One of every other handle kind, created, used and freed (explicitly or by the GC)."""
    with planomsorg.Staircase.default() as sc, planomsorg.Services(sc) as svc:
        svc.set_rates(stair_rates, [0, 67, 80])
        with svc.run(pop, 2020, 2021) as res:
            res.to_numpy()
    planomsorg.Scenario.bundle("best").lever("family_care", 2030)     # freed by the GC
    with planomsorg.Cohort(["a", "dead"], 5) as m:
        m.set_matrix([[0.9, 0.1], [0.0, 1.0]])
        m.set_initial([1.0, 0.0])
        m.run().trace()
    with planomsorg.Staffing.default(2020, 2) as st:
        st.compute(np.ones((2, 8))).to_numpy("fte")
    with planomsorg.Estimate(3, [0]) as est:
        est.add(80, 0, 0, 1)
        est.matrix()
    try:
        planomsorg.Scenario("bad name with spaces/!")
    except E.PlanomsorgError:
        pass


@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="needs /proc")
@pytest.mark.skipif(UNDER_ASAN, reason="ASan quarantines freed memory; RSS is not a leak measure")
def test_no_leak_over_module_cycles():
    """2,000 cycles over staircase, services, result, scenario, cohort, staffing and
    estimate handles: RSS may grow by at most 4 MiB (leaking a services result alone,
    2 years x 2 x 101 x 8 x 2 doubles = 52 KiB, would grow it by ~100 MiB), and the Python
    heap (tracemalloc) by at most 256 KiB."""
    import tracemalloc
    rates = np.full((8, 3, 2), 0.01)
    rates[0] = 0.0
    with planomsorg.Population.from_array(np.ones((2, 2, 101)), 2020) as pop:
        for _ in range(200):
            cycle_modules(rates, pop)
        gc.collect()
        tracemalloc.start()
        before, py_before = rss(), tracemalloc.get_traced_memory()[0]
        for _ in range(2000):
            cycle_modules(rates, pop)
        gc.collect()
        grown, py_grown = rss() - before, tracemalloc.get_traced_memory()[0] - py_before
        tracemalloc.stop()
    assert grown < BOUND, "RSS grew by %d bytes" % grown
    assert py_grown < 256 * 1024, "Python heap grew by %d bytes" % py_grown
