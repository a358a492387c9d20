# cjm lint: every rule fires on its journey (tests/cli/lint/), the examples
# get exactly their findings, settings, suppression, the evidence gate, and
# the SARIF output checked against the SARIF 2.1.0 schema (lint_check.py).
set -e
schema="$ROOT/build/sarif/sarif-2.1.0-rtm.5.json"
[ -f "$schema" ] || { echo "no SARIF schema at $schema (make test fetches it)"; exit 1; }
/usr/bin/python3 "$ROOT/tests/cli/lint_check.py" "$CJM" "$ROOT" "$schema"
