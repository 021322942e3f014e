"""Measuring for bench.py: running commands, timing one run, summaries, output trees.

Python 3 standard library only; no state, no printing except progress on stderr.
"""

import hashlib
import os
import shlex
import statistics
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

TIME = "/usr/bin/time"

class BenchError(Exception):
    """A step failed; the message says which and why."""


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def run(cmd, what, cwd=None, stdout=subprocess.PIPE):
    """Run cmd to completion; raise BenchError with its stderr tail on failure."""
    try:
        p = subprocess.run(cmd, cwd=cwd, stdout=stdout, stderr=subprocess.PIPE,
                           stdin=subprocess.DEVNULL, text=True)
    except OSError as e:
        raise BenchError(f"{what}: cannot run {cmd[0]}: {e}") from e
    if p.returncode != 0:
        tail = "\n".join(p.stderr.strip().splitlines()[-15:])
        raise BenchError(f"{what} failed (exit {p.returncode}): {shlex.join(map(str, cmd))}\n{tail}")
    return p.stdout if p.stdout is not None else ""


def sha256_file(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


# ---------------------------------------------------------------------------
# Output checks
# ---------------------------------------------------------------------------

def tree_summary(root):
    """Files, bytes, HTML paths and one digest over (path, content) of a build output."""
    h = hashlib.sha256()
    files = total = 0
    html = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            p = Path(dirpath) / name
            rel = p.relative_to(root).as_posix()
            data = p.read_bytes()
            h.update(rel.encode() + b"\0" + hashlib.sha256(data).digest())
            files += 1
            total += len(data)
            if name.endswith(".html"):
                html.append(rel)
    return {"files": files, "bytes": total, "html": html, "sha256": h.hexdigest()}


def fold_path(rel):
    """Compare page paths across generators: Hugo keeps `đ` in tag slugs, gazette folds it."""
    s = unicodedata.normalize("NFD", rel.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in s if unicodedata.category(c) != "Mn").lower()


def compare_pages(g, h):
    stubs = [p for p in h["html"] if p.endswith("page/1/index.html")]
    gs = {fold_path(p) for p in g["html"]}
    hs = {fold_path(p) for p in h["html"]} - {fold_path(p) for p in stubs}
    return {"gazette_html": len(g["html"]), "hugo_html": len(h["html"]),
            "hugo_alias_stubs": len(stubs), "common": len(gs & hs),
            "only_gazette": sorted(gs - hs), "only_hugo": sorted(hs - gs)}


# ---------------------------------------------------------------------------
# Timing
# ---------------------------------------------------------------------------

def busy_jiffies():
    """Non-idle CPU time of the whole machine so far, in clock ticks (from /proc/stat)."""
    try:
        f = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]
    except (OSError, ValueError):
        return None
    user, nice, system, _idle, _iowait, irq, softirq, steal = (f + [0] * 8)[:8]
    return user + nice + system + irq + softirq + steal


HZ = os.sysconf("SC_CLK_TCK")


def others_cores(j0, j1, wall, own_cpu):
    """CPU cores kept busy by other processes (or the hypervisor) while a run lasted."""
    if j0 is None or j1 is None or wall <= 0:
        return None
    return max(0.0, ((j1 - j0) / HZ - own_cpu) / wall)


def wait_for_quiet(threshold, timeout):
    """Sleep until other processes use at most threshold cores (1 s samples), or timeout passes."""
    if threshold <= 0:
        return 0.0
    start = time.monotonic()
    while True:
        j0 = busy_jiffies()
        time.sleep(1.0)
        load = others_cores(j0, busy_jiffies(), 1.0, 0.0)
        waited = time.monotonic() - start
        if load is None or load <= threshold:
            return waited
        if waited >= timeout:
            log(f"  machine still busy ({load:.2f} cores used by others) after {waited:.0f} s; going on")
            return waited


def timed(shell_cmd, what, tmp):
    """One run under GNU time: wall, user, sys (s), peak RSS (KiB), others' load (cores)."""
    tfile = tmp / "time.txt"
    cmd = [TIME, "-f", "%e %U %S %M", "-o", str(tfile), "sh", "-c", shell_cmd]
    j0, t0 = busy_jiffies(), time.perf_counter()
    p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True)
    elapsed, j1 = time.perf_counter() - t0, busy_jiffies()
    if p.returncode != 0:
        raise BenchError(f"{what} failed (exit {p.returncode}): {shell_cmd}\n{p.stderr.strip()[-2000:]}")
    wall, user, sys_, rss = tfile.read_text().split("\n")[-2].split()
    s = {"wall": float(wall), "user": float(user), "sys": float(sys_), "rss_kib": int(rss),
         "wall_hr": round(elapsed, 4)}
    others = others_cores(j0, j1, elapsed, s["user"] + s["sys"])
    s["others_cores"] = None if others is None else round(others, 3)
    return s


def spread(values):
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def summarize(samples):
    return {
        "wall_s": spread([s["wall"] for s in samples]),
        "cpu_s": spread([s["user"] + s["sys"] for s in samples]),
        "user_s": spread([s["user"] for s in samples]),
        "sys_s": spread([s["sys"] for s in samples]),
        "peak_rss_mib": spread([s["rss_kib"] / 1024 for s in samples]),
        "others_cores": spread([s["others_cores"] or 0.0 for s in samples]),
    }


def pair_ratio(num, den, key):
    """Median and range of the per-round ratios num/den of key (a field name or a function)."""
    get = key if callable(key) else (lambda s: s[key])
    vals = [get(a) / get(b) for a, b in zip(num, den) if get(b) > 0]
    return spread(vals) if vals else None

