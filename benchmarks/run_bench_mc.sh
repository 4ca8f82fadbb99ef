#!/bin/sh
# Runs the C Monte Carlo benchmark and the NumPy implementation on the same inputs.
# Usage: benchmarks/run_bench_mc.sh [BUILD_DIR [DRAWS_NORWAY [DRAWS_MUNICIPALITY [NUMPY_DRAWS]]]]
# (defaults: build, 1000, 100, 200)
set -eu
build=${1:-build}
out=$(mktemp -d "${TMPDIR:-/tmp}/bench_mc.XXXXXX")
"$build/benchmarks/bench_mc" "$out" "${2:-1000}" "${3:-100}"
/usr/bin/python3 "$(dirname "$0")/bench_mc.py" "$out" "${4:-200}" 40
rm -rf "$out"
