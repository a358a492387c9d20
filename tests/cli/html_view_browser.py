"""The HTML view in a real browser (see browser.py).

usage: html_view_browser.py JOURNEY.yaml PAGE.html ALL.png PERSONA PERSONA.png [SHOT.png]

ALL.png and PERSONA.png are cjm's PNG renders of the map of everyone and
of PERSONA's map at 96 dpi (one pixel per CSS pixel).  Checks: the page
loads with no console warning and no request; its maps look like the PNGs
tile by tile; the switcher shows PERSONA's curve and only it; Tab reaches
every card of the visible page, each with a name; hover and focus show
the card's details from the journey; the arrow keys move between cards
and Escape closes the details.  SHOT, when given, gets a screenshot of
the page with a card's details open (for the README).
"""
import os
import subprocess
import sys

import yaml
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.actions.action_builder import ActionBuilder
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

sys.path.insert(0, os.path.dirname(__file__))
from browser import open_browser, problems, shot  # noqa: E402

journey_file, page, all_png, persona, persona_png = sys.argv[1:6]
readme_shot = sys.argv[6] if len(sys.argv) > 6 else None
j = yaml.safe_load(open(journey_file))
here = os.path.dirname(os.path.abspath(__file__))
url = "file://" + os.path.abspath(page)
errors = []


def check(cond, what):
    if not cond:
        errors.append(what)
    return cond


def compare(png, element, name):
    got = name + ".browser.png"
    shot(d, element, got)
    r = subprocess.run(["/usr/bin/python3", os.path.join(here, "compare_raster.py"), png, got],
                       capture_output=True, text=True)
    check(r.returncode == 0, f"{name}: the browser's picture is not cjm's PNG: "
          f"{r.stdout.strip()} {r.stderr.strip()[-300:]}")


def visible_hits():
    return d.execute_script(
        "return Array.from(document.querySelectorAll('.cjm-hit'))"
        ".filter(h => !h.closest('[hidden]'))"
        ".map(h => [h.getAttribute('data-ref'), h.getAttribute('aria-label')]);")


def active_ref():
    return d.execute_script("const a = document.activeElement;"
                            "return a && a.getAttribute('data-ref');")


def tip_text():
    return d.execute_script("const t = document.getElementById('cjm-tip');"
                            "return t.hidden ? null : t.textContent;")


