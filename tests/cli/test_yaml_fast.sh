# Journeys in the common shape are read by yaml_fast, the rest by libyaml
# (a tab anywhere sends a file to libyaml): both must give the same
# journey and the same positions in messages.  Every example is built
# both ways; a journey with comments, trailing blanks, non-ASCII text
# and flow maps gives the same errors at the same line and column (in
# characters, as libyaml counts them).
set -e
cp -r "$ROOT/scripts" s
for f in s/*.yaml; do
    case $f in *_slow.yaml) continue ;; esac
    slow=${f%.yaml}_slow.yaml
    { cat "$f"; printf '#\t\n'; } > "$slow"
    "$CJM" build "$f" -o fast.yaml --force >/dev/null 2>&1 || true
    "$CJM" build "$slow" -o slow.yaml --force >/dev/null 2>&1 || true
    [ -s fast.yaml ] || { echo "$f: no build output"; exit 1; }
    cmp fast.yaml slow.yaml || { echo "$f: built otherwise by yaml_fast and libyaml"; exit 1; }
    rm -f fast.yaml slow.yaml
done
cat > j.yaml <<'YAML'
# a journey read by yaml_fast: comments, non-ASCII text, flow maps
id: 日本  # trailing comment
title: 名前の旅 — a test   
personas:
  - { id: u, name: ユーザー, role: user }
touchpoints:
  - { id: web, name: ウェブ, channel: website }
phases:
  - { id: p, name: 段階, touchpoints: [web, 存在しない] }
YAML
{ cat j.yaml; printf '#\t\n'; } > j_slow.yaml
rc=0; "$CJM" check j.yaml 2> fast.txt || rc=$?
[ "$rc" = 1 ] || { echo "exit $rc, want 1"; exit 1; }
"$CJM" check j_slow.yaml 2> slow.txt || true
sed 's/j_slow.yaml/j.yaml/' slow.txt | diff fast.txt -
grep -q '^j.yaml:9:43: error: phases\[0\].touchpoints\[1\]: unknown touchpoint' fast.txt
grep -q '^j.yaml:2:5: error: id: "日本" is not a valid id' fast.txt
