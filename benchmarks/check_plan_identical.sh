#!/bin/sh
# Checks that the results of whole plans are unchanged against a reference directory
# written earlier by the same script (used while optimising the plan path; see
# docs/performance.md). Compares every number of the plan CSVs and of the users and
# queues by year, sex, age and level of Norway and 10 municipalities, default plans with
# three bundles and given-population plans with three scenarios of levers.
# Usage: benchmarks/check_plan_identical.sh BUILD_DIR REFDIR   (writes REFDIR if missing)
set -eu
build=$1
ref=$2
codes="0000 0301 4601 5001 1103 3907 1804 5501 1151 4629 1856"
if [ ! -d "$ref" ]; then
    mkdir -p "$ref"
    "$build/benchmarks/plan_dump" "$ref" $codes
    echo "reference written to $ref"
    exit 0
fi
new=$(mktemp -d "${TMPDIR:-/tmp}/plan_check.XXXXXX")
"$build/benchmarks/plan_dump" "$new" $codes
/usr/bin/python3 - "$ref" "$new" <<'PY'
import os, sys
ref, new = sys.argv[1], sys.argv[2]
worst = 0.0
nvals = 0
identical = True
for name in sorted(os.listdir(ref)):
    a = open(os.path.join(ref, name)).read().split()
    b = open(os.path.join(new, name)).read().split()
    if len(a) != len(b):
        sys.exit(f"{name}: {len(a)} tokens, now {len(b)}")
    for x, y in zip(a, b):
        if x == y:
            continue
        identical = False
        try:
            fx, fy = float(x.rstrip(',')), float(y.rstrip(','))
        except ValueError:
            xs, ys = x.split(','), y.split(',')
            if len(xs) != len(ys):
                sys.exit(f"{name}: '{x}' became '{y}'")
            for u, v in zip(xs, ys):
                if u == v:
                    continue
                try:
                    fu, fv = float(u), float(v)
                except ValueError:
                    sys.exit(f"{name}: '{x}' became '{y}'")
                d = abs(fu - fv) / max(abs(fu), 1e-300)
                worst = max(worst, d)
                nvals += 1
            continue
        d = abs(fx - fy) / max(abs(fx), 1e-300)
        worst = max(worst, d)
        nvals += 1
print(f"{len(os.listdir(ref))} files; " + ("bitwise identical" if identical else
      f"{nvals} values differ, largest relative difference {worst:.3g}"))
if worst > 1e-12:
    sys.exit("FAIL: difference above 1e-12")
PY
rm -rf "$new"
