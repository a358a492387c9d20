"""cjm serve on loopback, from the outside.

usage: serve_check.py CJM FOLDER

FOLDER holds j.lua (a journey that requires lib/steps.lua).  Checks: the
server listens on 127.0.0.1 only; it serves the page and nothing else (no
URL reaches a file); an open page in chromium reloads by itself when the
module changes and shows the problems while the journey is broken; it
survives a client that leaves mid-answer, a slow client and 100 clients
at once; it stops cleanly on SIGTERM and on SIGINT with streams open.
"""
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(__file__))
from browser import open_browser, problems  # noqa: E402

cjm, folder = sys.argv[1:3]
os.chdir(folder)
errors = []
# make asan and make valgrind run cjm slower: every wait is that much longer
SCALE = float(os.environ.get("TIMEOUT_SCALE", "1"))


def check(cond, what):
    if not cond:
        errors.append(what)
    return cond


def start(*extra):
    err = open("serve.err", "w")
    p = subprocess.Popen([cjm, "serve", "j.lua", "--port", "0", *extra], stderr=err)
    for _ in range(int(300 * SCALE)):
        m = re.search(r"http://127\.0\.0\.1:(\d+)/", open("serve.err").read())
        if m:
            return p, int(m.group(1))
        if p.poll() is not None:
            break
        time.sleep(0.1)
    sys.exit("the server did not start: " + open("serve.err").read())


def raw(port, request, read=True):
    """Send REQUEST bytes as they are; the status and the whole answer."""
    s = socket.create_connection(("127.0.0.1", port), timeout=20 * SCALE)
    s.sendall(request)
    data = b""
    while read:
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
    s.close()
    m = re.match(rb"HTTP/1\.[01] (\d+)", data)
    return (int(m.group(1)) if m else 0), data


def get(port, path):
    return raw(port, f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())


def wait_for(what, cond, seconds=30):
    end = time.time() + seconds * SCALE
    while time.time() < end:
        try:
            if cond():
                return True
        except OSError:
            pass
        time.sleep(0.2)
    return check(False, what)


p, port = start()
try:
    # on loopback only: the listening socket is 127.0.0.1:PORT
    tcp = open("/proc/net/tcp").read().splitlines()[1:]
    listening = [line.split()[1] for line in tcp if line.split()[3] == "0A"]
    check(f"0100007F:{port:04X}" in listening, f"not listening on 127.0.0.1:{port}: {listening}")

    status, page = get(port, "/")
    check(status == 200 and b"Grinds beans" in page and b'data-live="/events?v=' in page,
          f"GET /: {status}")
    # nothing but the page and its event stream
    for path in ("/j.lua", "/lib/steps.lua", "/../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
                 "/1/../j.lua", "/0", "/2", "/1x", "/events/../j.lua", "//etc/passwd",
                 "/" + "a" * 5000):
        status, body = get(port, path)
        check(status in (404, 414, 400) and b"Grinds" not in body and b"require" not in body,
              f"GET {path[:40]}: {status}")
    status, _ = raw(port, b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n"
                          b"Connection: close\r\n\r\nabc")
    check(status == 405, f"POST /: {status}")
    status, _ = get(port, "/1")
    check(status == 200, f"GET /1: {status}")

    # a client that leaves in the middle of the answer, and one that sends
    # its request a byte at a time and reads nothing: others are served
    for _ in range(5):
        s = socket.create_connection(("127.0.0.1", port))
        s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        s.recv(100)
        s.close()
    slow = socket.create_connection(("127.0.0.1", port))
    slow_done = threading.Event()

    def dribble():
        for b in b"GET / HTTP/1.1\r\nHost: x\r\n":
            if slow_done.is_set():
                break
            slow.send(bytes([b]))
            time.sleep(0.1)
    t = threading.Thread(target=dribble)
    t.start()
    status, page = get(port, "/")
    check(status == 200 and page.rstrip().endswith(b"</html>"), "a slow client held the others up")

    # 100 clients at once, each getting the whole page; 100 streams open too
    results = []
    streams = []
    for _ in range(100):
        s = socket.create_connection(("127.0.0.1", port), timeout=30 * SCALE)
        s.sendall(b"GET /events HTTP/1.1\r\nHost: x\r\n\r\n")
        streams.append(s)

    def one():
        status, body = get(port, "/")
        results.append(status == 200 and body.rstrip().endswith(b"</html>"))
    threads = [threading.Thread(target=one) for _ in range(100)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    check(len(results) == 100 and all(results),
          f"100 clients: {sum(results)} of {len(results)} got the page")
    for s in streams:
        s.close()

    # an open page reloads by itself when a module the journey reads changes
    d = open_browser()
    try:
        url = f"http://127.0.0.1:{port}/"
        d.get(url)
        check("Grinds beans" in d.page_source, "the browser did not get the page")
        d.execute_script("window.cjmMark = 1")
        with open("lib/steps.lua", "w") as f:
            f.write('return { "Brews tea" }\n')
        wait_for("the page did not reload after the module changed",
                 lambda: "Brews tea" in d.page_source)
        check(d.execute_script("return window.cjmMark === undefined"),
              "the page changed without a reload")
        # a broken journey: the page shows the problem with its place
        with open("j.lua", "a") as f:
            f.write("this is not lua\n")
        wait_for("the page does not show the problem",
                 lambda: "j.lua:" in d.page_source and "Problems" in d.page_source)
        with open("j.lua") as f:
            text = f.read().replace("this is not lua\n", "")
        with open("j.lua", "w") as f:
            f.write(text)
        wait_for("the page did not come back after the fix",
                 lambda: "Brews tea" in d.page_source and "Problems" not in d.page_source)
        own = [u for u in (url, f"{url}events") if u]
        left = [x for x in problems(d, url) if not any(
            x.startswith("request: " + o) for o in own)]
        check(not left, f"in the browser: {left}")
    finally:
        d.quit()

    # SIGTERM with a stream open and a slow client: a clean stop
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"GET /events HTTP/1.1\r\nHost: x\r\n\r\n")
    p.send_signal(signal.SIGTERM)
    try:
        rc = p.wait(timeout=30 * SCALE)
        check(rc == 0, f"exit {rc} after SIGTERM")
    except subprocess.TimeoutExpired:
        check(False, "no stop within 30 s of SIGTERM")
    slow_done.set()
    t.join()
    check("stopped" in open("serve.err").read(), "no word of the stop")
finally:
    if p.poll() is None:
        p.kill()

# the limit serve-clients: at the limit a new client is refused; when one
# leaves, the next is served
p, port = start("--limit", "serve-clients=3")
held = [socket.create_connection(("127.0.0.1", port)) for _ in range(3)]
time.sleep(0.5)
try:
    status, _ = get(port, "/")
except OSError:
    status = 0
check(status == 0, f"a fourth client at serve-clients=3 got {status}")
for s in held:
    s.close()
wait_for("no client served after the three left", lambda: get(port, "/")[0] == 200)
p.send_signal(signal.SIGTERM)
p.wait(timeout=30 * SCALE)

# SIGINT stops it too, streams open or not
p, port = start()
s = socket.create_connection(("127.0.0.1", port))
s.sendall(b"GET /events HTTP/1.1\r\nHost: x\r\n\r\n")
p.send_signal(signal.SIGINT)
try:
    check(p.wait(timeout=30 * SCALE) == 0, "exit after SIGINT")
except subprocess.TimeoutExpired:
    p.kill()
    check(False, "no stop within 30 s of SIGINT")

for e in errors:
    print(e)
sys.exit(1 if errors else 0)
