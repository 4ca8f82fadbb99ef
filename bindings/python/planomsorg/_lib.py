"""Loading libplanomsorg, status codes to exceptions, arrays, and owned handles.

This is the whole machinery of the binding; the module files only name C functions.
"""
import os
import pathlib
import shutil
import subprocess

import cffi
import numpy as np

from . import errors


def _declarations():
    """The generated declarations: PLANOMSORG_API_FILE (a file gen_api.py wrote from the
    headers of the library in use, as the meson test sets it), else the packaged copy."""
    path = os.environ.get("PLANOMSORG_API_FILE")
    if not path:
        from . import _api
        return _api
    import importlib.util
    spec = importlib.util.spec_from_file_location("planomsorg._api_generated", path)
    if spec is None or not os.path.exists(path):
        raise errors.LibraryNotFoundError("planomsorg: PLANOMSORG_API_FILE=%s does not exist"
                                          % path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


_api = _declarations()
#: Where the declarations come from (the packaged _api.py or PLANOMSORG_API_FILE).
API_FILE = _api.__file__

ffi = cffi.FFI()
ffi.cdef(_api.CDEF)

#: Every PLANOMSORG_* constant of the headers (numbers and strings), by macro name.
C = dict(_api.CONSTANTS)

SONAME = "libplanomsorg.so.1"


def _candidates():
    """Where to look for the shared library, in order, with a label for error messages."""
    env = os.environ.get("PLANOMSORG_LIBRARY")
    if env:
        yield "PLANOMSORG_LIBRARY", env
        return                      # an explicit choice is never overridden
    pkg = shutil.which("pkg-config")
    if pkg:
        try:
            libdir = subprocess.run([pkg, "--variable=libdir", "planomsorg"], check=True,
                                    capture_output=True, text=True, timeout=10).stdout.strip()
            if libdir:
                yield "pkg-config", os.path.join(libdir, SONAME)
        except (subprocess.SubprocessError, OSError):
            pass
    here = pathlib.Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "include" / "planomsorg.h").is_file():      # the source tree
            for build in sorted(parent.glob("build*/lib/" + SONAME)):
                yield "build tree", str(build)
            break
    yield "system", SONAME


def _load():
    tried = []
    for how, path in _candidates():
        if how != "system" and not os.path.exists(path):
            tried.append("%s: %s (no such file)" % (how, path))
            continue
        try:
            return ffi.dlopen(path), path
        except OSError as exc:
            tried.append("%s: %s (%s)" % (how, path, exc))
    raise errors.LibraryNotFoundError(
        "planomsorg: cannot load %s; set PLANOMSORG_LIBRARY to its path or install it where "
        "pkg-config finds planomsorg.pc. Tried: %s" % (SONAME, "; ".join(tried)))


lib, LIBRARY_PATH = _load()


def version_compatible(runtime, needed):
    """A library of version number `runtime` serves declarations of version `needed` when
    the majors are equal (the ABI) and it is not older (every declared function exists)."""
    return runtime // 10000 == needed // 10000 and runtime >= needed


