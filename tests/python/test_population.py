"""Population: arrays, bands and ratios against NumPy sums of the exported array; CSV."""
import io

import numpy as np
import pandas as pd
import pytest

import planomsorg
from planomsorg import population as P

TOL = 1e-9   # relative; the C sums and NumPy sums add the same doubles in other orders


def test_bands_equal_numpy_sums_of_exported_array(norway):
    a = norway.to_numpy()
    assert a.shape == (norway.n_years, 2, norway.max_age + 1)
    for year in (norway.first_year, 2000, norway.first_year + norway.n_years - 1):
        y = year - norway.first_year
        for name, code in P.BANDS.items():
            lo, hi = P.band_range(code)
            hi = norway.max_age if hi == P.AGE_OPEN else hi
            for sex, cells in ((planomsorg.FEMALE, a[y, 0]), (planomsorg.MALE, a[y, 1]),
                               (planomsorg.BOTH, a[y].sum(axis=0))):
                want = cells[lo:hi + 1].sum()
                assert norway.band(year, name, sex) == pytest.approx(want, rel=TOL)


def test_ratio_equals_numpy(norway):
    a = norway.to_numpy()[-1].sum(axis=0)
    year = norway.first_year + norway.n_years - 1
    assert norway.ratio(year, "ratio_67p_per_20_66") == pytest.approx(
        a[67:].sum() / a[20:67].sum(), rel=TOL)
    assert norway.ratio(year, "ratio_50_66_per_85p") == pytest.approx(
        a[50:67].sum() / a[85:].sum(), rel=TOL)


def test_array_round_trip_and_cells():
    rng = np.random.default_rng(1)
    data = rng.uniform(0, 1000, size=(3, 2, 91))
    with planomsorg.Population.from_array(data, 2030) as pop:
        assert (pop.first_year, pop.n_years, pop.max_age) == (2030, 3, 90)
        np.testing.assert_array_equal(pop.to_numpy(), data)
        assert pop.get(2031, planomsorg.MALE, 7) == data[1, 1, 7]
        pop.set(2031, planomsorg.MALE, 7, 12.5)
        assert pop.to_numpy()[1, 1, 7] == 12.5
        assert pop.sum(2032, 10, 19, planomsorg.FEMALE) == pytest.approx(data[2, 0, 10:20].sum())
        with pop.slice(2031, 2) as part:
            np.testing.assert_array_equal(part.to_numpy(), pop.to_numpy()[1:])
        with pop.copy() as dup:
            np.testing.assert_array_equal(dup.to_numpy(), pop.to_numpy())


def test_frame_equals_library_csv():
    """The DataFrame carries the same cells as the library's own CSV writer."""
    data = np.arange(2 * 2 * 11, dtype=float).reshape(2, 2, 11) * 1.25
    with planomsorg.Population.from_array(data, 2024) as pop:
        frame = pop.to_frame()
        csv = pd.read_csv(io.StringIO(pop.to_csv()), float_precision="round_trip")
    assert list(frame.columns) == ["year", "age", "sex", "persons"]
    assert set(csv.columns) == set(frame.columns)
    key = ["year", "sex", "age"]
    m = frame.merge(csv, on=key, suffixes=("", "_c"), validate="one_to_one")
    assert len(m) == len(frame) == 44
    np.testing.assert_allclose(m["persons"], m["persons_c"], rtol=1e-15)


def test_csv_file_and_frame_round_trip(tmp_path):
    rng = np.random.default_rng(2)
    data = np.round(rng.uniform(0, 500, size=(2, 2, 21)), 3)
    with planomsorg.Population.from_array(data, 2020) as pop:
        path = tmp_path / "pop.csv"
        pop.to_csv(str(path))
        with planomsorg.Population.read_csv(str(path)) as back:
            np.testing.assert_allclose(back.to_numpy(), data, rtol=1e-15)
        with planomsorg.Population.from_frame(pop.to_frame()) as back2:
            np.testing.assert_allclose(back2.to_numpy(), data, rtol=1e-15)


def test_embedded_data_helpers(norway):
    codes = planomsorg.municipalities()
    assert len(codes) > 300 and "5001" in codes
    assert planomsorg.region_name("0301") == "Oslo"
    with planomsorg.Population.embedded("5001") as trd:
        year = trd.first_year + trd.n_years - 1
        assert trd.band(year, "all") < norway.band(year, "all")
    v = planomsorg.kostra("0000", 2024, "longterm_80p")
    assert 10000 < v < 60000
    frame = norway.bands_frame()
    assert len(frame) == norway.n_years * len(P.BANDS)
