#!/bin/bash
# Compiles the public headers as a consumer would:
#  - include/planomsorg.h as C99 (-std=c99 -pedantic -Werror -Wall -Wextra) and C++11;
#  - every include/planomsorg/*.h on its own (self-contained), twice (include guard),
#    as C99 and as C++11.
# Usage: compile-headers.sh SRC_INCLUDE_DIR BUILD_INCLUDE_DIR CC [CXX]
# New module headers are picked up automatically.
set -euo pipefail

src_inc=$1
build_inc=$2
cc=$3
cxx=${4:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cflags=(-std=c99 -pedantic -Werror -Wall -Wextra -Wstrict-prototypes -Wshadow -fsyntax-only)
cxxflags=(-std=c++11 -pedantic -Werror -Wall -Wextra -fsyntax-only)
incs=(-I"$build_inc" -I"$src_inc")
failed=0

check() { # NAME INCLUDE-LINE
    local name=$1 line=$2
    printf '%s\n%s\nint planomsorg_header_test_dummy(void);\n' "$line" "$line" > "$tmp/t.c"
    if "$cc" "${cflags[@]}" "${incs[@]}" -x c "$tmp/t.c" 2> "$tmp/err"; then
        echo "ok   C99   $name"
    else
        echo "FAIL C99   $name"; cat "$tmp/err"; failed=1
    fi
    if [ -n "$cxx" ]; then
        if "$cxx" "${cxxflags[@]}" "${incs[@]}" -x c++ "$tmp/t.c" 2> "$tmp/err"; then
            echo "ok   C++11 $name"
        else
            echo "FAIL C++11 $name"; cat "$tmp/err"; failed=1
        fi
    fi
}

check planomsorg.h '#include <planomsorg.h>'
n=0
for h in "$src_inc"/planomsorg/*.h "$build_inc"/planomsorg/*.h; do
    [ -e "$h" ] || continue
    check "planomsorg/$(basename "$h")" "#include <planomsorg/$(basename "$h")>"
    n=$((n + 1))
done
if [ "$n" -eq 0 ]; then
    echo "FAIL no module headers found under $src_inc/planomsorg"; failed=1
fi

# Every module header must be reachable from the umbrella header.
for h in "$src_inc"/planomsorg/*.h; do
    [ -e "$h" ] || continue
    if ! grep -q "#include \"planomsorg/$(basename "$h")\"" "$src_inc/planomsorg.h"; then
        echo "FAIL planomsorg.h does not include planomsorg/$(basename "$h")"; failed=1
    fi
done
exit $failed
