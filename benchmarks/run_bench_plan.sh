#!/bin/sh
# Runs the whole-plan benchmark in C and the NumPy implementation on the same inputs.
# Usage: benchmarks/run_bench_plan.sh [BUILD_DIR]   (default: build)
set -eu
build=${1:-build}
out=$(mktemp -d "${TMPDIR:-/tmp}/bench_plan.XXXXXX")
"$build/benchmarks/bench_plan" "$out" 3
/usr/bin/python3 "$(dirname "$0")/bench_plan.py" "$out" 3
rm -rf "$out"
