"""The whole plan: identities of the result, the scenario band, the CLI's CSV = DataFrame."""
import io
import subprocess

import numpy as np
import pandas as pd
import pytest

import planomsorg
from planomsorg import Plan, Scenario
from planomsorg import errors as E


@pytest.fixture(scope="module")
def result():
    with Plan(None, 2025, 2040) as plan:
        for b in ("worst", "middle", "best"):
            plan.add_scenario(b)
        calls = []
        res = plan.run(progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 3), (2, 3), (3, 3)]
    yield res
    res.close()


def test_frame_matches_getters_and_identities(result):
    f = result.to_frame()
    assert list(f.columns) == ["scenario", "year", "measure", "level", "group", "value"]
    assert result.scenarios == ["worst", "middle", "best"]
    for _, row in f.sample(40, random_state=1).iterrows():
        assert result.get(row.scenario, row.year, row.measure, row.level, row.group) == \
            pytest.approx(row.value, rel=1e-15)
    # FTE demand summed over groups and over levels equals the total
    fte = f[(f.measure == "fte_demand") & (f.scenario == "middle") & (f.year == 2035)]
    total = fte[(fte.level == "all") & (fte.group == "all")].value.item()
    assert fte[(fte.level == "all") & (fte.group != "all")].value.sum() == pytest.approx(total)
    assert fte[(fte.level != "all") & (fte.group == "all")].value.sum() == pytest.approx(total)
    # users of every level, the residual 'none' included, sum to the population
    u = f[(f.measure == "users") & (f.scenario == "best") & (f.year == 2040)]
    pop = result.get("best", 2040, "population")
    assert u[u.level != "all"].value.sum() == pytest.approx(pop, rel=1e-12)
    # the gap is supply - demand
    assert result.get("worst", 2040, "fte_gap") == pytest.approx(
        result.get("worst", 2040, "fte_supply") - result.get("worst", 2040, "fte_demand"))


def test_band_is_min_max_over_scenarios(result):
    for year in (2030, 2040):
        vals = [result.get(s, year, "fte_demand") for s in result.scenarios]
        assert result.band(year, "fte_demand") == (min(vals), max(vals))
    wide = result.series("fte_demand")
    assert list(wide.columns) == result.scenarios and len(wide) == 16


def test_services_behind_a_scenario_is_borrowed(result):
    svc = result.services("middle")
    u = svc.to_numpy("users")
    levels = result.levels
    service_users = u[..., [k for k, n in enumerate(levels) if n != "none"]].sum(axis=(1, 2, 3))
    frame_users = result.series("users")["middle"].values
    np.testing.assert_allclose(service_users, frame_users, rtol=1e-12)


def test_cli_plan_csv_equals_frame(exe):
    out = subprocess.run([exe, "plan", "--scenario", "middle", "--to", "2035", "--format", "csv"],
                         capture_output=True, text=True, check=True).stdout
    cli = pd.read_csv(io.StringIO(out), float_precision="round_trip", keep_default_na=False)
    with Plan(None, 2025, 2035) as plan:
        plan.add_scenario("middle")
        with plan.run() as res:
            mine = res.to_frame()
    assert list(cli.columns) == list(mine.columns)
    assert len(cli) == len(mine)
    key = ["scenario", "year", "measure", "level", "group"]
    m = cli.merge(mine, on=key, suffixes=("_cli", "_py"), validate="one_to_one")
    assert len(m) == len(cli)
    np.testing.assert_allclose(m.value_cli, m.value_py, rtol=1e-15)


def test_scenario_levers():
    with Scenario("mine") as sc:
        sc.set_ramp("productivity", 2025, 0.0, 2035, 0.01)
        assert sc.lever("productivity", 2030) == pytest.approx(0.005)
        sc.set_path("family_care", [1.0, 0.9, 0.8], 2026)
        assert sc.lever("family_care", 2040) == pytest.approx(0.8)
        sc.set_capacity("long_term", [40000.0, 41000.0], 2026)
        fy, places = sc.capacities()["long_term"]
        assert fy == 2026 and places.tolist() == [40000.0, 41000.0]
        with pytest.raises(E.InvalidValueError):
            sc.set_value("family_care", -1.0)
        with Plan("5001", 2025, 2030) as plan:
            plan.add_scenario(sc)
            with pytest.raises(E.DuplicateError):
                plan.add_scenario(sc)
            assert plan.scenarios == ["mine"]


def test_closed_result_invalidates_borrowed_views():
    with Plan("5001", 2025, 2027) as plan:
        res = plan.run()
    svc = res.services(0)
    res.close()
    with pytest.raises(E.StateError, match="closed"):
        svc.to_numpy()
