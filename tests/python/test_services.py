"""Staircase, transitions and service projections: identities on exported arrays, hand
computations of the constant standard, and the library's CSV vs NumPy sums."""
import numpy as np
import pytest

import planomsorg
from planomsorg import Services, Staircase, Transitions
from planomsorg import errors as E
from planomsorg.staircase import FLAG_24H, FLAG_CAPACITY

BANDS = [0, 67, 80, 90]


@pytest.fixture(scope="module")
def pop():
    rng = np.random.default_rng(7)
    with planomsorg.Population.from_array(rng.uniform(100, 200, size=(4, 2, 101)), 2030) as p:
        yield p


@pytest.fixture
def stair():
    with Staircase([("none", "none"), ("home", "home"),
                    ("nursing_home", "long_term", FLAG_24H | FLAG_CAPACITY)]) as sc:
        yield sc


def rates_array():
    r = np.zeros((3, len(BANDS), 2))
    r[1] = [[0.01, 0.012], [0.1, 0.08], [0.3, 0.25], [0.5, 0.45]]
    r[2] = [[0.0, 0.0], [0.01, 0.008], [0.08, 0.06], [0.25, 0.2]]
    return r


def band_of_age(max_age):
    return np.searchsorted(BANDS, np.arange(max_age + 1), side="right") - 1


def test_staircase_and_transitions(stair):
    assert stair.levels == ["none", "home", "nursing_home"]
    assert stair.find("home") == 1 and stair.flags("nursing_home") == 3
    assert stair.levels_with_flags(FLAG_24H) == [2]
    with Staircase.default() as d:
        assert d.n_levels == planomsorg.C["PLANOMSORG_N_DEFAULT_LEVELS"]
    with Transitions(3, [0, 80]) as tr:
        m = np.array([[0.9, 0.1, 0.0], [0.0, 0.8, 0.2], [0.0, 0.0, 1.0]])
        tr.set_matrix(m, band=1, sex=1)
        np.testing.assert_array_equal(tr.matrix(band=1, sex=1), m)
        np.testing.assert_array_equal(tr.matrix(band=0, sex=1), np.eye(3))
        tr.set_mortality([1.0, 1.5, 3.0])
        np.testing.assert_array_equal(tr.mortality(), [1.0, 1.5, 3.0])
        assert tr.band_lo == [0, 80]
        with pytest.raises(E.StochasticError):
            tr.set_matrix(m * 0.5)


def test_rates_mode_by_hand(stair, pop):
    svc = Services(stair)
    svc.set_rates(rates_array(), BANDS)
    with svc.run(pop, 2030, 2033) as res:
        u = res.to_numpy("users")                                    # (y, s, a, k)
        P = pop.to_numpy()
        band = band_of_age(pop.max_age)
        r = rates_array()
        for k in (1, 2):
            want = P * r[k][band].T[None]                           # (y, s, a)
            np.testing.assert_allclose(u[..., k], want, rtol=1e-12)
        np.testing.assert_allclose(u.sum(axis=3), P, rtol=1e-12)     # levels sum to P
        assert res.users(2032, "home") == pytest.approx(u[2, :, :, 1].sum(), rel=1e-12)
        # 24-hour coverage, capacity style: all-age users of flagged levels / persons 80+
        got = res.coverage_24h(2031, user_based=False)
        assert got == pytest.approx(u[1, :, :, 2].sum() / P[1, :, 80:].sum(), rel=1e-12)
        user = res.coverage(2031, ["nursing_home"], 80, None, user_based=True)
        assert user == pytest.approx(u[1, :, 80:, 2].sum() / P[1, :, 80:].sum(), rel=1e-12)
        # the library's long CSV against NumPy sums over the same bands
        f = res.to_frame(BANDS)
        assert list(f.columns) == ["year", "level", "band", "sex", "users"]
        sub = f[(f.year == 2033) & (f.level == "home")]
        assert sub.users.sum() == pytest.approx(u[3, :, :, 1].sum(), rel=1e-12)
    svc.close()


def test_capacity_holds_people_back(stair, pop):
    with Services(stair) as svc:
        svc.set_rates(rates_array(), BANDS)
        svc.set_capacity("nursing_home", [500.0], 2030)
        with svc.run(pop, 2030, 2033) as res:
            u = res.to_numpy("users")
            q = res.to_numpy("queue")
            np.testing.assert_allclose(u[..., 2].sum(axis=(1, 2)), 500.0, rtol=1e-9)
            np.testing.assert_allclose(u.sum(axis=3), pop.to_numpy(), rtol=1e-12)
            unconstrained = (pop.to_numpy() * rates_array()[2][band_of_age(100)].T[None]).sum(
                axis=(1, 2))
            np.testing.assert_allclose(q[..., 2].sum(axis=(1, 2)), unconstrained - 500.0,
                                       rtol=1e-9)


def test_markov_mode_conserves_persons(stair, pop):
    with Services(stair) as svc, Transitions(3, [0, 80]) as tr:
        svc.set_rates(rates_array(), BANDS)
        tr.set_matrix([[0.95, 0.05, 0.0], [0.0, 0.9, 0.1], [0.0, 0.0, 1.0]], band=1, sex=0)
        tr.set_matrix([[0.95, 0.05, 0.0], [0.0, 0.9, 0.1], [0.0, 0.0, 1.0]], band=1, sex=1)
        svc.set_transitions(tr)
        svc.set_mode("markov")
        q = np.full((4, 2, 101), 0.02)
        svc.set_death_probabilities(q, 2030)
        with svc.run(pop, 2030, 2033) as res:
            assert res.mode == planomsorg.C["PLANOMSORG_MODE_MARKOV"]
            np.testing.assert_allclose(res.to_numpy().sum(axis=3), pop.to_numpy(), rtol=1e-9)


def test_kostra_users_long_term_is_the_published_count():
    u = planomsorg.services.kostra_users("0000", 2024)
    assert u.shape == (8, 3)
    for band, name in enumerate(("longterm_0_66", "longterm_67_79", "longterm_80p")):
        assert u[7, band] == planomsorg.kostra("0000", 2024, name)
