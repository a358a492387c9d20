# Faults while writing: a full device, standard output on a full device, a
# missing or unwritable folder, a disk that fills up mid-write, signals
# during a long render and a long simulation, two runs writing the same
# file.  Each time: a clear message, the old file intact or the new one
# complete, no temporary file left, and devices stay devices.
set -e
fail() { echo "$@"; exit 1; }
J="$ROOT/scripts/acme_b2b.yaml"
no_temps() { [ -z "$(ls -A "${1:-.}" | grep 'cjm-' || true)" ] || fail "temporary files left: $(ls -A "${1:-.}")"; }

# -o /dev/full: ENOSPC reported, /dev/full is still the device
rc=0; "$CJM" build "$J" --format yaml -o /dev/full 2> err.txt || rc=$?
[ "$rc" = 1 ] && grep -q '/dev/full: error: cannot write: No space left on device' err.txt \
    || fail "/dev/full: $rc $(cat err.txt)"
[ -c /dev/full ] || fail "/dev/full is no longer a device"
rc=0; "$CJM" render "$J" --format svg -o /dev/full 2> err.txt || rc=$?
[ "$rc" = 1 ] || fail "render to /dev/full: exit $rc"
# standard output on a full device
rc=0; "$CJM" build "$J" > /dev/full 2> err.txt || rc=$?
[ "$rc" = 1 ] && grep -q 'cannot write: No space left on device' err.txt || fail "stdout full: $rc $(cat err.txt)"
rc=0; "$CJM" simulate "$J" -n 1000 > /dev/full 2> err.txt || rc=$?
[ "$rc" != 0 ] || fail "simulate to a full stdout succeeded"
# a missing folder, a file used as a folder, a folder cjm may not write in
rc=0; "$CJM" build "$J" -o nowhere/x.yaml 2> err.txt || rc=$?
[ "$rc" = 1 ] && grep -q 'cannot write into the folder nowhere: there is no such folder' err.txt \
    || fail "missing folder: $rc $(cat err.txt)"
mkdir ro
printf 'keep\n' > ro/out.yaml
if [ "$(id -u)" = 0 ]; then ro=/sys; else chmod 555 ro; ro=ro; fi
rc=0; "$CJM" build "$J" -o $ro/out.yaml 2> err.txt || rc=$?
[ "$rc" = 1 ] && grep -q "cannot write into the folder $ro" err.txt || fail "read-only: $rc $(cat err.txt)"
chmod 755 ro
[ "$(cat ro/out.yaml)" = keep ] || fail "read-only: file changed"

# the disk fills up mid-write (a 16 KB file size limit; SIGXFSZ ignored so
# the write fails with EFBIG): the old file stays, no temporary is left
printf 'keep\n' > report.pdf
rc=0; (trap '' XFSZ; ulimit -f 16; "$CJM" render "$J" --view report -o report.pdf) 2> err.txt || rc=$?
[ "$rc" = 1 ] && grep -q 'report.pdf: error: cannot write: File too large' err.txt || fail "full disk: $rc $(cat err.txt)"
[ "$(cat report.pdf)" = keep ] || fail "full disk: report.pdf changed"
no_temps

# signals during a long simulation and a long render.  The signal goes
# once cjm is running (SIGNAL_DELAY seconds, 0.5 by default; the valgrind
# suite gives it longer, as a shell's background job ignores SIGINT until
# cjm installs its handler and valgrind starts slowly)
python3 -c "
head = 'id: j\ntitle: T\npersonas: [{ id: a, name: A }]\n'
open('long_render.yaml', 'w').write(head + 'touchpoints: [{ id: t, name: %s, channel: website }]\nphases: [{ id: p, name: P, touchpoints: [t] }]\n' % ('x' * 1500000))"
for sig in INT TERM HUP; do
    printf 'keep\n' > sim.yaml
    "$CJM" simulate "$J" -n 1000000000 -o sim.yaml 2> err.txt & pid=$!
    sleep "${SIGNAL_DELAY:-0.5}"
    kill -$sig $pid
    rc=0; wait $pid || rc=$?
    [ "$rc" -gt 128 ] || fail "simulate SIG$sig: exit $rc"
    grep -q "no output file was changed" err.txt || fail "simulate SIG$sig: $(cat err.txt)"
    [ "$(cat sim.yaml)" = keep ] || fail "simulate SIG$sig: sim.yaml changed"
    no_temps
    printf 'keep\n' > long.svg
    "$CJM" render long_render.yaml --limit text=2e6 -o long.svg 2> err.txt & pid=$!
    sleep "${SIGNAL_DELAY:-0.5}"
    kill -$sig $pid
    rc=0; wait $pid || rc=$?
    [ "$rc" -gt 128 ] || fail "render SIG$sig: exit $rc (did it finish within a second?)"
    [ "$(cat long.svg)" = keep ] || fail "render SIG$sig: long.svg changed"
    no_temps
done

# two runs writing the same file: the result is one whole output
for i in 1 2 3 4 5; do
    "$CJM" render "$J" -o same.svg & p1=$!
    "$CJM" render "$ROOT/scripts/b2b_ja.yaml" -o same.svg & p2=$!
    wait $p1 && wait $p2 || fail "concurrent renders failed"
    tail -c 7 same.svg | grep -q '</svg>' || fail "same.svg is cut"
    xmllint --noout same.svg || fail "same.svg is not whole"
done
no_temps
exit 0
