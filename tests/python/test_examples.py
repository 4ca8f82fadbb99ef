"""The programs in examples/python run to completion and write their figures."""
import os
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(os.environ.get("PLANOMSORG_SOURCE_ROOT",
                                   pathlib.Path(__file__).resolve().parents[2]))
EXAMPLES = sorted((ROOT / "examples" / "python").glob("*.py"))


@pytest.mark.parametrize("script", EXAMPLES, ids=lambda p: p.name)
def test_example_runs(script, tmp_path):
    import planomsorg
    # the package under test (installed or in-tree) is the one the example imports
    where = os.path.dirname(os.path.dirname(planomsorg.__file__))
    env = dict(os.environ, MPLBACKEND="Agg",
               PYTHONPATH=os.pathsep.join([where, os.environ.get("PYTHONPATH", "")]))
    r = subprocess.run([sys.executable, str(script), "--out", str(tmp_path)], env=env,
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    pngs = list(tmp_path.glob("*.png"))
    assert pngs, "no figure written"
    assert all(p.stat().st_size > 1000 for p in pngs)


def test_readme_code_runs(tmp_path, monkeypatch):
    """The Python block of bindings/python/README.md runs as written."""
    import re
    text = (ROOT / "bindings" / "python" / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    assert blocks
    monkeypatch.chdir(tmp_path)
    for code in blocks:
        exec(compile(code, "README.md", "exec"), {})
    assert (tmp_path / "pyramid.png").stat().st_size > 1000
