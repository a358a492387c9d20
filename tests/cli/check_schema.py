"""check_schema.py SCHEMA CJM FILE...: the JSON Schema and cjm check agree.

For each YAML or JSON journey FILE: whatever cjm check accepts, the schema
accepts; whatever the schema rejects, cjm check rejects; and when cjm check
reports a problem of shape (a key, a type, a range, an enum: the schema's
business) the schema rejects the file too.  Files PyYAML cannot read the
way cjm does (syntax errors, alias bombs) are skipped and counted.
Prints one line per disagreement and a summary; exits 1 on any.
"""
import json, re, subprocess, sys
import yaml
from jsonschema import Draft202012Validator

SHAPE = re.compile(r"unknown key|expected text|expected an id|is not a valid id|"
                   r"expected a number|expected a finite number|expected a whole number|"
                   r"is out of range|expected a mapping|expected a list|expected true or false|"
                   r"missing required key|unknown value|expected one of|"
                   r"expected now, next, later|expected a language code|ids are at most|"
                   r"unknown parameter|is not one of the choices|expected an integer|"
                   r"expected a string")
SKIP = re.compile(r"YAML|alias|limit|nesting|too deep|not valid UTF-8|control character|"
                  r"cannot read|is a folder|no such file|NUL")

class Loader(yaml.SafeLoader):
    """PyYAML without YAML 1.1 timestamps: cjm (and YAML 1.2 editors)
    read 2027-02-28 as text."""

Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}

schema = json.load(open(sys.argv[1]))
Draft202012Validator.check_schema(schema)
validator = Draft202012Validator(schema)
cjm = sys.argv[2]
bad = checked = skipped = 0
for path in sys.argv[3:]:
    run = subprocess.run([cjm, "check", path], capture_output=True, text=True,
                         errors="replace")
    errors = [l for l in run.stderr.splitlines() if ": error: " in l]
    if any(SKIP.search(e) for e in errors):
        skipped += 1
        continue
    try:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f) if path.endswith(".json") else yaml.load(f, Loader=Loader)
    except Exception:
        skipped += 1
        continue
    checked += 1
    problems = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
    shape_errors = [e for e in errors if SHAPE.search(e)]
    name = path.rsplit("/", 1)[-1]
    if name.startswith("bad_") and "/schema/" in path and (run.returncode == 0 or not problems):
        bad += 1
        print(f"{path}: a schema-level bad case: cjm check exit {run.returncode}, "
              f"{len(problems)} schema errors (both must reject it)")
    elif name.startswith("good_") and "/schema/" in path and (run.returncode or problems):
        bad += 1
        print(f"{path}: a good case: cjm check exit {run.returncode}, {len(problems)} schema "
              f"errors (both must accept it)")
    elif run.returncode == 0 and problems:
        bad += 1
        print(f"{path}: cjm check accepts it, the schema does not: "
              f"{'/'.join(map(str, problems[0].path))}: {problems[0].message[:200]}")
    elif shape_errors and not problems:
        bad += 1
        print(f"{path}: cjm check finds a problem of shape the schema misses: "
              f"{shape_errors[0][:200]}")
print(f"schema agreement: {checked} files checked, {skipped} skipped, {bad} disagreements")
sys.exit(1 if bad else 0)
