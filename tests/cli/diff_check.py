"""cjm diff from the outside.

usage: diff_check.py CJM ROOT

A journey diffed with itself is empty; renames, moves, changes, additions
and removals are each reported as such; emotion changes match the files;
the conversion difference equals the two exact runs of `cjm simulate`;
--git REV compares with git's version and leaves no scratch file; as git's
diff driver, `git diff` shows the structural diff; the picture marks what
changed and draws the removed.
"""
import json
import os
import re
import subprocess
import sys

import numpy
from PIL import Image

cjm, root = sys.argv[1:3]
acme = os.path.join(root, "scripts", "acme_b2b.yaml")
to_be = os.path.join(root, "scripts", "acme_b2b_to_be.yaml")
errors = []


def check(cond, what):
    if not cond:
        errors.append(what)
    return cond


def run(*args, cwd=None, env=None):
    return subprocess.run(list(args), capture_output=True, text=True, cwd=cwd, env=env)


def diff_json(old, new):
    p = run(cjm, "diff", old, new, "--format", "json")
    check(p.returncode == 0, f"diff {old} {new}: exit {p.returncode}: {p.stderr[-400:]}")
    return json.loads(p.stdout)


# ---- a journey and itself ------------------------------------------------------------
for j in (acme, os.path.join(root, "scripts", "coffee_b2c.lua")):
    d = diff_json(j, j)
    check(d["changes"] == [] and d["emotions"] == [], f"{j} against itself: {d['changes'][:3]}")
    for row in d.get("simulation", []):
        check(row["difference"] == 0, f"{j} against itself: {row}")

# ---- each kind of change -----------------------------------------------------------------
src = open(acme).read()
edits = [
    ("id: manual_reports", "id: manual_reporting"),             # a pain renamed
    ("addresses: [roi_unclear, manual_reports]", "addresses: [roi_unclear, manual_reporting]"),
    ("text: Pricing is not public", "text: Prices are not public"),   # a pain changed
    ("name: Priya Nair", "name: Priya Nair-Shah"),              # a persona changed
    ("emotions: { pic: -1, head: 0 }", "emotions: { pic: 1, head: 0 }"),
    ("      - { id: public_pricing, text: Publish list prices }\n", ""),  # removed
]
new = src
for a, b in edits:
    check(a in new, f"the edit {a!r} does not apply")
    new = new.replace(a, b, 1)
# a step moved from one phase to another, and one added
new = new.replace("steps: [Reads reviews, Watches a webinar, Downloads a guide]",
                  "steps: [Reads reviews, Watches a webinar]", 1)
new = new.replace("steps: [Requests a demo, Runs a two-week trial]",
                  "steps: [Requests a demo, Runs a two-week trial, Downloads a guide, Asks a peer]", 1)
with open("changed.yaml", "w") as f:
    f.write(new)
d = diff_json(acme, "changed.yaml")
by = {(c["kind"], c["change"], c["what"]): c for c in d["changes"]}


def has(kind, change, what):
    return check((kind, change, what) in by,
                 f"no {kind} {change}: {what!r} in {sorted(by)}")


if has("pain", "renamed", "Reports built by hand every week"):
    c = by[("pain", "renamed", "Reports built by hand every week")]
    check(c["old_id"] == "manual_reports" and c["new_id"] == "manual_reporting", f"rename ids: {c}")
if has("pain", "changed", "Prices are not public"):
    check("Pricing is not public → Prices are not public" in by[("pain", "changed",
          "Prices are not public")]["details"], "the pain's text change is not shown")
has("persona", "changed", "Priya Nair-Shah")
has("opportunity", "removed", "Publish list prices")
if has("step", "moved", "Downloads a guide"):
    check(by[("step", "moved", "Downloads a guide")]["where"] == "research → comparison",
          "the move's phases")
has("step", "added", "Asks a peer")
check(len(d["changes"]) == 7, f"{len(d['changes'])} changes, expected 7: {sorted(by)}")
check(d["emotions"] == [{"phase": "recognition", "persona": "pic", "before": -1, "after": 1,
                         "change": 2}], f"emotions: {d['emotions']}")

# ---- the simulation difference is the two exact runs ---------------------------------------
d = diff_json(acme, to_be)
sim = {r["figure"]: r for r in d["simulation"]}


def exact(path):
    p = run(cjm, "simulate", path, "--exact", "--format", "json")
    check(p.returncode == 0, f"simulate {path}: {p.stderr[-300:]}")
    doc = json.loads(p.stdout)
    return next(s for s in doc["scenarios"] if s["id"] == "baseline")["exact"]


a, b = exact(acme), exact(to_be)
conv = sim["converted"]
check(conv["before"] == a["converted"] and conv["after"] == b["converted"],
      f"converted {conv} vs simulate {a['converted']} / {b['converted']}")
