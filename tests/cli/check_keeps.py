"""Every key and value of a journey file is in what `cjm build` wrote.

usage: /usr/bin/python3 check_keeps.py INPUT.yaml OUTPUT.yaml

Compares the input with the output (not the output with itself): each
leaf of the input, by its path (list items with ids by id), must be in
the output with the same value.  The normalizations `cjm build` documents
are allowed: a card or fail point written as text becomes {text: ...}, an
action's single effect becomes a list of one change, an edit "*2" is
written "*2.0", and keys starting with x- are dropped.
"""
import re
import sys
import yaml


def norm_edit(v):
    m = re.fullmatch(r"([*+-])\s*([0-9.eE+-]+)", v) if isinstance(v, str) else None
    return (m.group(1), float(m.group(2))) if m else v


def same(a, b):
    if isinstance(a, bool) or isinstance(b, bool):
        return a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(a - b) <= 1e-12 * max(1, abs(a))
    return norm_edit(a) == norm_edit(b)


def walk(src, out, path, problems):
    if isinstance(src, dict):
        if isinstance(out, list) and len(out) == 1:
            out = out[0]            # an action's effect: a list of one change
        if not isinstance(out, dict):
            problems.append(f"{path}: a mapping became {out!r}")
            return
        for k, v in src.items():
            if k.startswith("x-"):
                continue
            if k not in out:
                problems.append(f"{path}.{k}: dropped (input {v!r})")
                continue
            walk(v, out[k], f"{path}.{k}", problems)
    elif isinstance(src, list):
        if not isinstance(out, list) or len(out) != len(src):
            problems.append(f"{path}: a list of {len(src)} became {out!r}")
            return
        for i, (a, b) in enumerate(zip(src, out)):
            key = a.get("id", i) if isinstance(a, dict) else i
            walk(a, b, f"{path}[{key}]", problems)
    else:
        if isinstance(out, dict) and "text" in out and not isinstance(src, dict):
            out = out["text"]       # text written as a card
        if not same(src, out):
            problems.append(f"{path}: {src!r} became {out!r}")


src = yaml.safe_load(open(sys.argv[1]))
out = yaml.safe_load(open(sys.argv[2]))
problems = []
walk(src, out, "", problems)
for p in problems:
    print(p.lstrip("."))
sys.exit(1 if problems else 0)
