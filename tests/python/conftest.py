"""pytest setup for the Python binding: the package, Agg backend, paths from meson.

meson sets PLANOMSORG_LIBRARY (the build tree's libplanomsorg.so.1), PLANOMSORG_EXE (the
CLI), PLANOMSORG_SOURCE_ROOT and PYTHONPATH (the in-tree package); run by hand, the package
finds the build tree itself. An installed package (pip install bindings/python, as CI's
python stage does) is tested as installed; otherwise the in-tree one is used.
"""
import importlib.util
import os
import pathlib
import sys

import matplotlib

matplotlib.use("Agg")

ROOT = pathlib.Path(os.environ.get("PLANOMSORG_SOURCE_ROOT",
                                   pathlib.Path(__file__).resolve().parents[2]))
if importlib.util.find_spec("planomsorg") is None:
    sys.path.insert(0, str(ROOT / "bindings" / "python"))

import pytest  # noqa: E402


@pytest.fixture(scope="session")
def root():
    return ROOT


@pytest.fixture(scope="session")
def exe():
    path = os.environ.get("PLANOMSORG_EXE")
    if not path:
        for cand in sorted(ROOT.glob("build*/tools/planomsorg")):
            path = str(cand)
            break
    if not path or not os.path.exists(path):
        pytest.skip("planomsorg CLI not found (set PLANOMSORG_EXE)")
    return path


@pytest.fixture(scope="session")
def norway():
    import planomsorg
    pop = planomsorg.Population.embedded("0000")
    yield pop
    pop.close()
