"""Projection: the accounting identity on exported arrays, components vs NumPy, life tables."""
import numpy as np
import pytest

import planomsorg
from planomsorg import demography as D


@pytest.fixture(scope="module")
def projection(norway):
    demo = D.Demography.default(None, 2025)
    base_year = demo.first_year
    with norway.slice(base_year, 1) as base:
        pop, comp = D.project(base, base_year, base_year + 20, demo)
    yield pop, comp, demo
    for h in (pop, comp, demo):
        h.close()


def test_accounting_identity(projection):
    pop, comp, _ = projection
    P = pop.to_numpy()
    aged = comp.to_numpy("aged")
    births = comp.to_numpy("births")
    deaths = comp.to_numpy("deaths")
    mig = comp.to_numpy("migration")
    assert comp.n_years == pop.n_years - 1
    rhs = aged + births - deaths + mig
    np.testing.assert_allclose(P[1:], rhs, rtol=1e-9, atol=1e-6)


def test_aged_component_is_shifted_population(projection):
    pop, comp, _ = projection
    P = pop.to_numpy()[:-1]
    want = np.zeros_like(P)
    want[:, :, 1:] = P[:, :, :-1]
    want[:, :, -1] += P[:, :, -1]          # open band: P[A-1] + P[A]
    np.testing.assert_allclose(comp.to_numpy("aged"), want, rtol=1e-12, atol=1e-9)


def test_component_sums_match_frame(projection):
    _, comp, _ = projection
    frame = comp.to_frame()
    year = comp.first_year + 3
    by_year = frame[frame.year == year].sum(numeric_only=True)
    for name in ("deaths", "births", "migration"):
        assert comp.sum(name, year) == pytest.approx(by_year[name], rel=1e-9)


def test_life_table_by_hand():
    m = np.linspace(0.001, 0.5, 101)
    q, e = D.life_table(m, planomsorg.FEMALE)
    # q = m / (1 + 0.5 m) at ages 1..A-1 (header), e(A) = 1 / m(A)
    np.testing.assert_allclose(q[1:-1], m[1:-1] / (1 + 0.5 * m[1:-1]), rtol=1e-12)
    assert e[-1] == pytest.approx(1 / m[-1], rel=1e-12)
    assert np.all(np.diff(e[1:]) < 0)


def test_setters_and_getters():
    with D.Demography(2030, 2, 100) as demo:
        m = np.full(101, 0.01)
        demo.set_mortality(2030, planomsorg.MALE, m)
        assert demo.death_rate(2030, planomsorg.MALE, 50) == pytest.approx(0.01)
        f = np.zeros(101)
        f[20:40] = 0.1
        demo.set_fertility(2030, f)
        assert demo.tfr(2030) == pytest.approx(2.0)
        demo.set_migration(2030, planomsorg.FEMALE, np.ones(101))
        assert demo.migration(2030, planomsorg.FEMALE, 3) == (1.0, D.MIGRATION_COUNTS)


def test_cli_projection_csv_equals_frame(exe):
    """`planomsorg project` (C, CLI) and the same projection through the binding."""
    import io
    import subprocess

    import pandas as pd
    args = ["project", "--municipality", "5001", "--to", "2035", "--format", "csv"]
    out = subprocess.run([exe] + args, capture_output=True, text=True, check=True).stdout
    cli = pd.read_csv(io.StringIO(out), float_precision="round_trip")
    bands = pd.read_csv(io.StringIO(subprocess.run([exe] + args + ["--bands"], capture_output=True,
                                                   text=True, check=True).stdout),
                        float_precision="round_trip", keep_default_na=False)
    with planomsorg.Population.embedded("5001") as obs:
        base_year = obs.first_year + obs.n_years - 1
        with obs.slice(base_year, 1) as base, D.Demography.default("5001", base_year - 1) as d:
            pop, comp = D.project(base, base_year, 2035, d)
    with pop, comp:
        mine = pop.to_frame()
        mine_bands = pop.bands_frame()
    m = cli.merge(mine, on=["year", "sex", "age"], suffixes=("_cli", "_py"), validate="one_to_one")
    assert len(m) == len(cli) == len(mine)
    np.testing.assert_allclose(m.persons_cli, m.persons_py, rtol=1e-15)
    mb = bands.merge(mine_bands, on=["year", "band"], suffixes=("_cli", "_py"))
    assert len(mb) == len(bands)
    np.testing.assert_allclose(mb.persons_cli, mb.persons_py, rtol=1e-15)
