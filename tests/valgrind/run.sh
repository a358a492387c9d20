#!/bin/sh
# make valgrind: the CLI suite (cases, examples, Lua tests, scripts) with
# every cjm run under valgrind's memcheck.  Any invalid read or write, use
# of an uninitialised value or definite leak makes that run exit 99, which
# fails its test.  Unit tests and fuzz smoke runs are left to make asan.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$root/build/valgrind"
wrap=$root/build/valgrind/cjm
cat > "$wrap" <<SH
#!/bin/sh
exec valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \\
    --show-leak-kinds=definite --suppressions="$root/tests/valgrind/cjm.supp" \\
    --child-silent-after-fork=yes "$root/cjm" "\$@"
SH
chmod +x "$wrap"
# valgrind runs cjm slowly: signals in test_faults.sh wait until it runs
# (on a busy machine valgrind took more than 5 s to start), the guard
# timeout of a long render in test_render_limits.sh is longer, and so is
# every --timeout of the CLI cases (their instruction and memory limits
# must be what stops them)
export CJM_HOME="$root" SKIP_FUZZ=1 SIGNAL_DELAY=15 SLOW_TIMEOUT=900 TIMEOUT_SCALE=20
exec bash "$root/tests/run.sh" "$wrap" "$root/build/valgrind/no-unit-tests"
