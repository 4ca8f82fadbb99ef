"""Estimation from a panel built with NumPy (counts and estimators by hand), and Monte
Carlo percentiles against NumPy's percentiles of the draws."""
import numpy as np
import pandas as pd
import pytest

import planomsorg
from planomsorg import Estimate, MonteCarlo, Plan, Services, Staircase
from planomsorg import errors as E

LEVELS = ["none", "home", "nursing_home"]


@pytest.fixture(scope="module")
def stair():
    with Staircase([("none", "none"), ("home", "home"), ("nursing_home", "long_term", 3)]) as sc:
        yield sc


@pytest.fixture(scope="module")
def panel():
    """300 persons over 4 years, random walks up the staircase with deaths."""
    rng = np.random.default_rng(5)
    P = np.array([[0.80, 0.15, 0.05], [0.0, 0.85, 0.15], [0.0, 0.0, 1.0]])
    rows, trans = [], []
    for person in range(300):
        age, sex, lvl = int(rng.integers(70, 95)), int(rng.integers(0, 2)), int(rng.integers(0, 3))
        for t in range(4):
            rows.append((person, 2020 + t, age + t, ("female", "male")[sex], LEVELS[lvl]))
            if t == 3:
                break
            if rng.random() < 0.08:
                rows.append((person, 2021 + t, age + t + 1, ("female", "male")[sex], "death"))
                trans.append((age + t, sex, lvl, 3))
                break
            new = int(rng.choice(3, p=P[lvl]))
            trans.append((age + t, sex, lvl, new))
            lvl = new
    frame = pd.DataFrame(rows, columns=["person", "year", "age", "sex", "level"])
    return frame, np.array(trans)


def numpy_counts(trans, sex=None, band=None):
    t = trans
    if sex is not None:
        t = t[t[:, 1] == sex]
    if band is not None:
        t = t[(t[:, 0] >= band[0]) & (t[:, 0] <= band[1])]
    c = np.zeros((3, 4))
    np.add.at(c, (t[:, 2], t[:, 3]), 1)
    return c


def test_counts_and_estimators(stair, panel):
    frame, trans = panel
    with Estimate.from_frame(frame, stair, band_lo=[0, 80]) as est:
        rows, persons, n = est.panel_size()
        assert (rows, persons, n) == (len(frame), 300, len(trans))
        np.testing.assert_array_equal(est.counts(band=1, sex=0),
                                      numpy_counts(trans, 0, (80, 200)))
        np.testing.assert_array_equal(est.counts(band=0, sex=2), numpy_counts(trans, None, (0, 79)))
        c = numpy_counts(trans, 1, (80, 200))[:, :3]
        ml, se = est.matrix(band=1, sex=1, method="ml")
        n_i = c.sum(axis=1, keepdims=True)
        np.testing.assert_allclose(ml, c / n_i, rtol=1e-12)
        np.testing.assert_allclose(se, np.sqrt(ml * (1 - ml) / n_i), rtol=1e-12)
        est.set_prior("uniform", 1.0)
        post, _ = est.matrix(band=1, sex=1, method="posterior")
        np.testing.assert_allclose(post, (c + 1.0 / 3) / (n_i + 1.0), rtol=1e-12)
        with est.transitions("ml") as tr:
            np.testing.assert_allclose(tr.matrix(band=1, sex=1), ml, rtol=1e-12)


def test_bad_panel_records(stair, panel):
    frame, _ = panel
    bad = frame.copy()
    bad.loc[5, "level"] = "spa"
    with pytest.raises(E.PlanomsorgError, match="spa"):
        Estimate.from_frame(bad, stair)
    with Estimate.from_frame(bad, stair, skip_bad=True) as est:
        issues = est.issues()
        assert len(issues) == 1 and issues[0][0] == 7 and issues[0][1] == "unknown_level"


@pytest.fixture(scope="module")
def services_setup(stair):
    rng = np.random.default_rng(9)
    with planomsorg.Population.from_array(rng.uniform(100, 200, size=(4, 2, 101)), 2030) as pop, \
            Services(stair) as svc:
        r = np.zeros((3, 2, 2))
        r[1] = [[0.05, 0.04], [0.3, 0.25]]
        r[2] = [[0.0, 0.0], [0.1, 0.08]]
        svc.set_rates(r, [0, 80])
        yield svc, pop


def test_montecarlo_percentiles_are_numpy_type7(services_setup):
    svc, pop = services_setup
    with MonteCarlo(svc, pop, 2030, 2033) as mc:
        mc.set_lever("family_care", "normal", 1.0, 0.1)
        mc.run(200, seed=42, n_threads=2)
        d = mc.draws("users", 2033, level=1)
        assert d.size == 200 and d.std() > 0
        for p in (0.05, 0.5, 0.95):
            assert mc.quantile(p, "users", 2033, level=1) == pytest.approx(
                np.percentile(d, 100 * p), rel=1e-12)
        s = mc.summary("users", 2033, level=1)
        assert s["mean"] == pytest.approx(d.mean(), rel=1e-12)
        assert s["sd"] == pytest.approx(d.std(ddof=1), rel=1e-9)
        d1 = d.copy()
        mc.run(200, seed=42, n_threads=1)                  # same draws whatever the threads
        np.testing.assert_array_equal(mc.draws("users", 2033, level=1), d1)
        f = mc.to_frame()
        assert {"mean", "sd", "p05", "p50", "p95"} <= set(f.columns)


def test_montecarlo_plan_mode():
    with Plan("5001", 2025, 2030) as plan:
        plan.add_scenario("middle")
        with plan.run() as res:
            central = res.get("middle", 2030, "fte_demand")
        with MonteCarlo.for_plan(plan, 0) as mc:
            mc.set_lever("productivity", "uniform", 0.0, 0.02)
            mc.run(30, seed=3, n_threads=1)
            d = mc.draws("fte_demand", 2030)
            s = mc.summary("fte_demand", 2030)
            assert s["central"] == pytest.approx(central, rel=1e-12)
            assert mc.quantile(0.5, "fte_demand", 2030) == pytest.approx(np.median(d), rel=1e-12)
            assert d.max() < central                       # productivity growth >= 0 cuts FTE


def test_calibrate_reaches_a_reachable_target():
    """Identity transitions from a start whose stocks already equal the target: converged,
    deviation within the tolerance, and the matrices stay row-stochastic."""
    start = np.array([[[100.0, 50.0, 10.0], [80.0, 40.0, 5.0]]])          # (band, sex, level)
    target = start.sum(axis=1)                                             # (band, level)
    with planomsorg.Transitions(3, [0]) as tr:
        out, fit = planomsorg.estimate.calibrate(tr, start, target, [0], max_iter=100, tol=1e-9)
        with out:
            assert fit["max_rel"] <= 1e-9 and fit["iterations"] >= 0
            for sex in (0, 1):
                m = out.matrix(band=0, sex=sex)
                np.testing.assert_allclose(m.sum(axis=1), 1.0, atol=1e-12)
