#!/bin/bash
# Compares the ABI of a built libplanomsorg.so.1 with the committed baseline
# tests/abi/libplanomsorg.so.1.abi (abidiff). Any difference other than added
# functions fails: a changed type or signature (abidiff status 4) or a removed
# symbol (status 12). Added functions are fine (--no-added-syms); they must go
# into the map node of the next minor release (docs/api-policy.md).
#
# Usage: check-abi.sh LIBRARY SOURCE_ROOT
# Exit: 0 compatible, 1 incompatible or unusable library, 77 (skip) when no
# baseline has been committed yet (with a loud notice).
# Refresh the baseline with tests/abi/update-baseline.sh (only at a release).
set -euo pipefail

lib=$1
src=$2
baseline=$src/tests/abi/libplanomsorg.so.1.abi

for tool in abidiff readelf; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "check-abi: $tool not found (install abigail-tools and binutils)" >&2
        exit 1
    fi
done
if ! readelf -S "$lib" | grep -q '\.debug_info'; then
    echo "check-abi: $lib has no DWARF (.debug_info); abidiff would report no change" >&2
    echo "check-abi: build with buildtype=debugoptimized or debug" >&2
    exit 1
fi
if [ ! -f "$baseline" ]; then
    cat >&2 <<MSG
######################################################################
###  ABI CHECK SKIPPED: no baseline at tests/abi/libplanomsorg.so.1.abi
###  The ABI is NOT being compared with anything. Before releasing,
###  create the baseline with tests/abi/update-baseline.sh and commit it.
######################################################################
MSG
    exit 77
fi

set +e
abidiff --no-added-syms --hd2 "$src/include/planomsorg" "$baseline" "$lib"
status=$?
set -e
if [ "$status" -ne 0 ]; then
    echo "check-abi: the ABI of $lib differs from $baseline (abidiff status $status)" >&2
    echo "check-abi: see docs/api-policy.md; never change a published function" >&2
    exit 1
fi
echo "check-abi: $lib is compatible with the baseline"
