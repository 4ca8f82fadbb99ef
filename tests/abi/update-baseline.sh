#!/bin/bash
# (Re)generates the ABI baseline tests/abi/libplanomsorg.so.1.abi from a build.
# Run this only when releasing a version (docs/api-policy.md), from the
# repository root, then commit the .abi file:
#     meson setup build --buildtype=debugoptimized   # DWARF is required
#     ninja -C build
#     tests/abi/update-baseline.sh build
#     git add tests/abi/libplanomsorg.so.1.abi
# Usage: update-baseline.sh [BUILD_DIR]   (default: build)
set -euo pipefail

src=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${1:-build}
lib=$build/lib/libplanomsorg.so.1
out=$src/tests/abi/libplanomsorg.so.1.abi

if [ ! -e "$lib" ]; then
    echo "update-baseline: $lib not found; build first (ninja -C $build)" >&2
    exit 1
fi
if ! readelf -S "$lib" | grep -q '\.debug_info'; then
    echo "update-baseline: $lib has no DWARF; configure with --buildtype=debugoptimized" >&2
    exit 1
fi
abidw --headers-dir "$src/include/planomsorg" --no-corpus-path --no-comp-dir-path \
    --out-file "$out" "$lib"
echo "update-baseline: wrote $out ($(grep -c '<elf-symbol ' "$out") ELF symbols)"
echo "update-baseline: commit it: git add tests/abi/libplanomsorg.so.1.abi"
