"""Synthetic boundaries for the national benchmark site (issue 16), standard library only.

Called by gen_national.py with --boundaries; writes content/boundaries.geojson for every
commune (old and new), old district and province (old and current) of the invented country.

The current communes are cells of a grid over Vietnam's mainland box, taken in serpentine
order grouped by current province, old province and old district, so every district and
province is a contiguous run of cells. Cell borders wiggle by a function of their two corners
(the same from both sides). Each current commune's cell is cut into vertical strips, one per
old commune merged into it, at vertices of its borders; districts and provinces are the union
of their cells (edges met twice cancel). About 30 positions per old commune, 64 per new one.
"""

import json
import math
import os

BOX = (102.2, 8.6, 109.4, 23.4)
PER_EDGE = 16


def write(content, geo):
    old, new_provinces, districts, old_communes, new_communes = geo
    by_id = {u.id: u for u in old + new_provinces + districts + old_communes + new_communes}
    current = [p for p in old if not p.until] + new_provinces
    parts = {n.id: [] for n in new_communes}
    for c in old_communes:
        if c.merged_into in parts:
            parts[c.merged_into].append(c)
    district_of = {n.id: parts[n.id][0].parent for n in new_communes if parts[n.id]}
    communes_of_district = {}
    for n in new_communes:
        communes_of_district.setdefault(district_of.get(n.id), []).append(n)
    order = []
    for p in current:
        olds = [o for o in old if o.merged_into == p.id] or [p]
        for o in olds:
            for d in (d for d in districts if d.parent == o.id):
                order.extend(communes_of_district.get(d.id, []))
    seen = {n.id for n in order}
    order.extend(n for n in new_communes if n.id not in seen)
    n = len(order)
    x0, y0, x1, y1 = BOX
    aspect = (x1 - x0) * math.cos(math.radians((y0 + y1) / 2)) / (y1 - y0)
    cols = max(1, round(math.sqrt(n * aspect)))
    rows = -(-n // cols)

    def corner(i, j):
        h = (i * 7919 + j * 104729) % 1000 / 1000 - 0.5
        g = (i * 15485863 + j * 3571) % 1000 / 1000 - 0.5
        jx = h * 0.35 if 0 < i < cols else 0
        jy = g * 0.35 if 0 < j < rows else 0
        return (x0 + (i + jx) * (x1 - x0) / cols, y0 + (j + jy) * (y1 - y0) / rows)

    def edge(a, b):
        """Positions from corner a to corner b (both included)."""
        lo, hi = min(a, b), max(a, b)
        p, q = corner(*lo), corner(*hi)
        outer = (lo[0] == hi[0] and lo[0] in (0, cols)) or (lo[1] == hi[1] and lo[1] in (0, rows))
        dx, dy = q[0] - p[0], q[1] - p[1]
        pts = []
        for k in range(PER_EDGE + 1):
            t = k / PER_EDGE
            amp = 0 if outer or k in (0, PER_EDGE) else 0.04 * math.sin(t * math.pi) * math.sin(k * 1.7 + lo[0] * 0.9 + lo[1] * 1.3)
            pts.append((round(p[0] + dx * t - dy * amp, 5), round(p[1] + dy * t + dx * amp, 5)))
        return pts if a <= b else pts[::-1]

    cell_of = {}
    for k, c in enumerate(order):
        j = k // cols
        i = k % cols if j % 2 == 0 else cols - 1 - k % cols
        cell_of[c.id] = (i, j)

    def cell_ring(i, j):
        bottom = edge((i, j), (i + 1, j))
        right = edge((i + 1, j), (i + 1, j + 1))
        top = edge((i + 1, j + 1), (i, j + 1))
        left = edge((i, j + 1), (i, j))
        return bottom[:-1] + right[:-1] + top[:-1] + left[:-1]

    def strips(i, j, m):
        bottom = edge((i, j), (i + 1, j))
        top = edge((i, j + 1), (i + 1, j + 1))
        right = edge((i + 1, j), (i + 1, j + 1))
        left = edge((i, j + 1), (i, j))
        cuts = [round(s * PER_EDGE / m) for s in range(m + 1)]
        out = []
        for s in range(m):
            a, b = cuts[s], cuts[s + 1]
            ring = bottom[a:b + 1]
            if s == m - 1:
                ring = ring + right[1:-1]
            ring = ring + top[a:b + 1][::-1]
            if s == 0:
                ring = ring + left[1:-1]
            out.append(ring)
        return out

    def union(rings):
        count = {}
        directed = []
        for r in rings:
            for k in range(len(r)):
                a, b = r[k], r[(k + 1) % len(r)]
                key = (a, b) if a < b else (b, a)
                count[key] = count.get(key, 0) + 1
                directed.append((a, b))
        nxt = {}
        for a, b in directed:
            if count[(a, b) if a < b else (b, a)] == 1:
                nxt.setdefault(a, []).append(b)
        out = []
        while nxt:
            start = min(nxt)
            ring, v = [start], start
            while True:
                b = nxt[v].pop()
                if not nxt[v]:
                    del nxt[v]
                if b == start:
                    break
                ring.append(b)
                v = b
            out.append(ring)
        return out

    features = []

    def feature(uid, rings):
        polys = [[[list(p) for p in r + [r[0]]]] for r in rings]
        geom = {"type": "Polygon", "coordinates": polys[0]} if len(polys) == 1 else {"type": "MultiPolygon", "coordinates": polys}
        features.append({"type": "Feature", "properties": {"id": uid}, "geometry": geom})

    cells_of = {}
    for c in order:
        i, j = cell_of[c.id]
        ring = cell_ring(i, j)
        feature(c.id, [ring])
        members = parts[c.id]
        for o, r in zip(members, strips(i, j, len(members))):
            feature(o.id, [r])
        d = district_of.get(c.id)
        up = [d] if d else []
        while up and up[-1] in by_id and by_id[up[-1]].parent:
            up.append(by_id[up[-1]].parent)
        up.append(c.parent)
        for a in up:
            cells_of.setdefault(a, []).append(ring)
    for uid, rings in cells_of.items():
        if uid in by_id and uid not in parts:
            feature(uid, union(rings))
    text = json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":"))
    path = os.path.join(content, "boundaries.geojson")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace("{\"type\":\"Feature\",", "\n{\"type\":\"Feature\",") + "\n")
    return len(text)
