"""Staffing and costs against hand computations with NumPy (formulas of staffing.h, costs.h)."""
import numpy as np
import pytest

import planomsorg
from planomsorg import staffing as S
from planomsorg import errors as E

YEARS = 6


@pytest.fixture
def setup():
    st = S.Staffing(3, 2, 2030, YEARS)
    f = np.array([0.1, 0.5, 1.2])
    mix = np.array([[0.2, 0.8], [0.5, 0.5], [0.6, 0.4]])
    st.set_tables(f, mix)
    st.set_standard_growth(0.01)
    st.set_productivity_growth(0.02)
    st.set_absence(0, 0.08)
    st.set_absence(1, 0.12)
    st.set_position_share(0, 0.8)
    st.set_position_share(1, 0.6)
    st.set_workforce_total(0, 500.0)
    st.set_workforce_total(1, 900.0)
    st.set_attrition(1, 0.05)
    users = np.linspace(100, 200, YEARS * 3).reshape(YEARS, 3)
    yield st, f, mix, users
    st.close()


def test_demand_by_hand(setup):
    st, f, mix, users = setup
    t = np.arange(YEARS)
    factor = (1.01 ** t) / (1.02 ** t)
    net = users * f * factor[:, None]                                  # D[t][k]
    by_group = net[:, :, None] * mix[None]                             # D[t][k][g]
    gross = by_group / (1 - np.array([0.08, 0.12]))
    persons = gross / np.array([0.8, 0.6])
    with st.compute(users) as r:
        np.testing.assert_allclose(r.to_numpy("fte_net"), by_group, rtol=1e-12)
        np.testing.assert_allclose(r.to_numpy("fte"), gross, rtol=1e-12)
        np.testing.assert_allclose(r.to_numpy("persons"), persons, rtol=1e-12)
        assert r.get("fte", 2033) == pytest.approx(gross[3].sum(), rel=1e-12)
        assert r.get("fte", 2033, level=2, group=1) == pytest.approx(gross[3, 2, 1], rel=1e-12)


def test_supply_stock_flow_and_gap(setup):
    st, _, _, users = setup
    with st.compute(users) as r:
        n = r.to_numpy("supply_persons")
        flow = n[:-1] - r.to_numpy("exits")[:-1] - r.to_numpy("attrition")[:-1] \
            + r.to_numpy("recruits")[:-1]
        np.testing.assert_allclose(n[1:], flow, rtol=1e-10)
        np.testing.assert_allclose(n[0], [500.0, 900.0], rtol=1e-12)
        np.testing.assert_allclose(r.to_numpy("supply_fte"), n * np.array([0.8, 0.6]), rtol=1e-12)
        np.testing.assert_allclose(r.to_numpy("gap_fte"),
                                   r.to_numpy("supply_fte") - r.to_numpy("fte").sum(axis=1),
                                   rtol=1e-10, atol=1e-9)
        frame = r.to_frame(level_names=["home", "housing", "nursing"])
        got = frame.query("measure == 'fte' and year == 2031").value.sum()
        assert got == pytest.approx(r.to_numpy("fte")[1].sum(), rel=1e-12)
        with pytest.raises(E.StateError, match="population"):       # C's ESTATE
            r.get("share_20_66", 2030)


def test_share_of_20_66(setup, norway):
    st, _, _, users = setup
    with planomsorg.Population.from_array(norway.to_numpy()[-1:].repeat(YEARS, 0), 2030) as pop:
        with st.compute(users, pop) as r:
            share = r.to_numpy("share_20_66")
            p2066 = pop.to_numpy()[:, :, 20:67].sum(axis=(1, 2))
            np.testing.assert_allclose(share, r.to_numpy("fte").sum(axis=(1, 2)) / p2066,
                                       rtol=1e-12)


def test_costs_by_hand():
    users = np.arange(12.0).reshape(4, 3) * 10
    fte = np.array([100.0, 110, 120, 130])
    with S.Costs(3, 2030, 4) as c:
        c.set_cost_per_user(0, 1000.0)
        c.set_cost_per_user(2, 5000.0)
        c.set_cost_per_fte(750000.0)
        c.set_place_cost("nursing_home", 4e6)
        c.set_grant("nursing_home", 0.5, 3e6)
        cap = np.array([100.0, 110, 108, 120])
        c.set_capacity("nursing_home", 95.0, cap)
        with c.compute(users, fte) as r:
            op = users @ np.array([1000.0, 0, 5000]) + fte * 750000.0
            np.testing.assert_allclose(r.to_numpy("operating"), op, rtol=1e-12)
            new = np.maximum(0, np.diff(np.concatenate([[95.0], cap])))
            np.testing.assert_allclose(r.to_numpy("new_places"), new, rtol=1e-12)
            np.testing.assert_allclose(r.to_numpy("grant"), new * 0.5 * 3e6, rtol=1e-12)
            net = new * 4e6 - new * 0.5 * 3e6
            np.testing.assert_allclose(r.to_numpy("total"), op + net, rtol=1e-12)
            pv = (r.to_numpy("total") * 1.04 ** -np.arange(4)).sum()
            assert r.present_value("total", 0.04, 2030) == pytest.approx(pv, rel=1e-12)
            assert S.present_value(r.to_numpy("total"), 2030, 0.04, 2030) == pytest.approx(pv)
            assert set(r.to_frame().measure) == set(S.COST_MEASURES)


def test_bad_staffing_input(setup):
    st, _, _, users = setup
    with pytest.raises(E.DimensionError):
        st.compute(users[:, :2])
    bad = users.copy()
    bad[2, 1] = np.nan
    with pytest.raises(E.InvalidValueError, match=r"users\[2, 1\]"):
        st.compute(bad)
    with pytest.raises(E.InvalidValueError):          # C: mix row not summing to 1
        st.set_mix(0, [0.5, 0.2])
