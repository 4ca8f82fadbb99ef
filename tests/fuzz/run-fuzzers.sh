#!/bin/sh
# Runs the libFuzzer targets (all by default) for a bounded time each; exits non-zero
# when one finds a crash.
#   CC=clang meson setup build-fuzz -Dfuzz=true && ninja -C build-fuzz
#   tests/fuzz/run-fuzzers.sh build-fuzz 60                        # every target
#   tests/fuzz/run-fuzzers.sh build-fuzz 300 fuzz_cohort_csv       # some targets
# The checked-in seed corpus is read, never written: new inputs go to
# BUILD_DIR/fuzz-corpus/<target>/, crashes to BUILD_DIR/fuzz-artifacts/.
set -u
if [ $# -lt 2 ]; then
    echo "usage: $0 BUILD_DIR SECONDS_PER_TARGET [TARGET...]" >&2
    exit 64
fi
build=$1
seconds=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
# Every target by default: one per tests/fuzz/fuzz_*.c, so a new target needs no edit here.
targets=$*
if [ -z "$targets" ]; then
    for src in "$here"/fuzz_*.c; do
        targets="$targets $(basename "$src" .c)"
    done
fi
status=0
for target in $targets; do
    bin=$build/tests/fuzz/$target
    if [ ! -x "$bin" ]; then
        echo "$bin: not built (configure with CC=clang and -Dfuzz=true)" >&2
        exit 2
    fi
    work=$build/fuzz-corpus/$target
    artifacts=$build/fuzz-artifacts
    mkdir -p "$work" "$artifacts"
    dict=
    [ -f "$here/$target.dict" ] && dict=-dict=$here/$target.dict
    echo "== $target: $seconds s"
    # shellcheck disable=SC2086
    if ! ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
        UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
        "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
            -print_final_stats=1 -artifact_prefix="$artifacts/$target-" $dict \
            "$work" "$here/corpus/$target" >"$build/fuzz-$target.log" 2>&1; then
        echo "$target: FAILED; see $build/fuzz-$target.log and $artifacts/" >&2
        tail -n 40 "$build/fuzz-$target.log" >&2
        status=1
    else
        grep -E "stat::number_of_executed_units|cov:" "$build/fuzz-$target.log" | tail -n 2
    fi
done
exit $status
