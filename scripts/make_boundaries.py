#!/usr/bin/env python3
"""Make plausible synthetic commune boundaries for a gazette site (issue 16).

Reads content/geo.yaml and writes content/boundaries.geojson: one feature per commune-level
unit (old and new), keyed by geo id. Deterministic (fixed seed), standard library and PyYAML.

How: a province outline (a lobed blob) is cut into a raster of cells. Each new commune (from
2025) gets a seed; each cell goes to the nearest new seed (with a smooth wobble so borders
wander), then, within a new commune, to the nearest seed of the old communes merged into it.
So a new commune is exactly the union of its old ones. Rings are traced along cell edges;
corners where three units meet, and every turn, are kept and jittered by a function of the
corner alone, so neighbours share every vertex exactly.

    python3 scripts/make_boundaries.py [SITE_DIR] [--grid 150] [--center 104.2,22.3]
"""

import argparse
import json
import math
import random
import sys
from pathlib import Path

import yaml

COMMUNE_TYPES = {"xã", "phường", "thị trấn", "đặc khu"}
DISTRICT_TYPES = {"huyện", "thị xã", "thành phố", "quận"}


def load_units(site):
    data = yaml.safe_load((site / "content" / "geo.yaml").read_text(encoding="utf-8"))
    return data["units"]


def lobed(theta, phases):
    a, b, c = phases
    return 1 + 0.16 * math.sin(3 * theta + a) + 0.09 * math.sin(5 * theta + b) + 0.05 * math.sin(8 * theta + c)


def wobble(x, y, phases):
    a, b, c, d = phases
    return 0.22 * math.sin(7.1 * x + a) * math.cos(6.3 * y + b) + 0.12 * math.sin(13.7 * (x + y) + c) + 0.06 * math.cos(19.0 * x - 17.0 * y + d)


