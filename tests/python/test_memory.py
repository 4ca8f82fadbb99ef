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
