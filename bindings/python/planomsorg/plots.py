"""Plots with matplotlib. Every function draws on an Axes (a new figure when ax is None)
and returns the Axes; data come from the binding's arrays and long DataFrames, so the
figures show exactly what the library computed. No model logic here.
"""
import numpy as np


def _axes(ax, figsize=(8, 5)):
    if ax is None:
        import matplotlib.pyplot as plt
        _, ax = plt.subplots(figsize=figsize)
    return ax


def pyramid(pop, years, ax=None, group=1, colors=("tab:blue", "tab:orange")):
    """Population pyramid of one or two years overlaid: men left, women right (thousands).

    pop: a Population holding the years; group: ages per bar (1 = single ages, 5 = five-year).
    """
    ax = _axes(ax, (7, 8))
    years = [years] if np.isscalar(years) else list(years)
    data = pop.to_numpy()
    n_ages = data.shape[2]
    edges = np.arange(0, n_ages, group)
    for i, year in enumerate(years):
        a = data[int(year) - pop.first_year]                        # (2, ages)
        women = np.add.reduceat(a[0], edges) / 1000.0
        men = np.add.reduceat(a[1], edges) / 1000.0
        style = dict(height=group * 0.9, align="edge", color=colors[i % len(colors)])
        if i == 0:
            ax.barh(edges, -men, alpha=0.55, label="%d" % year, **style)
            ax.barh(edges, women, alpha=0.55, **style)
        else:                                                      # outline over the first
            tops = np.append(edges, n_ages)
            ys = np.repeat(tops, 2)[1:-1]                          # each group's [lo, hi)
            ax.plot(-np.repeat(men, 2), ys, color=style["color"], lw=1.5, label="%d" % year)
            ax.plot(np.repeat(women, 2), ys, color=style["color"], lw=1.5)
    lim = np.abs(ax.get_xlim()).max()
    ax.set_xlim(-lim, lim)
    ticks = ax.get_xticks()
    ax.set_xticks(ticks)
    ax.set_xticklabels(["%g" % abs(t) for t in ticks])
    ax.axvline(0, color="black", lw=0.8)
    ax.set_xlabel("persons (thousands): men left, women right")
    ax.set_ylabel("age (last band open)")
    ax.set_title("Population pyramid")
    handles, labels = ax.get_legend_handles_labels()
    order = sorted(range(len(labels)), key=lambda i: [str(y) for y in years].index(labels[i]))
    ax.legend([handles[i] for i in order], [labels[i] for i in order], loc="upper right")
    return ax


def users_by_level(frame, ax=None, year="year", level="level", value="users", order=None):
    """Users per level as stacked areas over years, from a long DataFrame."""
    ax = _axes(ax)
    wide = frame.pivot_table(index=year, columns=level, values=value, aggfunc="sum")
    if order is not None:
        wide = wide[[c for c in order if c in wide.columns]]
    ax.stackplot(wide.index.values, wide.values.T, labels=[str(c) for c in wide.columns],
                 alpha=0.85)
    ax.set_xlabel("year")
    ax.set_ylabel(value)
    ax.set_title("Users by service level")
    ax.legend(loc="upper left", fontsize="small", ncol=2)
    return ax


def coverage_path(years, path, target=None, ax=None, label="coverage", target_label="target"):
    """A coverage (dekningsgrad) path in per cent against a target."""
    ax = _axes(ax)
    years = np.asarray(years)
    ax.plot(years, 100.0 * np.asarray(path), marker="o", ms=3, label=label)
    if target is not None:
        ax.axhline(100.0 * target, color="tab:red", ls="--", label=target_label)
    ax.set_xlabel("year")
    ax.set_ylabel("per cent of the age band")
    ax.set_title("Coverage against target")
    ax.legend()
    return ax


def fte_band(frame, ax=None, year="year", scenario="scenario", value="fte", middle=None):
    """FTE demand per scenario as a band: min..max over scenarios, the middle one as a line."""
    ax = _axes(ax)
    wide = frame.pivot_table(index=year, columns=scenario, values=value, aggfunc="sum")
    x = wide.index.values
    ax.fill_between(x, wide.min(axis=1).values, wide.max(axis=1).values, alpha=0.3,
                    label="range of scenarios")
    for col in wide.columns:
        lw = 2.5 if col == middle else 1.0
        ax.plot(x, wide[col].values, lw=lw, label=str(col))
    ax.set_xlabel("year")
    ax.set_ylabel("FTE (årsverk)")
    ax.set_title("FTE demand by scenario")
    ax.legend(fontsize="small")
    return ax


def supply_demand(years, supply, demand, ax=None):
    """Staff supply against demand, the gap shaded."""
    ax = _axes(ax)
    years = np.asarray(years)
    supply, demand = np.asarray(supply, float), np.asarray(demand, float)
    ax.plot(years, demand, color="tab:red", label="demand")
    ax.plot(years, supply, color="tab:green", label="supply")
    ax.fill_between(years, supply, demand, where=demand > supply, interpolate=True,
                    color="tab:red", alpha=0.2, label="shortfall")
    ax.fill_between(years, supply, demand, where=demand <= supply, interpolate=True,
                    color="tab:green", alpha=0.2, label="surplus")
    ax.set_xlabel("year")
    ax.set_ylabel("FTE (årsverk)")
    ax.set_title("Staff supply and demand")
    ax.legend()
    return ax


def fan(years, lo, mid, hi, ax=None, label="median", band_label="90 % band",
        ylabel="FTE (årsverk)", central=None):
    """A fan chart of Monte Carlo percentiles: the band lo..hi shaded, the median as a line,
    and optionally the central (undrawn) run dashed."""
    ax = _axes(ax)
    years = np.asarray(years)
    ax.fill_between(years, np.asarray(lo, float), np.asarray(hi, float), alpha=0.3,
                    label=band_label)
    ax.plot(years, np.asarray(mid, float), lw=2, label=label)
    if central is not None:
        ax.plot(years, np.asarray(central, float), ls="--", color="black", label="central")
    ax.set_xlabel("year")
    ax.set_ylabel(ylabel)
    ax.set_title("Monte Carlo band")
    ax.legend()
    return ax
