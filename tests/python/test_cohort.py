"""Markov cohort: trace vs NumPy matrix products; the CLI's CSV vs the DataFrame."""
import csv
import io
import subprocess

import numpy as np
import pandas as pd
import pytest

import planomsorg
from planomsorg.cohort import Cohort

P = np.array([[0.85, 0.10, 0.05], [0.0, 0.80, 0.20], [0.0, 0.0, 1.0]])


def test_trace_and_totals_against_numpy():
    with Cohort(["well", "sick", "dead"], 12) as m:
        m.set_matrix(P)
        m.set_initial([0.9, 0.1, 0.0])
        m.set_values([100.0, 1000.0, 0.0])
        m.set_discount(0.035)
        with m.run() as r:
            tr = r.trace()
            x = np.array([0.9, 0.1, 0.0])
            want = [x]
            for _ in range(12):
                x = x @ P
                want.append(x)
            want = np.array(want)
            np.testing.assert_allclose(tr, want, rtol=1e-12, atol=1e-15)
            disc = 1.035 ** -np.arange(1, 13)
            assert r.total("life_years") == pytest.approx(want[1:, :2].sum(), rel=1e-12)
            assert r.total("value_discounted") == pytest.approx(
                (want[1:] @ np.array([100.0, 1000, 0]) * disc).sum(), rel=1e-12)
            np.testing.assert_allclose(r.per_cycle("life_years"), want[1:, :2].sum(axis=1))
            assert r.absorbing(2) and not r.absorbing(0)
            f = r.to_frame()
            assert list(f.columns) == ["cycle", "state", "share"] and len(f) == 13 * 3


def test_cli_csv_equals_frame(exe, root):
    ex = root / "examples" / "markov" / "chancellor"
    args = dict(transitions=str(ex / "transitions_mono.csv"), initial=str(ex / "initial.csv"),
                values=str(ex / "values_mono.csv"))
    out = subprocess.run([exe, "markov", "--transitions", args["transitions"], "--initial",
                          args["initial"], "--values", args["values"], "--discount", "0.06", "--cycles", "20",
                          "--format", "csv"], capture_output=True, text=True, check=True).stdout
    trace_text, totals_text = out.split("\n\n", 1)
    cli = pd.read_csv(io.StringIO(trace_text), float_precision="round_trip")
    totals = {r["measure"]: float(r["value"]) for r in csv.DictReader(io.StringIO(totals_text))}
    with Cohort.read_csv(n_cycles=20, **args) as m:
        m.set_discount(0.06)
        with m.run() as r:
            frame = r.to_frame()
            mine = r.totals()
    assert list(cli.columns) == list(frame.columns)
    assert (cli["state"].values == frame["state"].values).all()
    np.testing.assert_allclose(cli["share"], frame["share"], rtol=1e-15)
    for k, v in totals.items():
        assert mine[k] == pytest.approx(v, rel=1e-15)
