"""SSB projection tables and alignment: the table against the CSV it came from; aligned
group sums against the targets, by NumPy sums of the exported population."""
import numpy as np
import pytest

import planomsorg
from planomsorg import errors as E
from planomsorg.ssbproj import SsbProjection, align_groups

GROUPS = [("0-66 år", 0, 66), ("67-79 år", 67, 79), ("80 år eller eldre", 80, None)]
YEARS = [2026, 2027, 2028]


def ssb_csv(values):
    """values[region][year][group] -> SSB long CSV (main alternative)."""
    lines = ["region,statistikkvariabel,år,alder,value"]
    for region, by_year in values.items():
        for y, year in enumerate(YEARS):
            for g, (label, _, _) in enumerate(GROUPS):
                lines.append('"%s","Personer, Hovedalternativet (MMMM)",%d,%s,%r'
                             % (region, year, label, by_year[y][g]))
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def values():
    rng = np.random.default_rng(11)
    return {"Hele landet": rng.uniform(1e5, 1e6, size=(3, 3)),
            "Porsgrunn (2020-2023)": rng.uniform(1e3, 1e4, size=(3, 3))}


def test_table_and_band(values):
    with SsbProjection.parse(ssb_csv(values)) as proj:
        assert proj.first_year == 2026 and proj.n_years == 3
        assert proj.alternatives == ["main"]
        assert proj.groups == [(0, 66), (67, 79), (80, None)]
        np.testing.assert_array_equal(proj.table(None), values["Hele landet"])
        np.testing.assert_array_equal(proj.table("Porsgrunn"), values["Porsgrunn (2020-2023)"])
        assert proj.band(2027, 80, region="Porsgrunn") == values["Porsgrunn (2020-2023)"][1][2]
        assert proj.band(2028, 67) == pytest.approx(values["Hele landet"][2][1:].sum())
        f = proj.to_frame("Porsgrunn")
        assert list(f.columns) == ["year", "group", "persons"] and len(f) == 9
        with pytest.raises(E.NotFoundError):
            proj.table("Atlantis")


def test_align_to_table(values, norway):
    targets = values["Hele landet"]
    with norway.slice(2024, 1) as one:
        data = np.repeat(one.to_numpy(), 3, axis=0)
    with planomsorg.Population.from_array(data, 2026) as pop, \
            SsbProjection.parse(ssb_csv(values)) as proj:
        with proj.align(pop) as rep:
            a = pop.to_numpy()
            sums = np.stack([a[:, :, 0:67].sum(axis=(1, 2)), a[:, :, 67:80].sum(axis=(1, 2)),
                             a[:, :, 80:].sum(axis=(1, 2))], axis=1)
            np.testing.assert_allclose(sums, targets, rtol=1e-12)
            f = rep.to_frame()
            np.testing.assert_allclose(f.after.values, targets.ravel(), rtol=1e-12)
            np.testing.assert_allclose(f.factor, f.after / f.before, rtol=1e-12)
            before = np.repeat(data, 1, axis=0)[:, :, 80:].sum(axis=(1, 2))
            np.testing.assert_allclose(f[f.group == 2].before.values, before, rtol=1e-12)


def test_align_two_margins(norway):
    with norway.slice(2024, 2) as pop:
        a = pop.to_numpy()
        groups = [(0, 66), (67, None)]
        targets = np.stack([a[:, :, :67].sum(axis=(1, 2)) * 1.02,
                            a[:, :, 67:].sum(axis=(1, 2)) * 1.05], axis=1)
        total = targets.sum(axis=1)
        sex_targets = np.stack([0.505 * total, 0.495 * total], axis=1)
        with align_groups(pop, 2024, groups, targets, sex_targets) as rep:
            b = pop.to_numpy()
            np.testing.assert_allclose(b[:, :, :67].sum(axis=(1, 2)), targets[:, 0], rtol=1e-9)
            np.testing.assert_allclose(b.sum(axis=2), sex_targets, rtol=1e-9)
            assert rep.iterations >= 1
            assert rep.sex(2025, planomsorg.MALE)[1] == pytest.approx(sex_targets[1, 1], rel=1e-9)
