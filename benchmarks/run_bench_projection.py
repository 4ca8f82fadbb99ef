#!/usr/bin/python3
"""Runs the C benchmark of the projection and the NumPy implementation in the same run,
checks that both give the same numbers (1e-9 relative) and prints the timings and ratio.

usage: run_bench_projection.py BENCH_PROJECTION_EXE [MIN_SECONDS]
"""
import json
import os
import platform
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
exe = sys.argv[1]
min_seconds = sys.argv[2] if len(sys.argv) > 2 else "1"


def cpu_model():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


print(f"machine: {cpu_model()}, {os.cpu_count()} logical CPUs, {platform.system()} "
      f"{platform.release()}, Python {platform.python_version()}, load average "
      f"{os.getloadavg()[0]:.1f}")
ok = True
with tempfile.TemporaryDirectory() as d:
    subprocess.run([exe, d, min_seconds], check=True)
    for batch in ("norway", "municipalities"):
        c = json.load(open(os.path.join(d, batch + ".json")))
        p = subprocess.run([sys.executable, os.path.join(here, "bench_projection_numpy.py"), d,
                            batch, min_seconds], capture_output=True, text=True)
        if not p.stdout.strip():
            print(p.stderr)
            sys.exit(1)
        n = json.loads(p.stdout)
        ok &= p.returncode == 0
        print(f"NumPy {n['numpy']:>8} {batch:<15} {c['regions']:3d} region(s) "
              f"{c['base_year']}-{c['last_year']}: {n['seconds_per_batch']:10.6f} s per batch, "
              f"CPU {n['cpu_seconds_per_batch']:10.6f} s ({n['repetitions']} repetitions)")
        print(f"ratio NumPy / C for {batch}: wall "
              f"{n['seconds_per_batch'] / c['seconds_per_batch']:.2f}, CPU "
              f"{n['cpu_seconds_per_batch'] / c['cpu_seconds_per_batch']:.2f}; "
              f"largest difference {n['max_rel_diff']:.2e} relative "
              f"({'same numbers' if n['max_rel_diff'] <= 1e-9 else 'MISMATCH'} at 1e-9)")
    # The same C program with glibc's malloc keeping freed memory (see bench_projection.c).
    subprocess.run([exe, d, min_seconds, "no-trim"], check=True)
sys.exit(0 if ok else 1)
