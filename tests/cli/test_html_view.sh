# render -o page.html: one self-contained page.  Static checks (nothing
# fetched, the journey's words as text, details for its cards), then the
# page in Debian's chromium (html_view_browser.py): no console error and
# no request, maps like cjm's PNGs, the persona switcher, keyboard focus
# on every card, details on hover and focus.
set -e
fail() { echo "$@"; exit 1; }
J="$ROOT/scripts/acme_b2b.yaml"
"$CJM" render "$J" -o acme.html
"$CJM" render "$ROOT/scripts/b2b_ja.yaml" -o ja.html
"$CJM" render "$J" -o all.png --dpi 96
"$CJM" render "$J" -o pic.png --dpi 96 --persona pic
# options that do not apply are refused, not ignored
if "$CJM" render "$J" -o x.html --view blueprint 2> err.txt; then fail "--view accepted"; fi
grep -q 'HTML page holds every view' err.txt || fail "no reason given: $(cat err.txt)"
[ ! -e x.html ] || fail "a refused render wrote x.html"
/usr/bin/python3 - "$J" <<'PY' || exit 1
import json, re, sys, yaml
j = yaml.safe_load(open(sys.argv[1]))
page = open("acme.html", encoding="utf-8").read()
# nothing from elsewhere: no external script, style, font or image
assert "Content-Security-Policy" in page and "default-src 'none'" in page
assert not re.search(r'<(script|link|img|iframe)[^>]*\s(src|href)=', page), "an external resource"
assert not re.search(r'url\(\s*["\']?(https?:|//)', page), "a fetched url()"
assert not re.search(r'(src|href)="(https?:)?//', page), "a link out"
# the journey's words are text, and every pain has its details
data = re.search(r'<script type="application/json" id="cjm-details">\n(.*?)</script>', page, re.S)
details = json.loads(data.group(1))
for ph in j["phases"]:
    assert f">{ph['name'].split()[0]}" in page, ph["name"]
    for k, p in enumerate(ph.get("pains", [])):
        if isinstance(p, str):
            p = {"text": p}
        d = details.get("pain:" + p.get("id", f"{ph['id']}#{k + 1}"))
        assert d and d["title"] == p["text"] and d["kind"] == "Pain", (p, d)
        ev = p.get("evidence") or {}
        ev = ev if isinstance(ev, dict) else {"level": ev}
        if ev.get("source"):
            assert ["source", ev["source"]] in d["rows"], d
            assert ["evidence", ev["level"]] in d["rows"], d
# every persona's map is in the switcher
for p in j["personas"]:
    assert f'data-persona="{p["id"]}"' in page, p["id"]
assert page.count('role="tabpanel"') == len(j["personas"]) + 1
ja = open("ja.html", encoding="utf-8").read()
assert '<html lang="ja' in ja and "タッチポイント" in ja
PY
/usr/bin/python3 "$ROOT/tests/cli/html_view_browser.py" "$J" acme.html all.png pic pic.png \
    ${HTML_SHOT:+"$HTML_SHOT"} || fail "in the browser (above)"
# the limit html-personas: the switcher holds that many persona maps, and
# the page and a warning say how many are left out
/usr/bin/python3 - <<'PY'
personas = "".join(f"  - {{ id: p{i}, name: Person {i} }}\n" for i in range(5))
phases = "  - { id: a, name: A, steps: [S], involvement: { p0: driver, p4: driver } }\n"
open("many.yaml", "w").write("id: many\ntitle: Many\npersonas:\n" + personas + "phases:\n" + phases)
PY
"$CJM" render many.yaml -o many.html --limit html-personas=2 2> many.err
grep -q 'first 2 of 5 personas; raise --limit html-personas' many.err || fail "no warning at the limit: $(cat many.err)"
[ "$(grep -c 'role="tabpanel"' many.html)" = 3 ] || fail "not 1 + 2 maps at html-personas=2"
grep -q 'the first 2 of 5 personas' many.html || fail "the page does not say who is left out"
"$CJM" render many.yaml -o all5.html 2> all5.err
[ "$(grep -c 'role="tabpanel"' all5.html)" = 6 ] || fail "not 1 + 5 maps under the default limit"
[ ! -s all5.err ] || fail "a warning under the limit: $(cat all5.err)"
