#!/bin/sh
# Estimation against R's msm on the same synthetic panel, in one run.
# Usage: benchmarks/run_compare_msm.sh [BUILD_DIR] [N_PERSONS]   (defaults: build, 5000)
set -eu
build=${1:-build}
n=${2:-5000}
out=$(mktemp -d "${TMPDIR:-/tmp}/compare_msm.XXXXXX")
"$build/benchmarks/bench_estimate" "$out" "$n" 6 20261122 5
Rscript "$(dirname "$0")/compare_msm.R" "$out"
rm -rf "$out"
