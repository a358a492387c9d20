# cjm diff: empty against itself, each kind of change named, the exact
# engine's difference, --git and git's diff driver, the picture
# (diff_check.py).
set -e
/usr/bin/python3 "$ROOT/tests/cli/diff_check.py" "$CJM" "$ROOT"