check(abs(conv["difference"] - (b["converted"] - a["converted"])) < 2e-6,
      f"difference {conv['difference']} != {b['converted'] - a['converted']}")
check(conv["difference"] > 0.02, "the plan's journey converts no better")
days = sim["mean days to convert"]
check(days["before"] == a["mean_days"] and days["after"] == b["mean_days"],
      f"mean days {days} vs simulate {a['mean_days']} / {b['mean_days']}")

# ---- git: a revision, and the diff driver ------------------------------------------------------
repo = os.path.abspath("repo")
os.makedirs(repo)
env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@x", GIT_COMMITTER_NAME="t",
           GIT_COMMITTER_EMAIL="t@x", HOME=repo, GIT_CONFIG_NOSYSTEM="1")
run("git", "init", "-q", cwd=repo, env=env)
with open(os.path.join(repo, "j.yaml"), "w") as f:
    f.write(src)
run("git", "add", "j.yaml", cwd=repo, env=env)
run("git", "commit", "-qm", "as-is", cwd=repo, env=env)
with open(os.path.join(repo, "j.yaml"), "w") as f:
    f.write(new)
p = run(cjm, "diff", "--git", "HEAD", "j.yaml", "--format", "json", cwd=repo, env=env)
check(p.returncode == 0, f"--git HEAD: {p.stderr[-300:]}")
if p.returncode == 0:
    g = json.loads(p.stdout)
    check(sorted((c["kind"], c["change"]) for c in g["changes"])
          == sorted((c["kind"], c["change"]) for c in diff_json(acme, "changed.yaml")["changes"]),
          "--git HEAD differs from diffing the two files")
check(not [n for n in os.listdir(repo) if "cjm-diff" in n], f"scratch left: {os.listdir(repo)}")
p = run(cjm, "diff", "--git", "nosuchrev", "j.yaml", cwd=repo, env=env)
check(p.returncode == 1 and "nosuchrev" in p.stderr, f"a bad revision: {p.returncode} {p.stderr}")
run("git", "config", "diff.cjm.command", f"{cjm} diff", cwd=repo, env=env)
with open(os.path.join(repo, ".gitattributes"), "w") as f:
    f.write("*.yaml diff=cjm\n")
p = run("git", "diff", "--ext-diff", cwd=repo, env=env)
check(p.returncode == 0 and "cjm diff a/j.yaml b/j.yaml" in p.stdout
      and re.search(r"pain\s+renamed\s+manual_reports → manual_reporting", p.stdout),
      f"git diff with the driver: {p.returncode}\n{p.stdout[:600]}{p.stderr[-300:]}")

# ---- the picture -----------------------------------------------------------------------------------
for name, old in (("self", acme), ("plan", acme)):
    p = run(cjm, "diff", old, acme if name == "self" else to_be, "-o", f"{name}.png")
    check(p.returncode == 0, f"picture {name}: {p.stderr[-300:]}")
p = run(cjm, "render", to_be, "-o", "map.png")


def count(path, rgb, tol=40):
    px = numpy.asarray(Image.open(path).convert("RGB"), dtype=numpy.int16)
    return int((numpy.abs(px - numpy.array(rgb, dtype=numpy.int16)) <= tol).all(axis=2).sum())


orange, green, red = (0xE0, 0x7B, 0x00), (0x3F, 0x91, 0x42), (0xD6, 0x45, 0x45)
changed = count("plan.png", orange) - count("self.png", orange)
check(changed > 2000, f"the changed cards' outlines: {changed} more orange pixels")
added = count("plan.png", green) - count("self.png", green)
check(added > 1000, f"the added card's outline: {added} more green pixels")
hp, hs = Image.open("plan.png").height, Image.open("self.png").height
check(hp > hs, f"no ghosts under the map: {hp} <= {hs} pixels tall")
check(Image.open("self.png").height > Image.open("map.png").height,
      "the legend is missing from the picture")

# the blueprint's cards, on the blueprint
for name, new_j in (("bp_self", acme), ("bp_plan", to_be)):
    p = run(cjm, "diff", acme, new_j, "--view", "blueprint", "-o", f"{name}.png")
    check(p.returncode == 0, f"blueprint picture {name}: {p.stderr[-300:]}")
added = count("bp_plan.png", green) - count("bp_self.png", green)
changed = count("bp_plan.png", orange) - count("bp_self.png", orange)
check(added > 3000, f"the three added blueprint cards: {added} more green pixels")
check(changed > 2000, f"the changed blueprint cards: {changed} more orange pixels")
p = run(cjm, "diff", acme, to_be, "--view", "journey", "-o", "x.png")
check(p.returncode == 2 and "map or blueprint" in p.stderr, f"--view journey: {p.returncode}")

for e in errors:
    print(e)
sys.exit(1 if errors else 0)