def jitter(i, j, salt):
    h = (i * 73856093) ^ (j * 19349663) ^ salt
    r = random.Random(h)
    return r.uniform(-0.42, 0.42), r.uniform(-0.42, 0.42)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("site", nargs="?", default=".")
    ap.add_argument("--grid", type=int, default=150)
    ap.add_argument("--center", default="104.2,22.3")
    ap.add_argument("--radius", type=float, default=0.45, help="degrees of latitude")
    ap.add_argument("--seed", type=int, default=16)
    args = ap.parse_args()
    site = Path(args.site)
    rng = random.Random(args.seed)
    cx, cy = (float(v) for v in args.center.split(","))
    units = load_units(site)
    communes = [u for u in units if u.get("type") in COMMUNE_TYPES]
    new = [u for u in communes if not u.get("until")]
    old = [u for u in communes if u.get("until")]
    members = {u["id"]: [] for u in new}
    for u in old:
        target = u.get("merged_into")
        target = target[0] if isinstance(target, list) else target
        if target in members:
            members[target].append(u["id"])
    n = args.grid
    kx = math.cos(math.radians(cy))
    half_w, half_h = args.radius * 1.25 / kx, args.radius * 1.25
    x0, y0 = cx - half_w, cy - half_h
    cell_x, cell_y = 2 * half_w / n, 2 * half_h / n
    shape = [rng.uniform(0, 6.3) for _ in range(3)]
    wob = [rng.uniform(0, 6.3) for _ in range(4)]

    def inside(i, j):
        x, y = (i + 0.5) / n * 2 - 1, (j + 0.5) / n * 2 - 1
        r = math.hypot(x, y)
        return r < 0.78 * lobed(math.atan2(y, x), shape)

    cells = [(i, j) for j in range(n) for i in range(n) if inside(i, j)]

    def pick(k, spread_cells):
        """Seeds spread over the cells, by rejection with a shrinking minimum distance."""
        seeds, gap = [], spread_cells
        while len(seeds) < k:
            for _ in range(200):
                c = rng.choice(cells)
                if all((c[0] - s[0]) ** 2 + (c[1] - s[1]) ** 2 >= gap * gap for s in seeds):
                    seeds.append(c)
                    break
            else:
                gap *= 0.9
        return seeds

    new_seeds = pick(len(new), math.sqrt(len(cells) / max(len(new), 1)) * 0.8)
    group = {}
    for c in cells:
        w = 1 + wobble(c[0] / n, c[1] / n, wob)
        best = min(range(len(new)), key=lambda k: ((c[0] - new_seeds[k][0]) ** 2 + (c[1] - new_seeds[k][1]) ** 2) * w)
        group[c] = best
    label = {}
    for k, u in enumerate(new):
        mine = [c for c in cells if group[c] == k]
        ids = members[u["id"]]
        if not ids:
            for c in mine:
                label[c] = u["id"]
            continue
        seeds = rng.sample(mine, len(ids)) if len(mine) >= len(ids) else [new_seeds[k]] * len(ids)
        for c in mine:
            w = 1 + wobble(c[1] / n + 0.37, c[0] / n, wob)
            best = min(range(len(ids)), key=lambda m: ((c[0] - seeds[m][0]) ** 2 + (c[1] - seeds[m][1]) ** 2) * w)
            label[c] = ids[best]
    new_label = {c: new[group[c]]["id"] for c in cells}

    def corner_labels(i, j):
        return {label.get(c, None) for c in ((i - 1, j - 1), (i, j - 1), (i - 1, j), (i, j))}

    salt = args.seed * 7919

    def position(v):
        i, j = v
        dx, dy = jitter(i, j, salt) if len(corner_labels(i, j)) >= 2 else (0, 0)
        return (round(x0 + (i + dx) * cell_x, 6), round(y0 + (j + dy) * cell_y, 6))

    def rings_of(lab, uid):
        mine = [c for c, l in lab.items() if l == uid]
        edges = {}
        for (i, j) in mine:
            for (a, b, nb) in (
                ((i, j), (i + 1, j), (i, j - 1)),
                ((i + 1, j), (i + 1, j + 1), (i + 1, j)),
                ((i + 1, j + 1), (i, j + 1), (i, j + 1)),
                ((i, j + 1), (i, j), (i - 1, j)),
            ):
                if lab.get(nb) != uid:
                    edges.setdefault(a, []).append(b)
        rings = []
        while edges:
            start = min(edges)
            ring, v, prev_dir = [start], start, None
            while True:
                outs = edges[v]
                if len(outs) > 1 and prev_dir is not None:
                    # a pinch: turn left first, so the ring stays simple
                    def turn(b):
                        d = (b[0] - v[0], b[1] - v[1])
                        return -(prev_dir[0] * d[1] - prev_dir[1] * d[0])
                    outs.sort(key=turn)
                b = outs.pop(0)
                if not outs:
                    del edges[v]
                prev_dir = (b[0] - v[0], b[1] - v[1])
                v = b
                if v == start:
                    break
                ring.append(v)
            rings.append(ring)
        return rings

    def keep(ring):
        out = []
        m = len(ring)
        for k, v in enumerate(ring):
            a, b = ring[k - 1], ring[(k + 1) % m]
            turns = (v[0] - a[0]) * (b[1] - v[1]) - (v[1] - a[1]) * (b[0] - v[0]) != 0
            if turns or len(corner_labels(*v)) >= 3:
                out.append(v)
        return out

    def area(pts):
        return sum(pts[k][0] * pts[(k + 1) % len(pts)][1] - pts[(k + 1) % len(pts)][0] * pts[k][1] for k in range(len(pts))) / 2

    def contains(ring, p):
        inside_, m = False, len(ring)
        for k in range(m):
            a, b = ring[k], ring[k - 1]
            if (a[1] > p[1]) != (b[1] > p[1]) and p[0] < (b[0] - a[0]) * (p[1] - a[1]) / (b[1] - a[1]) + a[0]:
                inside_ = not inside_
        return inside_

    def geometry(lab, uid):
        rings = [keep(r) for r in rings_of(lab, uid)]
        outers = [r for r in rings if area(r) > 0]
        holes = [r for r in rings if area(r) < 0]
        polys = [[r] for r in outers]
        for h in holes:
            probe = (h[0][0] + 0.5, h[0][1] - 0.5)
            for p in polys:
                if contains(p[0], probe) or contains(p[0], h[0]):
                    p.append(h)
                    break
        coords = [[[list(position(v)) for v in r + [r[0]]] for r in p] for p in polys]
        if len(coords) == 1:
            return {"type": "Polygon", "coordinates": coords[0]}
        return {"type": "MultiPolygon", "coordinates": coords}

    # old districts: the union of their old communes
    parent = {u["id"]: u.get("parent") for u in units}
    district_label = {c: parent.get(l) for c, l in label.items()}
    districts = [u for u in units if u.get("type") in DISTRICT_TYPES and u.get("until")]
    features = []
    for u in communes + districts:
        lab = district_label if u in districts else label if u.get("until") else new_label
        if not any(l == u["id"] for l in lab.values()):
            print(f"no cells for {u['id']}", file=sys.stderr)
            continue
        features.append({
            "type": "Feature",
            "properties": {"id": u["id"], "name": u["name"]},
            "geometry": geometry(lab, u["id"]),
        })
    out = {
        "type": "FeatureCollection",
        "features": features,
    }
    path = site / "content" / "boundaries.geojson"
    text = json.dumps(out, ensure_ascii=False, separators=(",", ":"))
    path.write_text(text.replace("{\"type\":\"Feature\",", "\n{\"type\":\"Feature\",") + "\n", encoding="utf-8")
    print(f"wrote {path}: {len(features)} features, {sum(len(r) for f in features for p in ([f['geometry']['coordinates']] if f['geometry']['type'] == 'Polygon' else f['geometry']['coordinates']) for r in p)} positions")


if __name__ == "__main__":
    main()
