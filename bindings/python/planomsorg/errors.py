"""Exceptions: one class per kind of library error (errors.h), all under PlanomsorgError.

Each class also derives from the closest built-in exception, so `except ValueError`
catches a bad value whether Python's input checks or the C library found it.
"""


class PlanomsorgError(Exception):
    """A libplanomsorg call failed. `code` is the C status, `message` the library's text."""

    code = None
    #: Name of the errors.h macro of this kind.
    macro = None

    def __init__(self, message, code=None):
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code

    def __str__(self):
        return self.message


def _kind(name, macro, base, doc):
    return type(name, (PlanomsorgError, base), {"__doc__": doc, "macro": macro})


NoMemoryError = _kind("NoMemoryError", "PLANOMSORG_ENOMEM", MemoryError, "Out of memory.")
InvalidArgumentError = _kind("InvalidArgumentError", "PLANOMSORG_EINVAL", ValueError,
                             "An argument is invalid (NULL, a bad code or option).")
OutOfRangeError = _kind("OutOfRangeError", "PLANOMSORG_ERANGE", IndexError,
                        "A year, age, sex, level or other index is outside the object's range.")
FileError = _kind("FileError", "PLANOMSORG_EIO", OSError,
                  "A file cannot be opened, read or written.")
FormatError = _kind("FormatError", "PLANOMSORG_EFORMAT", ValueError,
                    "Malformed input: a missing or extra column, an unknown header, a bad layout.")
InvalidValueError = _kind("InvalidValueError", "PLANOMSORG_EVALUE", ValueError,
                          "A value is not acceptable: not a number, negative, NaN or infinite.")
DuplicateError = _kind("DuplicateError", "PLANOMSORG_EDUPLICATE", ValueError,
                       "A cell or key appears twice in the input.")
MissingError = _kind("MissingError", "PLANOMSORG_EMISSING", ValueError,
                     "A required cell or key is missing from the input.")
EncodingError = _kind("EncodingError", "PLANOMSORG_EENCODING", ValueError,
                      "The input is not in the expected text encoding.")
EmptyError = _kind("EmptyError", "PLANOMSORG_EEMPTY", ValueError, "The input is empty.")
NotFoundError = _kind("NotFoundError", "PLANOMSORG_ENOTFOUND", LookupError,
                      "The requested municipality, year or name does not exist in the data.")
DimensionError = _kind("DimensionError", "PLANOMSORG_EDIMENSION", ValueError,
                       "Objects or arrays given together do not have matching dimensions.")
NumericError = _kind("NumericError", "PLANOMSORG_ENUMERIC", ArithmeticError,
                     "A numerical computation failed (singular system, overflow, zero denominator).")
StochasticError = _kind("StochasticError", "PLANOMSORG_ESTOCHASTIC", ValueError,
                        "A matrix that must be row-stochastic is not.")
ConvergenceError = _kind("ConvergenceError", "PLANOMSORG_ECONVERGE", ArithmeticError,
                         "An iterative method did not converge.")
StateError = _kind("StateError", "PLANOMSORG_ESTATE", RuntimeError,
                   "The object is not in a state that allows the operation (e.g. closed).")
UnsupportedError = _kind("UnsupportedError", "PLANOMSORG_EUNSUPPORTED", NotImplementedError,
                         "The operation or feature is not supported by this build.")
VersionError = _kind("VersionError", "PLANOMSORG_EVERSION", RuntimeError,
                     "A version mismatch (library, option struct or file).")
ConsistencyError = _kind("ConsistencyError", "PLANOMSORG_ECONSISTENCY", ValueError,
                         "A plan or scenario refers to something inconsistent.")

#: Every kind, in errors.h order.
KINDS = (NoMemoryError, InvalidArgumentError, OutOfRangeError, FileError, FormatError,
         InvalidValueError, DuplicateError, MissingError, EncodingError, EmptyError,
         NotFoundError, DimensionError, NumericError, StochasticError, ConvergenceError,
         StateError, UnsupportedError, VersionError, ConsistencyError)


class LibraryNotFoundError(ImportError):
    """libplanomsorg.so.1 was not found, or it is not a usable version."""
