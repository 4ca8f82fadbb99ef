#!/bin/sh
# Whole plans from C (bench_plan, timing 1) and from Python (the binding), one session.
# Usage: benchmarks/run_bench_plan_python.sh [BUILD_DIR]   (default: build)
set -eu
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d "${TMPDIR:-/tmp}/bench_plan_py.XXXXXX")
"$build/benchmarks/bench_plan" "$out" 20 | sed -n '1,3p'
PLANOMSORG_LIBRARY=$(cd "$build" && pwd)/lib/libplanomsorg.so.1 PYTHONPATH="$root/bindings/python" \
    /usr/bin/python3 "$root/benchmarks/bench_plan_python.py" 20
rm -rf "$out"
