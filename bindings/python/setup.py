"""Build hook: when the package is built inside the libplanomsorg source tree, the cffi
declarations (planomsorg/_api.py) are regenerated from the public headers, so an installed
binding matches the headers it was installed with. Without the headers or a C compiler the
packaged copy is used. Metadata is in pyproject.toml."""
import pathlib
import sys

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[1]


class BuildPy(build_py):
    def run(self):
        super().run()
        if not (ROOT / "include" / "planomsorg.h").is_file():
            return
        sys.path.insert(0, str(HERE / "tools"))
        try:
            import gen_api
            text = gen_api.generate(str(ROOT))
        except Exception as exc:       # no compiler: keep the packaged declarations
            print("planomsorg: keeping the packaged _api.py (%s)" % exc)
            return
        finally:
            sys.path.pop(0)
        target = pathlib.Path(self.build_lib) / "planomsorg" / "_api.py"
        target.write_text(text, encoding="utf-8")
        print("planomsorg: declarations regenerated from %s" % (ROOT / "include"))


setup(cmdclass={"build_py": BuildPy})
