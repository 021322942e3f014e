#!/usr/bin/env python3
"""National-scale sample data for gazette (issue 9, item 8): a whole country over the 2025 reform.

Python standard library only; the same arguments always give byte-identical files.

What it writes (a complete site: site.yaml, geo.yaml, indicators, one programme):

  63 provinces until 30/06/2025; 11 of them unchanged, the other 52 merged by twos and threes
  into 23 new provinces from 01/07/2025 (34 in all, like the 2025 reform); about 700 districts
  and 10,000 communes of the old three-level structure (until 30/06/2025); about 3,300 new
  communes (from 01/07/2025), each formed from 2-4 old communes of one old district and placed
  under the province that succeeded the old one.

  50 indicators over 10 years (2016-2025): 20 with figures for every commune, district and
  province, 30 for districts and provinces only; old units have figures until 2024 (the last
  year-end before 30/06/2025), new units from 2025.  About 2.1 million observations, in one CSV
  table per indicator (content/indicators/<id>.csv).

The figures are invented and only look plausible: rates fall by a few points a year with noise
per province, district and commune; a district is the mean of its communes, a province the
mean of its districts; counts add up.

Usage
  python3 benches/gen_national.py --out DIR [--seed 7] [--scale 1.0]
  python3 benches/gen_data.py --national --out DIR      (the same)

--scale shrinks the country for a quick run (0.1: about 1,000 old communes).
"""

import argparse
import os
import random
import sys

YEARS = list(range(2016, 2026))
REFORM_YEAR = 2025
OLD_UNTIL = "2025-06-30"
NEW_FROM = "2025-07-01"
N_UNCHANGED = 11
MERGED_GROUPS = [3] * 6 + [2] * 17          # 52 old provinces -> 23 new ones
N_DISTRICTS = 700
N_COMMUNES = 10000
N_INDICATORS = 50
N_COMMUNE_LEVEL = 20
THEMES = [("giam-ngheo", "Giảm nghèo"), ("giao-duc", "Giáo dục"), ("y-te", "Y tế"),
          ("ha-tang", "Hạ tầng"), ("lao-dong", "Lao động")]

SYLLABLES = ["An", "Bình", "Cao", "Đông", "Giang", "Hà", "Hòa", "Hưng", "Kim", "Lạc", "Long",
             "Minh", "Nam", "Ninh", "Phú", "Phúc", "Quang", "Sơn", "Tân", "Thạch", "Thanh",
             "Thịnh", "Trung", "Vĩnh", "Xuân", "Yên", "Bắc", "Mỹ", "Lâm", "Thái"]


def names(rng, n, prefix):
    """n distinct names of two syllables (a number added once the pairs run out)."""
    pairs = [f"{a} {b}" for a in SYLLABLES for b in SYLLABLES if a != b]
    rng.shuffle(pairs)
    return [pairs[i % len(pairs)] + ("" if i < len(pairs) else f" {i // len(pairs) + 1}")
            for i in range(n)]


class Unit:
    def __init__(self, uid, name, typ, parent, frm=None, until=None):
        self.id, self.name, self.type, self.parent = uid, name, typ, parent
        self.frm, self.until, self.merged_into = frm, until, None
        self.population = 0
        self.level_noise = 0.0


def distribute(n, k, rng):
    """Split n into k positive parts of similar size."""
    weights = [rng.uniform(0.7, 1.3) for _ in range(k)]
    total = sum(weights)
    parts = [max(1, int(n * w / total)) for w in weights]
    i = 0
    while sum(parts) < n:
        parts[i % k] += 1
        i += 1
    while sum(parts) > n:
        j = max(range(k), key=lambda x: parts[x])
        parts[j] -= 1
    return parts


