"""Plots draw what the library computed (Agg backend), and save as PNG."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

import planomsorg  # noqa: E402
from planomsorg import coverage, plots  # noqa: E402


def test_pyramid_two_years(norway, tmp_path):
    y1, y2 = norway.first_year, norway.first_year + norway.n_years - 1
    ax = plots.pyramid(norway, (y1, y2), group=5)
    bars = [p for p in ax.patches]
    a = norway.to_numpy()[0]
    n_groups = len(range(0, a.shape[1], 5))
    assert len(bars) == 2 * n_groups                     # men and women of the first year
    widths = sorted(abs(b.get_width()) for b in bars)
    want = sorted(np.concatenate([np.add.reduceat(a[s], np.arange(0, a.shape[1], 5))
                                  for s in (0, 1)]) / 1000.0)
    np.testing.assert_allclose(widths, want, rtol=1e-12)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [str(y1), str(y2)]
    ax.figure.savefig(tmp_path / "pyramid.png")
    assert (tmp_path / "pyramid.png").stat().st_size > 1000
    plt.close(ax.figure)


def test_coverage_path_plot(norway):
    years = np.arange(2015, 2025)
    path = coverage.path(np.full(years.size, 30000.0), norway, 2015)
    ax = plots.coverage_path(years, path, 0.12)
    np.testing.assert_allclose(ax.lines[0].get_ydata(), 100 * path)
    plt.close(ax.figure)


def test_frame_plots():
    years = np.arange(2025, 2031)
    frame = pd.DataFrame({"year": np.repeat(years, 3), "level": ["home", "24h", "nh"] * 6,
                          "users": np.arange(18.0)})
    ax = plots.users_by_level(frame)
    assert len(ax.collections) == 3
    plt.close(ax.figure)
    sc = pd.DataFrame({"year": np.repeat(years, 3), "scenario": ["low", "mid", "high"] * 6,
                       "fte": np.arange(18.0)})
    ax = plots.fte_band(sc, middle="mid")
    assert len(ax.lines) == 3
    plt.close(ax.figure)
    ax = plots.supply_demand(years, np.full(6, 10.0), np.arange(6.0) + 7)
    assert len(ax.lines) == 2
    plt.close(ax.figure)


def test_fan():
    years = np.arange(2025, 2031)
    ax = plots.fan(years, np.arange(6.0), np.arange(6.0) + 1, np.arange(6.0) + 2,
                   central=np.arange(6.0) + 1)
    np.testing.assert_array_equal(ax.lines[0].get_ydata(), np.arange(6.0) + 1)
    assert len(ax.collections) == 1 and len(ax.lines) == 2
    plt.close(ax.figure)
