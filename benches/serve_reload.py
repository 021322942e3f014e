#!/usr/bin/env python3
"""Measure save-to-reload time of `gazette serve` (Python standard library only).

For each round the script edits one news item (it inserts a few words in the body, or with
--edit title in the headline, and takes them out again in the next round), notes the time, and waits on the server's reload address
`/__gazette/version?since=N` — the very request the browser's reload script waits on — until
the version changes. Save-to-reload = that answer's arrival minus the save. The server's own
log line ("rebuilt in X ms (build Y ms; …)") is collected too: X runs from the first change
event to the output being in place, Y is the rebuild alone.

The site is copied to a temporary folder first, so the original is never modified.

    cargo build --release
    python3 benches/serve_reload.py --root . --rounds 20
    python3 ../shared/bench/gen_corpus.py --n 10000 --out /dev/shm/c10k --site gazette
    python3 benches/serve_reload.py --root /dev/shm/c10k --rounds 20
"""

import argparse
import http.client
import os
import queue
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", required=True, help="the site folder (holding content/site.yaml)")
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--gazette", default="target/release/gazette")
    ap.add_argument("--pause", type=float, default=0.3, help="seconds between rounds")
    ap.add_argument("--edit", choices=["body", "title"], default="body",
                    help="body: a word in the text (the common case); title: the headline, which "
                         "shows on list pages and other articles, so every page is rendered again")
    args = ap.parse_args()

    tmp = tempfile.mkdtemp(prefix="gazette-reload-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None)
    site = os.path.join(tmp, "site")
    shutil.copytree(os.path.join(args.root, "content"), os.path.join(site, "content"))
    for extra in ("themes", "templates", "static", "i18n"):
        if os.path.isdir(os.path.join(args.root, extra)):
            shutil.copytree(os.path.join(args.root, extra), os.path.join(site, extra))
    item = pick_item(site)

    proc = subprocess.Popen([args.gazette, "serve", "--port", "0", "--root", site],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines = queue.Queue()
    threading.Thread(target=lambda: [lines.put(l.rstrip("\n")) for l in proc.stdout], daemon=True).start()
    try:
        port = wait_port(lines)
        version = int(get(port, "/__gazette/version"))
        totals, logged = [], []
        text = open(item, encoding="utf-8").read()
        for i in range(args.rounds):
            time.sleep(args.pause)
            edited = edit(text, args.edit, i) if i % 2 == 0 else text
            start = time.perf_counter()
            with open(item, "w", encoding="utf-8") as f:
                f.write(edited)
            new = int(get(port, "/__gazette/version?since=%d" % version))
            totals.append((time.perf_counter() - start) * 1000)
            version = new
            logged.append(wait_log(lines))
        report(args.root, totals, logged)
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(tmp, ignore_errors=True)


def edit(text, what, i):
    if what == "title":
        return re.sub(r"^title: *\"?", lambda m: m.group(0) + "Đã sửa %d: " % i, text, count=1, flags=re.M)
    return text.replace("\n\n", "\n\nĐã sửa lần %d. " % i, 1)


def pick_item(site):
    news = []
    for dirpath, _, files in os.walk(os.path.join(site, "content", "news")):
        news += [os.path.join(dirpath, f) for f in files if f.endswith(".md")]
    if not news:
        sys.exit("no news item to edit under content/news/")
    return sorted(news)[len(news) // 2]


def wait_port(lines):
    deadline = time.time() + 600
    while time.time() < deadline:
        line = lines.get(timeout=600)
        print("  server:", line)
        m = re.search(r"Serving the site at http://127\.0\.0\.1:(\d+)/", line)
        if m:
            return int(m.group(1))
    sys.exit("the server did not start")


def wait_log(lines):
    """The next 'rebuilt in X ms (build Y ms' line as (X, Y), or None after an error line."""
    deadline = time.time() + 60
    while time.time() < deadline:
        line = lines.get(timeout=60)
        m = re.search(r"rebuilt in (\d+) ms \(build (\d+) ms", line)
        if m:
            return int(m.group(1)), int(m.group(2))
        if "error" in line:
            print("  server:", line)
            return None
    return None


def get(port, path):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    conn.request("GET", path)
    body = conn.getresponse().read().decode()
    conn.close()
    return body


def report(root, totals, logged):
    ok = [l for l in logged if l]
    def line(name, xs):
        xs = sorted(xs)
        return "%-34s median %5.0f ms   min %5.0f   max %5.0f   (n=%d)" % (
            name, statistics.median(xs), xs[0], xs[-1], len(xs))
    print("site:", root, "edit:", sys.argv[sys.argv.index("--edit") + 1] if "--edit" in sys.argv else "body")
    print(line("save → reload answer (client)", totals))
    if ok:
        print(line("change event → output in place", [x for x, _ in ok]))
        print(line("rebuild alone", [y for _, y in ok]))
    if len(ok) < len(logged):
        print("%d rebuilds failed (see the server's errors above)" % (len(logged) - len(ok)))


if __name__ == "__main__":
    main()