def build_geo(rng, scale):
    n_old = N_UNCHANGED + sum(MERGED_GROUPS)
    pnames = names(rng, n_old + len(MERGED_GROUPS), "tinh")
    old = [Unit(f"tinh-{i + 1:02d}", pnames[i], "tỉnh", None) for i in range(n_old)]
    new_provinces = []
    k = N_UNCHANGED
    for g, size in enumerate(MERGED_GROUPS):
        new = Unit(f"tinh-moi-{g + 1:02d}", pnames[n_old + g], "tỉnh", None, frm=NEW_FROM)
        for p in old[k:k + size]:
            p.until, p.merged_into = OLD_UNTIL, new.id
        k += size
        new_provinces.append(new)
    successor = {p.id: (p.merged_into or p.id) for p in old}
    n_districts = max(n_old, int(N_DISTRICTS * scale))
    n_communes = max(2 * n_districts, int(N_COMMUNES * scale))
    per_province = distribute(n_districts, n_old, rng)
    districts, old_communes, new_communes = [], [], []
    dnames = names(random.Random(f"{rng.random()}"), n_districts, "huyen")
    cnames = names(random.Random(f"{rng.random()}"), n_communes, "xa")
    per_district = distribute(n_communes, n_districts, rng)
    d_i = c_i = n_i = 0
    for p, nd in zip(old, per_province):
        p.level_noise = rng.gauss(0, 6)
        for _ in range(nd):
            d = Unit(f"huyen-{d_i + 1:04d}", dnames[d_i], "huyện", p.id, until=OLD_UNTIL)
            d.level_noise = p.level_noise + rng.gauss(0, 3)
            districts.append(d)
            members = []
            for _ in range(per_district[d_i]):
                c = Unit(f"xa-{c_i + 1:05d}", cnames[c_i], "xã", d.id, until=OLD_UNTIL)
                c.population = rng.randint(3000, 15000)
                c.level_noise = d.level_noise + rng.gauss(0, 4)
                members.append(c)
                c_i += 1
            d.population = sum(c.population for c in members)
            old_communes.extend(members)
            i = 0
            while i < len(members):
                size = 3 if len(members) - i not in (2, 4) else len(members) - i
                size = min(size, len(members) - i)
                group = members[i:i + size]
                if len(group) == 1 and new_communes:
                    group[0].merged_into = new_communes[-1].id
                    new_communes[-1].population += group[0].population
                    i += 1
                    continue
                n = Unit(f"xa-moi-{n_i + 1:05d}", group[0].name, "xã", successor[p.id], frm=NEW_FROM)
                n.population = sum(c.population for c in group)
                n.parts = group
                for c in group:
                    c.merged_into = n.id
                new_communes.append(n)
                n_i += 1
                i += size
            d_i += 1
        p.population = sum(d.population for d in districts if d.parent == p.id)
    for n in new_communes:
        n.parts = [c for c in old_communes if c.merged_into == n.id] if not hasattr(n, "parts") else n.parts
    for p in old[:N_UNCHANGED]:
        p.parent = None
    for new in new_provinces:
        new.population = sum(p.population for p in old if p.merged_into == new.id)
    return old, new_provinces, districts, old_communes, new_communes


def geo_yaml(old, new_provinces, districts, old_communes, new_communes):
    out = ["# Generated by benches/gen_national.py: an invented country over the 2025 reform.",
           "units:"]

    def unit(u):
        fields = [f"id: {u.id}", f"name: {u.name}", f"type: {u.type}"]
        if u.parent:
            fields.append(f"parent: {u.parent}")
        if u.frm:
            fields.append(f"from: {u.frm}")
        if u.until:
            fields.append(f"until: {u.until}")
        if u.merged_into:
            fields.append(f"merged_into: {u.merged_into}")
        fields.append(f"population: {u.population}")
        out.append("  - {" + ", ".join(fields) + "}")

    for u in old + new_provinces + districts + old_communes + new_communes:
        unit(u)
    return "\n".join(out) + "\n"


