"""Shared pieces of the CLI tests (tests/cli/test_*.py): counted checks, number
comparison with a stated tolerance, running the program, and the closing summary line."""
import math
import subprocess

passed = 0
failed = 0


def check(cond, what):
    """Counts a check; prints FAIL and what was checked when cond is false."""
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print("FAIL:", what)


def close(a, b, rel=1e-12, what="", missing_equal=False):
    """|a - b| <= rel * max(1, |b|); with missing_equal, None or NaN on both sides agree."""
    if missing_equal and ((a is None and b is None) or (
            a is not None and b is not None and math.isnan(a) and math.isnan(b))):
        ok = True
    else:
        ok = a is not None and b is not None and abs(a - b) <= rel * max(1.0, abs(b))
    check(ok, f"{what}: {a!r} != {b!r} (rel {rel})")


def run(command, timeout):
    """Runs command (a list); returns exit status, standard output and standard error."""
    p = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    return p.returncode, p.stdout, p.stderr


def summary():
    """Prints the closing "N passed, N failed" line; returns the exit status."""
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0
