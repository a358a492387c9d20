# Limits outside Lua: PNG page size, text length, an unbreakable word, and
# the whole-run --timeout stopping C work (the exact engine) cleanly.
set -e
fail() { echo "$@"; exit 1; }
python3 - <<'PY'
head = "id: j\ntitle: T\npersonas: [{ id: a, name: A }]\n"
with open("wide.yaml", "w") as f:
    f.write(head + "phases:\n")
    for i in range(90):
        f.write("  - { id: p%d, name: Phase %d, steps: [Do a thing that takes words] }\n" % (i, i))
def word(n, path):
    with open(path, "w") as f:
        f.write(head + "touchpoints: [{ id: t, name: %s, channel: website }]\n" % ("x" * n))
        f.write("phases: [{ id: p, name: P, touchpoints: [t] }]\n")
word(65536, "word64k.yaml")
word(128000, "word128k.yaml")
with open("slow_exact.yaml", "w") as f:
    f.write(head + "horizon: 36500\nphases:\n")
    for i in range(4):
        f.write("  - { id: p%d, name: P%d, duration: { min: 0, mode: 18000, max: 36500 } }\n" % (i, i))
PY
# a PNG wider than cairo can draw: a clear message, exit 3, no file
rc=0; "$CJM" render wide.yaml -o wide.png 2> err.txt || rc=$?
[ "$rc" = 3 ] || fail "wide png: exit $rc"
grep -q 'the picture would be [0-9]* x [0-9]* pixels at 150 dpi and PNG pages are at most 32767 pixels a side; write SVG or PDF, or lower --dpi' err.txt \
    || fail "wide png: $(cat err.txt)"
[ ! -e wide.png ] || fail "wide.png written"
"$CJM" render wide.yaml -o wide.svg || fail "wide svg"
# the page-pixels limit
rc=0; "$CJM" render wide.yaml -o wide.png --dpi 72 --limit page-pixels=1 2> err.txt || rc=$?
[ "$rc" = 3 ] && grep -q 'page-pixels limit is 1 megapixels' err.txt || fail "page-pixels: $rc $(cat err.txt)"
# text longer than the limit: an error at check, with its position
rc=0; "$CJM" check word64k.yaml 2> err.txt || rc=$?
[ "$rc" = 3 ] || fail "64k word: exit $rc"
grep -q 'word64k.yaml:4:.*touchpoints\[0\].name: text of 65536 characters is longer than the limit of 10000 (raise it with --limit text=N)' err.txt \
    || fail "64k word: $(cat err.txt)"
# with the limit raised, an unbreakable 128,000-character word is drawn
# (line breaking took 56 s; the timeout is only a guard against a hang)
"$CJM" render word128k.yaml -o word.svg --limit text=200000 --timeout "${SLOW_TIMEOUT:-30}" 2> err.txt \
    || fail "128k word: $(cat err.txt)"
# --timeout ends C work too: the exact engine, with its own limit raised
printf 'keep\n' > out.yaml
rc=0; "$CJM" simulate --exact slow_exact.yaml --limit exact-work=1e12 --timeout 1 -o out.yaml 2> err.txt || rc=$?
[ "$rc" = 3 ] || fail "timeout: exit $rc"
grep -q 'time limit of 1 s exceeded while simulating (raise it with --timeout)' err.txt \
    || fail "timeout: $(cat err.txt)"
[ "$(cat out.yaml)" = keep ] || fail "timeout: out.yaml changed"
[ -z "$(ls -A | grep cjm-)" ] || fail "timeout: temporary files left"
# and the exact-work limit refuses it at once by default
rc=0; "$CJM" simulate --exact slow_exact.yaml 2> err.txt || rc=$?
[ "$rc" = 3 ] && grep -q 'over the exact-work limit of 1e+09 (raise it with --limit exact-work=N)' err.txt \
    || fail "exact-work: $rc $(cat err.txt)"
"$CJM" render --view report slow_exact.yaml -o r.pdf 2> err.txt || fail "report: $(cat err.txt)"
grep -q 'the report leaves out its simulation page' err.txt || fail "report: no note"
exit 0