def indicator_files(i, geo, rng):
    """The YAML and CSV of indicator i."""
    old, new_provinces, districts, old_communes, new_communes = geo
    iid = f"chi-tieu-{i + 1:02d}"
    theme = THEMES[i % len(THEMES)][0]
    count = i % 10 == 9
    commune_level = i < N_COMMUNE_LEVEL
    direction = "lower" if i % 2 == 0 else "higher"
    start = rng.uniform(20, 70)
    step = rng.uniform(0.5, 3.0) * (-1 if direction == "lower" else 1)
    rows = []

    def rate(noise, year):
        return min(100.0, max(0.0, start + noise + step * (year - YEARS[0])))

    commune_value = {}
    for c in old_communes:
        for y in YEARS[:-1]:
            v = rate(c.level_noise, y) + rng.gauss(0, 1.0)
            v = round(c.population * min(100.0, max(0.0, v)) / 400) if count else round(min(100.0, max(0.0, v)), 1)
            commune_value[(c.id, y)] = v
            if commune_level:
                rows.append((c.id, y, v))
    for n in new_communes:
        parts = [commune_value[(c.id, YEARS[-2])] for c in n.parts]
        v = sum(parts) if count else sum(parts) / len(parts) + step
        v = round(v) if count else round(min(100.0, max(0.0, v)), 1)
        commune_value[(n.id, YEARS[-1])] = v
        if commune_level:
            rows.append((n.id, YEARS[-1], v))
    by_district = {}
    for c in old_communes:
        by_district.setdefault(c.parent, []).append(c.id)
    district_value = {}
    for d in districts:
        for y in YEARS[:-1]:
            vals = [commune_value[(c, y)] for c in by_district[d.id]]
            v = sum(vals) if count else round(sum(vals) / len(vals), 1)
            district_value[(d.id, y)] = v
            rows.append((d.id, y, v))
    by_province = {}
    for d in districts:
        by_province.setdefault(d.parent, []).append(d.id)
    for p in old:
        for y in YEARS[:-1]:
            vals = [district_value[(d, y)] for d in by_province[p.id]]
            rows.append((p.id, y, sum(vals) if count else round(sum(vals) / len(vals), 1)))
    new_by_province = {}
    for n in new_communes:
        new_by_province.setdefault(n.parent, []).append(commune_value[(n.id, YEARS[-1])])
    for p in old[:N_UNCHANGED] + new_provinces:
        vals = new_by_province.get(p.id, [])
        if vals:
            rows.append((p.id, YEARS[-1], sum(vals) if count else round(sum(vals) / len(vals), 1)))
    unit = "unit: count\nunit_label: hộ\n" if count else "unit: percent\ndecimals: 1\n"
    yaml = (f"title: Chỉ tiêu số {i + 1}\nshort_title: Chỉ tiêu {i + 1}\ntheme: {theme}\n{unit}"
            f"direction: {direction}\nsource: Tổng cục Thống kê (số liệu minh họa)\n"
            f"updated: 2025-12-31\ncsv: {iid}.csv\n")
    csv = "geo,year,value\n" + "".join(f"{g},{y},{v}\n" for g, y, v in rows)
    return iid, yaml, csv, len(rows)


SITE = """title: Cổng số liệu quốc gia (minh họa)
base_url: https://so-lieu.example.gov.vn/
data:
  key_figures: [chi-tieu-01, chi-tieu-02]
  themes:
{themes}"""

PROGRAMME = """number: 01/2021/NQ-QH
title: Mục tiêu quốc gia giai đoạn 2021–2025 (minh họa)
issuer: Quốc hội
date: 2021-07-28
summary: Hai mục tiêu cho mọi tỉnh.
targets:
  - id: chi-tieu-01-tinh
    title: Chỉ tiêu 1 của mọi tỉnh giảm bình quân 1 điểm phần trăm mỗi năm
    indicator: chi-tieu-01
    scope: {level: province}
    kind: annual_decrease
    value: 1
    baseline_year: 2021
    target_year: 2025
  - id: chi-tieu-02-xa
    title: Chỉ tiêu 2 của các xã đạt từ 60 %
    indicator: chi-tieu-02
    scope: {level: commune}
    kind: level
    value: 60
    baseline_year: 2021
    target_year: 2025
"""


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    return len(text.encode("utf-8"))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True, help="site root; writes DIR/content/...")
    ap.add_argument("--seed", type=int, default=7, help="seed (default 7)")
    ap.add_argument("--scale", type=float, default=1.0, help="share of the districts and communes (default 1)")
    ap.add_argument("--boundaries", action="store_true",
                    help="also write content/boundaries.geojson (issue 16; see national_boundaries.py)")
    args = ap.parse_args(argv)
    rng = random.Random(f"gazette-national:{args.seed}")
    geo = build_geo(rng, args.scale)
    content = os.path.join(args.out, "content")
    total = write(os.path.join(content, "geo.yaml"), geo_yaml(*geo))
    themes = "".join(f"    - {{id: {t}, name: {n}}}\n" for t, n in THEMES)
    total += write(os.path.join(content, "site.yaml"), SITE.format(themes=themes))
    total += write(os.path.join(content, "programmes", "muc-tieu-quoc-gia.yaml"), PROGRAMME)
    rows = 0
    for i in range(N_INDICATORS):
        iid, yaml, csv, n = indicator_files(i, geo, random.Random(f"gazette-national:{args.seed}:{i}"))
        total += write(os.path.join(content, "indicators", f"{iid}.yaml"), yaml)
        total += write(os.path.join(content, "indicators", f"{iid}.csv"), csv)
        rows += n
    if args.boundaries:
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        import national_boundaries
        total += national_boundaries.write(content, geo)
    old, new_provinces, districts, old_communes, new_communes = geo
    print(f"gen_national: {len(old)} old and {len(new_provinces) + N_UNCHANGED} current provinces, "
          f"{len(districts)} districts, {len(old_communes)} old and {len(new_communes)} new communes, "
          f"{N_INDICATORS} indicators, {rows} observations, {total} bytes -> {content}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