def _check_version():
    runtime = lib.planomsorg_version_number()
    need = _api.HEADER_VERSION
    if not version_compatible(runtime, need):
        raise errors.LibraryNotFoundError(
            "planomsorg: %s is version %s; this binding needs %d.%d.%d or a later %d.x"
            % (LIBRARY_PATH, ffi.string(lib.planomsorg_version_string()).decode(),
               need // 10000, need // 100 % 100, need % 100, need // 10000))
    return runtime


VERSION_NUMBER = _check_version()
VERSION = ffi.string(lib.planomsorg_version_string()).decode()

_BY_CODE = {C[k.macro]: k for k in errors.KINDS if k.macro in C}


def error_class(code):
    """The exception class of a status code (PlanomsorgError for an unknown code)."""
    return _BY_CODE.get(code, errors.PlanomsorgError)


def raise_for(code, message=None):
    """Raise the exception of a negative status, with the library's message."""
    if message is None:
        message = ffi.string(lib.planomsorg_error_last()).decode("utf-8", "replace")
    exc = error_class(code)(message, code)
    raise exc


def check(status):
    """Pass a C status through: raise its exception when it is negative."""
    if status < 0:
        raise_for(status)
    return status


def call(name, *args):
    """Call the C function planomsorg_<name> (or a full name) and check its status."""
    fn = getattr(lib, name if name.startswith("planomsorg_") else "planomsorg_" + name)
    return check(fn(*args))


def string(ptr):
    """A C string as str (None for NULL)."""
    return None if ptr == ffi.NULL else ffi.string(ptr).decode("utf-8", "replace")


def text(value, what):
    """A str, bytes or path for a const char * argument; None is refused before C sees it."""
    if isinstance(value, os.PathLike):
        value = os.fspath(value)
    if isinstance(value, bytes):                 # passed through unchanged (e.g. Latin-1 text)
        if b"\0" in value:
            raise errors.InvalidArgumentError("planomsorg: %s contains a NUL byte" % what,
                                              C["PLANOMSORG_EINVAL"])
        return value
    if not isinstance(value, str):
        raise TypeError("planomsorg: %s must be a str, not %s" % (what, type(value).__name__))
    if "\0" in value:
        raise errors.InvalidArgumentError("planomsorg: %s contains a NUL character" % what,
                                          C["PLANOMSORG_EINVAL"])
    return value.encode("utf-8")


def integer(value, what):
    """An int argument; bools, floats with a fraction, None and strings are refused."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
        if isinstance(value, (float, np.floating)) and float(value).is_integer():
            return int(value)
        raise TypeError("planomsorg: %s must be an integer, not %r" % (what, value))
    value = int(value)
    if not -2**31 <= value < 2**31:
        raise errors.OutOfRangeError("planomsorg: %s = %d does not fit a C int" % (what, value),
                                     C["PLANOMSORG_ERANGE"])
    return value


def number(value, what, nonnegative=False, finite=True):
    """A double argument, checked for type, NaN/infinity and sign before C sees it."""
    if value is None or isinstance(value, (bool, np.bool_, str, bytes)):
        raise TypeError("planomsorg: %s must be a number, not %r" % (what, value))
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise TypeError("planomsorg: %s must be a number, not %r" % (what, value)) from None
    if finite and not np.isfinite(v):
        raise errors.InvalidValueError("planomsorg: %s is %r; a finite number is needed"
                                       % (what, v), C["PLANOMSORG_EVALUE"])
    if nonnegative and v < 0:
        raise errors.InvalidValueError("planomsorg: %s is %r; it must be >= 0" % (what, v),
                                       C["PLANOMSORG_EVALUE"])
    return v


def array(values, what, shape=None, nonnegative=False, finite=True, dtype=np.float64):
    """A C-contiguous array for a `const double *` (or int) argument, checked in Python.

    shape: expected shape; None entries match any length. Raises TypeError for None or a
    non-numeric dtype, DimensionError for a wrong shape, InvalidValueError for NaN,
    infinity or (when nonnegative) a negative entry, naming the first offending index.
    """
    if values is None:
        raise TypeError("planomsorg: %s must be an array of numbers, not None" % what)
    a = np.asarray(values)
    if a.dtype.kind not in "iuf" or a.dtype == np.float16:
        raise TypeError("planomsorg: %s must hold real numbers; got dtype %s" % (what, a.dtype))
    if shape is not None:
        if a.ndim != len(shape) or any(s is not None and s != n for s, n in zip(shape, a.shape)):
            want = "(" + ", ".join("any" if s is None else str(s) for s in shape) + ")"
            raise errors.DimensionError("planomsorg: %s has shape %s; expected %s"
                                        % (what, a.shape, want), C["PLANOMSORG_EDIMENSION"])
    if dtype == np.float64:
        a = np.ascontiguousarray(a, dtype=np.float64)
        if finite:
            bad = ~np.isfinite(a)
            if bad.any():
                idx = tuple(int(i) for i in np.argwhere(bad)[0])
                raise errors.InvalidValueError("planomsorg: %s[%s] is %r; finite numbers are needed"
                                               % (what, ", ".join(map(str, idx)), a[idx]),
                                               C["PLANOMSORG_EVALUE"])
    else:
        if a.dtype.kind == "f" and not np.all(np.isfinite(a) & (a == np.round(a))):
            raise TypeError("planomsorg: %s must hold whole numbers" % what)
        info = np.iinfo(dtype)
        if a.size and (a.min() < info.min or a.max() > info.max):
            raise errors.OutOfRangeError("planomsorg: %s holds a value outside the C int range"
                                         % what, C["PLANOMSORG_ERANGE"])
        a = np.ascontiguousarray(a, dtype=dtype)
    if nonnegative:
        neg = a < 0
        if neg.any():
            idx = tuple(int(i) for i in np.argwhere(neg)[0])
            raise errors.InvalidValueError("planomsorg: %s[%s] is %r; counts must be >= 0"
                                           % (what, ", ".join(map(str, idx)), a[idx]),
                                           C["PLANOMSORG_EVALUE"])
    return a


def ptr(a):
    """A `double *` (or `int *`) into a NumPy array; the array must outlive the call."""
    if a.dtype == np.float64:
        return ffi.from_buffer("double[]", a)
    if a.dtype == np.int32:
        return ffi.from_buffer("int[]", a)
    raise TypeError("planomsorg: no C type for dtype %s" % a.dtype)


class Handle:
    """An owned C handle, freed by close(), by `with`, or by the garbage collector.

    Subclasses set _free to the name of the C free function. Objects the C handle
    borrows from are kept alive in self._keep.
    """

    _free = None
    __slots__ = ("_cdata", "_keep", "_owned", "__weakref__")

    def __init__(self, cdata, keep=()):
        if cdata == ffi.NULL:
            raise errors.NoMemoryError("planomsorg: the library returned no handle",
                                       C["PLANOMSORG_ENOMEM"])
        self._cdata = ffi.gc(cdata, getattr(lib, self._free))
        self._keep = tuple(keep)
        self._owned = True

    @classmethod
    def _borrow(cls, cdata, owner):
        """A view of a pointer borrowed from owner: never freed here, keeps owner alive."""
        if cdata == ffi.NULL:
            raise errors.StateError("planomsorg: %s has no such object" % type(owner).__name__,
                                    C["PLANOMSORG_ESTATE"])
        obj = cls.__new__(cls)
        obj._cdata = cdata
        obj._keep = (owner,)
        obj._owned = False
        return obj

    @classmethod
    def _new(cls, fn_name, *args, ctype=None, keep=()):
        """Call a constructor `int fn(T **out, args...)` and wrap *out."""
        out = ffi.new((ctype or cls._ctype) + " **")
        call(fn_name, out, *args)
        obj = cls.__new__(cls)
        Handle.__init__(obj, out[0], keep)
        return obj

    @property
    def _ptr(self):
        if getattr(self, "_cdata", None) is None:
            raise errors.StateError("planomsorg: %s is closed" % type(self).__name__,
                                    C["PLANOMSORG_ESTATE"])
        if not self._owned and self._keep[0].closed:
            raise errors.StateError("planomsorg: the %s this %s belongs to is closed"
                                    % (type(self._keep[0]).__name__, type(self).__name__),
                                    C["PLANOMSORG_ESTATE"])
        return self._cdata

    @property
    def closed(self):
        return getattr(self, "_cdata", None) is None

    def close(self):
        """Free the C object now (idempotent)."""
        if getattr(self, "_cdata", None) is not None:
            if self._owned:
                ffi.release(self._cdata)
            self._cdata = None
            self._keep = ()

    def __enter__(self):
        return self

    # Two Python objects must never own one C object: copies are deep (the C _copy).
    def __copy__(self):
        if hasattr(self, "copy"):
            return self.copy()
        raise TypeError("planomsorg: %s cannot be copied" % type(self).__name__)

    def __deepcopy__(self, memo):
        return self.__copy__()

    def __reduce__(self):
        raise TypeError("planomsorg: %s holds a C object and cannot be pickled; export its "
                        "arrays or CSV instead" % type(self).__name__)

    def __exit__(self, *exc):
        self.close()
        return False


def temp_csv(write, what):
    """Let the library write a CSV to a temporary file (write(path_bytes)) and read it
    with pandas at full precision: one C call, the library's own long layout."""
    import tempfile

    import pandas as pd
    fd, path = tempfile.mkstemp(prefix="planomsorg-", suffix=".csv")
    os.close(fd)
    try:
        write(path.encode())
        return pd.read_csv(path, float_precision="round_trip", keep_default_na=False,
                           na_values=["NA", ""])
    finally:
        os.unlink(path)


def names(fn, n):
    """{name: code} of a name function over codes 0..n-1."""
    return {string(fn(i)): i for i in range(n)}


def code(table, value, what):
    """A code from its name in table, or an integer code."""
    if isinstance(value, str):
        if value not in table:
            raise KeyError("planomsorg: unknown %s %r; known: %s" % (what, value, ", ".join(table)))
        return table[value]
    return integer(value, what)


def owned_string(ptr_out, len_out):
    """A library-allocated char buffer as str, freed with planomsorg_free."""
    try:
        return ffi.unpack(ptr_out[0], len_out[0]).decode("utf-8")
    finally:
        lib.planomsorg_free(ptr_out[0])
