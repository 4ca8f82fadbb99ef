#!/bin/sh
# Runs the C benchmark and the NumPy implementation on the same inputs, in one run.
# Usage: benchmarks/run_bench_markov.sh [BUILD_DIR]   (default: build)
set -eu
build=${1:-build}
out=$(mktemp -d "${TMPDIR:-/tmp}/bench_markov.XXXXXX")
"$build/benchmarks/bench_markov" "$out" 20
/usr/bin/python3 "$(dirname "$0")/bench_markov.py" "$out" 5
rm -rf "$out"
