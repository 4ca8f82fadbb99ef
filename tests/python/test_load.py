"""Loading, version check, and the generated declarations against the headers and the library."""
import os
import re
import shutil
import subprocess
import sys

import pytest

import planomsorg
from planomsorg._lib import _api



def test_runtime_version_matches_headers():
    assert planomsorg.VERSION_NUMBER // 10000 == _api.HEADER_VERSION // 10000
    assert planomsorg.VERSION_NUMBER >= _api.HEADER_VERSION
    major, minor, patch = (int(x) for x in planomsorg.VERSION.split("."))
    assert planomsorg.VERSION_NUMBER == major * 10000 + minor * 100 + patch


def test_version_rule():
    ok = planomsorg._lib.version_compatible
    assert ok(10000, 10000) and ok(10203, 10000) and ok(10001, 10000)
    assert not ok(9999, 10000)           # older than the headers: functions may be missing
    assert not ok(10100, 10200)
    assert not ok(20000, 10000)          # another major: another ABI


def test_library_from_environment():
    env = os.environ.get("PLANOMSORG_LIBRARY")
    if not env:
        pytest.skip("PLANOMSORG_LIBRARY not set")
    assert os.path.samefile(planomsorg.LIBRARY_PATH, env)


def test_bad_library_path_is_a_clear_import_error(tmp_path):
    env = dict(os.environ, PLANOMSORG_LIBRARY=str(tmp_path / "nothing.so"))
    r = subprocess.run([sys.executable, "-c", "import planomsorg"], env=env,
                       capture_output=True, text=True, cwd=os.path.dirname(
                           os.path.dirname(planomsorg.__file__)))
    assert r.returncode != 0
    assert "LibraryNotFoundError" in r.stderr and "PLANOMSORG_LIBRARY" in r.stderr


def _fresh(root):
    if not (shutil.which("cc") or shutil.which("gcc")):
        pytest.skip("no C compiler to preprocess the headers")
    sys.path.insert(0, str(root / "bindings" / "python" / "tools"))
    try:
        import gen_api
    finally:
        sys.path.pop(0)
    return gen_api.generate(str(root))


def test_declarations_in_use_match_headers(root):
    """The declarations the package loaded are what gen_api.py makes from today's headers
    (under meson: generated at build time from include/, PLANOMSORG_API_FILE)."""
    with open(planomsorg.API_FILE, encoding="utf-8") as f:
        assert f.read() == _fresh(root)


def test_packaged_copy_is_current(root):
    """The committed bindings/python/planomsorg/_api.py (used by an install without a C
    compiler, or PYTHONPATH use without PLANOMSORG_API_FILE) is reported when stale."""
    packaged = (root / "bindings" / "python" / "planomsorg" / "_api.py").read_text()
    if packaged != _fresh(root):
        pytest.xfail("bindings/python/planomsorg/_api.py is older than the headers: run "
                     "/usr/bin/python3 bindings/python/tools/gen_api.py . "
                     "bindings/python/planomsorg/_api.py (pip install regenerates it)")


def test_every_declared_function_is_exported():
    declared = set(re.findall(r"\b(planomsorg_[a-z0-9_]+)\(", _api.CDEF))
    missing = set()
    for name in declared:
        try:
            getattr(planomsorg.lib, name)
        except AttributeError:
            missing.add(name)
    assert not missing, "declared but not exported: %s" % sorted(missing)
    assert len(declared) > 100


def test_constants_agree_with_name_functions():
    C = planomsorg.C
    assert C["PLANOMSORG_OK"] == 0
    for kind in planomsorg.KINDS:
        code = C[kind.macro]
        assert code < 0
        assert planomsorg.error_class(code) is kind
        assert planomsorg.lib.planomsorg_strerror(code) != planomsorg.ffi.NULL
    assert planomsorg.population.BANDS["80+"] == C["PLANOMSORG_BAND_80P"]
    assert planomsorg.population.sex_name(planomsorg.FEMALE) == "female"


def test_library_found_by_pkg_config(tmp_path):
    """Outside the source tree and without PLANOMSORG_LIBRARY, pkg-config's libdir is used."""
    if not shutil.which("pkg-config"):
        pytest.skip("no pkg-config")
    libdir = os.path.dirname(os.path.realpath(planomsorg.LIBRARY_PATH))
    pc = tmp_path / "pc"
    pc.mkdir()
    (pc / "planomsorg.pc").write_text(
        "libdir=%s\nincludedir=/usr/include\n\nName: planomsorg\nDescription: test\n"
        "Version: %s\nLibs: -L${libdir} -lplanomsorg\n" % (libdir, planomsorg.VERSION))
    pkg = tmp_path / "site"
    shutil.copytree(os.path.dirname(planomsorg.__file__), pkg / "planomsorg",
                    ignore=shutil.ignore_patterns("__pycache__"))
    env = {k: v for k, v in os.environ.items() if k != "PLANOMSORG_LIBRARY"}
    env["PKG_CONFIG_PATH"] = str(pc)
    env["PYTHONPATH"] = str(pkg)
    r = subprocess.run([sys.executable, "-c", "import planomsorg; print(planomsorg.LIBRARY_PATH)"],
                       env=env, capture_output=True, text=True, cwd=str(tmp_path))
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == os.path.join(libdir, planomsorg._lib.SONAME)
