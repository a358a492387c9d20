# Property tests of the built-in templates over their parameter ranges
# (tests/cli/check_templates.py says which).
/usr/bin/python3 "$ROOT"/tests/cli/check_templates.py "$CJM"