d = open_browser()
try:
    d.get(url)
    # wide enough for the whole map: nothing scrolled or clipped
    width = d.execute_script("return Math.max(...Array.from(document.querySelectorAll("
                             "'svg')).map(s => s.getBoundingClientRect().width));")
    d.set_window_size(int(width) + 120, 1000)
    check(not problems(d, url), f"loading: {problems(d, url)}")

    # the map of everyone, as cjm draws it
    compare(all_png, d.find_element(By.CSS_SELECTOR, "#panel-map svg"), "all")

    # the switcher: PERSONA's map, with PERSONA's curve only
    tab = d.find_element(By.CSS_SELECTOR, f'[role="tab"][data-persona="{persona}"]')
    tab.click()
    check(tab.get_attribute("aria-selected") == "true", "the clicked tab is not selected")
    panel = d.find_element(By.ID, tab.get_attribute("aria-controls"))
    check(panel.is_displayed(), "the persona's map is not shown")
    check(not d.find_element(By.ID, "panel-map").is_displayed(), "the map of everyone is still shown")
    scores = {r.split("/")[1] for r, _ in visible_hits() if r.startswith("score:")}
    check(scores == {persona}, f"visible scores belong to {scores}, not only {persona}")
    compare(persona_png, panel.find_element(By.TAG_NAME, "svg"), persona)
    # arrow keys move between tabs
    tab.send_keys(Keys.ARROW_LEFT)
    sel = d.find_elements(By.CSS_SELECTOR, '[role="tab"][aria-selected="true"]')
    check(len(sel) == 1 and sel[0] != tab, "ArrowLeft did not move to the previous tab")
    d.find_element(By.CSS_SELECTOR, '[role="tab"][data-persona=""]').click()
    # the pointer rests in the window's corner, over no card however the
    # page scrolls: the keyboard checks see no hover
    corner = ActionBuilder(d)
    corner.pointer_action.move_to_location(1, 1)
    corner.perform()

    # Tab reaches every card of the visible page, in order, each named
    hits = visible_hits()
    check(len(hits) > 50, f"only {len(hits)} cards can be focused")
    check(all(label and ": " in label for _, label in hits), "a card without a name")
    d.execute_script("document.activeElement && document.activeElement.blur();"
                     "window.scrollTo(0, 0);")
    body = d.find_element(By.TAG_NAME, "body")
    reached = []
    chain = ActionChains(d)
    for _ in range(len(hits) + 40):
        chain.send_keys(Keys.TAB).perform()
        r = active_ref()
        if r:
            reached.append(r)
        elif reached:
            break           # past the last card
    check([r for r, _ in hits] == reached,
          f"Tab reached {len(reached)} of {len(hits)} cards"
          f" (first missing: {next((r for r, _ in hits if r not in reached), None)})")
    refs = {r for r, _ in hits}
    for ph in j["phases"]:
        check(f"phase:{ph['id']}" in refs, f"phase {ph['id']} cannot be focused")
        for p in ph.get("pains", []):
            if isinstance(p, dict) and p.get("id"):
                check(f"pain:{p['id']}" in refs, f"pain {p['id']} cannot be focused")
        for t in ph.get("touchpoints", []):
            tid = t if isinstance(t, str) else t.get("id")
            check(f"touchpoint:{ph['id']}/{tid}" in refs, f"touchpoint {ph['id']}/{tid}")
    for p in j["personas"]:
        check(f"persona:{p['id']}" in refs, f"persona {p['id']} cannot be focused")

    # focus shows a touchpoint's details: owner, timing, reach and lift
    tp = next(t for t in j["touchpoints"] if t.get("owner") and "reach" in t)
    ph = next(p for p in j["phases"] if tp["id"] in
              [x if isinstance(x, str) else x.get("id") for x in p.get("touchpoints", [])])
    el = d.find_element(By.CSS_SELECTOR, f'.cjm-hit[data-ref="touchpoint:{ph["id"]}/{tp["id"]}"]')
    d.execute_script("arguments[0].focus()", el)
    text = tip_text() or ""
    for want in (tp["name"], tp["owner"], f"{tp['reach'] * 100:g}%", tp.get("timing", "")):
        check(str(want) in text, f"focus on {tp['id']}: the details lack {want!r}: {text!r}")
    # the arrow key moves on to the next card; Escape closes the details
    order = [r for r, _ in hits]
    el.send_keys(Keys.ARROW_RIGHT)
    check(active_ref() == order[order.index(el.get_attribute("data-ref")) + 1],
          "ArrowRight did not move to the next card")
    d.switch_to.active_element.send_keys(Keys.ESCAPE)
    check(tip_text() is None, "Escape left the details open")

    # hover shows a pain's details: its text, evidence and source
    pain = next(p for ph in j["phases"] for p in ph.get("pains", [])
                if isinstance(p, dict) and p.get("id") and isinstance(p.get("evidence"), dict)
                and p["evidence"].get("source"))
    el = d.find_element(By.CSS_SELECTOR, f'.cjm-hit[data-ref="pain:{pain["id"]}"]')
    d.execute_script("document.activeElement.blur(); arguments[0].scrollIntoView({block: 'center'})", el)
    ActionChains(d).move_to_element(el).perform()
    text = tip_text() or ""
    for want in (pain["text"], pain["evidence"]["source"], pain["evidence"]["level"]):
        check(want in text, f"hover on pain {pain['id']}: the details lack {want!r}: {text!r}")
    if readme_shot:
        d.set_window_size(1280, 1150)
        d.execute_script("document.activeElement.blur(); window.scrollTo(0, 0)")
        el = d.find_element(By.CSS_SELECTOR, f'.cjm-hit[data-ref="touchpoint:{ph["id"]}/{tp["id"]}"]')
        d.execute_script("arguments[0].focus({preventScroll: true})", el)
        d.save_screenshot(readme_shot)
    check(not problems(d, url), f"while used: {problems(d, url)}")
finally:
    d.quit()

for e in errors:
    print(e)
sys.exit(1 if errors else 0)
