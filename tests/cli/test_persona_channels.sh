# Persona cards name a persona's channels in the journey's language:
# channel ids become words (sales_rep: "sales rep", 営業担当, 销售代表);
# anything else is shown as written.
set -e
fail() { echo "$1"; exit 1; }
for loc in ja zh en; do
    printf 'template: b2b_approval\nparams: { employees: 5000, locale: %s }\n' $loc > $loc.yaml
    "$CJM" render $loc.yaml --view personas -o $loc.svg --boxes $loc.json
    "$CJM" build $loc.yaml -o $loc.built.json
done
/usr/bin/python3 - <<'PY'
import json
words = {"ja": {"sales_rep": "営業担当", "email": "メール", "review_site": "レビューサイト"},
         "zh": {"sales_rep": "销售代表", "email": "电子邮件", "review_site": "点评网站"},
         "en": {"sales_rep": "sales rep", "email": "e-mail", "review_site": "review sites"}}
for loc, table in words.items():
    text = " ".join(b.get("text", "") for p in json.load(open(loc + ".json"))["pages"] for b in p["boxes"])
    used = {c for p in json.load(open(loc + ".built.json"))["personas"] for c in p.get("channels", [])}
    assert used, "no channels to show"
    for cid in used:
        # no id is shown as it is: in English the ids with an underscore
        # (the others are words already), in Japanese and Chinese none
        if loc != "en" or "_" in cid:
            assert cid not in text, (loc, cid, "shown as an id")
    for cid, word in table.items():
        if cid in used:
            assert word in text, (loc, cid, word)
PY
# a channel that is not an id is shown as written
printf 'id: t\ntitle: T\nlocale: ja\npersonas: [{ id: a, name: A, channels: [Fax machine, sales_rep] }]\nphases: [{ id: p, name: P }]\n' > own.yaml
"$CJM" render own.yaml --view personas -o own.svg --boxes own.json
grep -q 'Fax machine · 営業担当' own.json || fail "own channel words: $(grep -o '"text": "[^"]*Fax[^"]*"' own.json)"
