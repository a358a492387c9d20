"""A real browser for the tests: Debian's chromium, headless, driven by
Debian's python3-selenium through chromedriver.

open_browser() gives a driver that keeps the console and the network log;
problems(driver) lists console messages of warning level or worse and
every request that left the page (anything but the page's own file or
URL and data: URIs); shot(driver, element, path) saves the element as
PNG at one pixel per CSS pixel, even where it is larger than the window.
"""
import base64
import json

from selenium import webdriver
from selenium.webdriver.chrome.service import Service


def open_browser(width=1400, height=1000):
    o = webdriver.ChromeOptions()
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
              f"--window-size={width},{height}", "--force-device-scale-factor=1",
              "--font-render-hinting=none", "--disable-extensions",
              "--no-first-run", "--disable-background-networking",
              "--disable-component-update", "--disable-default-apps", "--disable-sync"):
        o.add_argument(a)
    o.binary_location = "/usr/bin/chromium"
    o.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)


def requests(driver):
    """URLs the page asked for since the last call."""
    urls = []
    for e in driver.get_log("performance"):
        m = json.loads(e["message"])["message"]
        if m["method"] == "Network.requestWillBeSent":
            urls.append(m["params"]["request"]["url"])
    return urls


def problems(driver, own):
    """Console warnings and errors, and requests to anything but OWN."""
    out = [f"console {m['level']}: {m['message']}" for m in driver.get_log("browser")
           if m["level"] in ("WARNING", "SEVERE")]
    out += [f"request: {u}" for u in requests(driver)
            if not u.startswith("data:") and u.split("#")[0] != own]
    return out


def shot(driver, element, path):
    r = driver.execute_script(
        "const r = arguments[0].getBoundingClientRect();"
        "return [r.left + window.scrollX, r.top + window.scrollY, r.width, r.height];",
        element)
    png = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": r[0], "y": r[1], "width": r[2], "height": r[3], "scale": 1}})
    with open(path, "wb") as f:
        f.write(base64.b64decode(png["data"]))
