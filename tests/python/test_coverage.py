"""Coverage against hand computation on the exported population array."""
import numpy as np
import pytest

import planomsorg
from planomsorg import coverage


@pytest.fixture(scope="module")
def pop():
    rng = np.random.default_rng(3)
    data = rng.uniform(50, 150, size=(6, 2, 101))
    data[:, :, 80:] *= np.linspace(1.0, 1.5, 6)[:, None, None]      # an ageing population
    with planomsorg.Population.from_array(data, 2025) as p:
        yield p


def band80(pop):
    return pop.to_numpy()[:, :, 80:].sum(axis=(1, 2))


def test_rate_and_required(pop):
    n80 = band80(pop)
    assert coverage.rate(1234.0, pop, 2027) == pytest.approx(1234.0 / n80[2], rel=1e-12)
    assert coverage.required(0.14, pop, 2029) == pytest.approx(0.14 * n80[4], rel=1e-12)
    young = pop.to_numpy()[1, :, 67:80].sum()
    assert coverage.rate(99.0, pop, 2026, 67, 79) == pytest.approx(99.0 / young, rel=1e-12)


def test_path_first_below_places_to_add(pop):
    n80 = band80(pop)
    cap = np.array([1500.0, 1500, 1550, 1550, 1600, 1600])
    path = coverage.path(cap, pop, 2025)
    np.testing.assert_allclose(path, cap / n80, rtol=1e-12)
    target = path[0] * 0.97
    below = np.nonzero(path < target)[0]
    want = None if below.size == 0 else 2025 + int(below[0])
    assert coverage.first_below(path, 2025, target) == want
    assert coverage.first_below(path, 2025, 0.0) is None
    added = coverage.places_to_add(1500.0, 0.15, pop, 2025, 6)
    # hand: places never fall, so the stock follows the running maximum of requirements
    need = np.maximum.accumulate(np.maximum(0.15 * n80, 1500.0))
    np.testing.assert_allclose(np.cumsum(added) + 1500.0, need, rtol=1e-12)


def test_standardisation(pop):
    rates = np.array([0.01, 0.05, 0.2])
    w = np.array([100.0, 50.0, 10.0])
    assert coverage.standardise_direct(rates, w) == pytest.approx((rates * w).sum() / w.sum())
    bands = [(67, 79), (80, 89), (90, None)]
    a = pop.to_numpy()[0].sum(axis=0)
    stdw = np.array([a[67:80].sum(), a[80:90].sum(), a[90:].sum()])
    users = np.array([10.0, 40.0, 30.0])
    popn = np.array([1000.0, 400.0, 100.0])
    got = coverage.standardised(users, popn, bands, pop, 2025)
    assert got == pytest.approx(((users / popn) * stdw).sum() / stdw.sum(), rel=1e-12)
