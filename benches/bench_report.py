"""The Markdown report of bench.py, rendered from the results dictionary (= results.json).

Python 3 standard library only; pure functions of the results, so `bench.py --report`
can print an earlier run again.
"""

TOOLS = ("hugo", "gazette", "gazette+data", "floor")
NAMES = {"hugo": "Hugo", "gazette": "gazette", "gazette+data": "gazette + data",
         "floor": "floor (cat *.md)"}


def fmt_n(n):
    return f"{int(n):,}"


def fmt_spread(s, digits, bold=False):
    med = f"{s['median']:.{digits}f}"
    return f"{'**' + med + '**' if bold else med} [{s['min']:.{digits}f}–{s['max']:.{digits}f}]"


def target_mark(ok):
    return "met" if ok else "NOT met"


def render_report(res):
    """The whole report: header, checks, results, targets."""
    parts = [render_header(res), render_checks(res), render_results(res), render_targets(res)]
    return "\n".join(line for part in parts for line in part) + "\n"


def render_header(res):
    m, v, c = res["machine"], res["versions"], res["config"]
    return [
        "## gazette vs Hugo: build time and peak memory",
        "",
        f"- date: {m['date']}",
        f"- machine: {m['nproc']} CPUs ({m['cpu_model']}), {m['mem_gib']:.1f} GiB RAM, "
        f"Linux {m['kernel']}, load average {m['loadavg_start']} at start, {m['loadavg_end']} at end",
        f"- work folder: {c['work']} ({'tmpfs' if c['tmpfs'] else 'NOT tmpfs: disk noise included'})",
        f"- gazette: {v['gazette']} (commit {v['gazette_commit']}), {v['rustc']}",
        f"- hugo: {v['hugo']}",
        f"- corpus: gen_corpus.py sha256 {v['gen_corpus_sha256'][:12]}, seed {c['seed']}; "
        f"data: {v['gen_data']}",
        f"- method: {c['warmup']} warm-up round(s) discarded, then {c['runs']} timed rounds; "
        f"each round runs {' → '.join(c['order'])} once, every other round in reverse order; "
        "every build starts with `rm -rf OUT` inside the timed command; GNU time `%e %U %S %M`; "
        "cpu = user + sys; ratios are medians of per-round ratios",
        f"- noise: before each round the harness waits (up to {c['quiet_wait']:.0f} s) until other "
        f"processes use at most {c['quiet_below']} cores; \"others' load\" is the most CPU cores that "
        "other processes (or the hypervisor) kept busy during any timed run of that row (/proc/stat)",
        "",
    ]


def render_checks(res):
    lines = ["### Checks", ""]
    for n, r in res["sizes"].items():
        ck, at = r["checks"], f"- N={fmt_n(n)}:"
        lines.append(f"{at} corpus {fmt_n(ck['corpus']['md_files'])} Markdown files, "
                     f"{fmt_n(ck['corpus']['md_bytes'])} B")
        g = ck["gazette_output"]
        lines.append(f"{at} gazette wrote {fmt_n(g['html'])} HTML pages "
                     f"({fmt_n(g['files'])} files, {g['bytes'] / 1e6:.1f} MB)")
        if "pages" in ck:
            lines += render_page_sets(at, ck["pages"], ck["hugo_output"])
        if "data_output" in ck:
            d = ck["data_output"]
            extra = d["html"] - g["html"]
            note = "" if extra else " (no data pages rendered yet)"
            if ck.get("data_same_as_news"):
                note += "; its output is byte-identical to news only"
            lines.append(f"{at} gazette + data wrote {fmt_n(d['html'])} HTML pages, "
                         f"{extra:+d} against news only{note}")
        for key, label in (("deterministic", "gazette"), ("deterministic_data", "gazette + data")):
            if key in ck:
                same = ck[key]["identical"]
                lines.append(f"{at} two {label} builds byte-identical: "
                             f"{'yes' if same else 'NO'} (sha256 {ck[key]['first'][:12]}"
                             f"{'' if same else ' vs ' + ck[key]['second'][:12]})")
    return lines + [""]


def render_page_sets(at, p, h):
    same = not p["only_gazette"] and not p["only_hugo"]
    lines = [
        f"{at} hugo wrote {fmt_n(h['html'])} HTML pages ({fmt_n(h['files'])} files, "
        f"{h['bytes'] / 1e6:.1f} MB), {p['hugo_alias_stubs']} of them `page/1/` redirect stubs; "
        f"after dropping those and folding `đ` in paths: {'same page set' if same else 'PAGE SETS DIFFER'} "
        f"({fmt_n(p['common'])} common, {len(p['only_gazette'])} only in gazette, "
        f"{len(p['only_hugo'])} only in hugo)"]
    for side in ("only_gazette", "only_hugo"):
        if p[side]:
            lines.append(f"  - {side.replace('_', ' in ')}: " + ", ".join(p[side][:5])
                         + (" …" if len(p[side]) > 5 else ""))
    return lines


def render_results(res):
    lines = ["### Results", "",
             "| N | build | wall s | cpu s | peak RSS MiB | others' load |", "|---|---|---|---|---|---|"]
    for n, r in res["sizes"].items():
        for t in (t for t in TOOLS if t in r["tools"]):
            s = r["tools"][t]
            rss = "–" if t == "floor" else fmt_spread(s["peak_rss_mib"], 1, bold=True)
            # a run of a few clock ticks cannot tell others' load apart from rounding
            others = "–" if t == "floor" else f"{s['others_cores']['max']:.2f}"
            lines.append(f"| {fmt_n(n)} | {NAMES[t]} | {fmt_spread(s['wall_s'], 2, bold=True)} | "
                         f"{s['cpu_s']['median']:.2f} | {rss} | {others} |")
    lines += ["", "| N | gazette/Hugo wall | gazette/Hugo peak RSS | gazette/Hugo cpu | "
              "data-heavy / news-only wall |", "|---|---|---|---|---|"]
    for n, r in res["sizes"].items():
        q = r["ratios"]
        cell = [fmt_spread(q[k], 3, bold=True) if q.get(k) else "–"
                for k in ("wall", "peak_rss", "cpu", "data_wall")]
        if q.get("data_wall"):
            cell[3] += f" ({(q['data_wall']['median'] - 1) * 100:+.0f} %)"
        lines.append(f"| {fmt_n(n)} | " + " | ".join(cell) + " |")
    return lines + [""]


def render_targets(res):
    lines = ["### Targets (issue 5)", ""]
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
        lines.append(f"- N={fmt_n(n)}: " + ("; ".join(parts) if parts else "no comparison"))
    return lines
