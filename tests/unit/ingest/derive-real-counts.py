#!/usr/bin/env python3
"""Independent derivation of the counts asserted in real-files.test.ts.

Run: python3 tests/unit/ingest/derive-real-counts.py ../shared/data
Uses only Python's csv module and the rules written in lib/ingest (documented there):
- a Name (after stripping spaces and quotes) starting 'eliminat' drops the row before the duplicate
  check; starting 'vacan' marks a vacant position;
- duplicate ids: every copy after the first (eliminated rows already gone);
- root = manager blank, a placeholder ('-', N/A, N/D) or XX/xx; self-report = manager == id; orphan = manager set, not self,
  and not among the kept ids (person-level rows only); juniorOrphans = junior rows whose post is not
  among the kept ids (not people, so not orphans: their FTE counts at the top of the organisation);
- junior rows: exact duplicate rows (all cells equal after trimming) dropped; rows with FTE 0
  dropped; FTE total = sum of the rest;
- IfG multi-snapshot files: rows grouped by the 'Back to Index' label.
"""
import csv, collections, glob, os, sys

root = sys.argv[1] if len(sys.argv) > 1 else '../shared/data'

def load(path):
    with open(path, encoding='utf-8', newline='') as fh:
        rows = list(csv.reader(fh))
    return rows[0], [r for r in rows[1:] if any(c.strip() for c in r)]

def status(name):
    n = name.strip().strip('\'"').strip().lower()
    return 'E' if n.startswith('eliminat') else 'V' if n.startswith('vacan') else 'F'

# manager cells meaning "no manager": blank, placeholders, and the organogram top marker XX/xx
ROOT_MARKERS = {'', '-', '--', 'xx', 'n/a', 'n/d', 'nd', 'null', 'nan', '#n/a'}

def num(v):
    v = v.strip().replace(',', '')
    return float(v) if v not in ('', 'N/D', 'N/A', '-') else None

def snapshot(seniors, juniors):
    """seniors: list of (id, manager, name); juniors: list of (reportsTo, fte, cells)."""
    kept, seen, dup, elim = [], set(), 0, 0
    for i, m, n in seniors:
        if status(n) == 'E':
            elim += 1
            continue
        if i in seen:
            dup += 1
            continue
        seen.add(i)
        kept.append((i, m, n))
    vac = sum(1 for _, _, n in kept if status(n) == 'V')
    isroot = lambda m: m.strip('\'"').lower() in ROOT_MARKERS
    roots = sum(1 for _, m, _ in kept if isroot(m))
    selfr = sum(1 for i, m, _ in kept if m == i)
    orph = sum(1 for i, m, _ in kept if not isroot(m) and m != i and m not in seen)
    jseen, jrecs, jdup, jzero = set(), [], 0, 0
    for m, fte, cells in juniors:
        key = tuple(c.strip() for c in cells)
        if key in jseen:
            jdup += 1
            continue
        jseen.add(key)
        if fte == 0:
            jzero += 1
            continue
        jrecs.append((m, fte))
    jorph = sum(1 for m, _ in jrecs if m not in seen)  # (no junior row has a blank post)
    return dict(rows=len(seniors) + len(juniors), people=len(kept) - vac, vacant=vac,
                eliminated=elim, duplicates=dup, roots=roots, selfReports=selfr,
                orphans=orph, juniorOrphans=jorph, aggregated=len(jrecs),
                aggregatedFte=round(sum(f for _, f in jrecs), 4), juniorDuplicates=jdup,
                juniorZero=jzero)

def seniors_of(h, rows, id_col='Post Unique Reference', mgr_col='Reports to Senior Post'):
    I, M, N = h.index(id_col), h.index(mgr_col), h.index('Name')
    return [(r[I].strip(), r[M].strip(), r[N]) for r in rows]

def juniors_of(h, rows, fte_col='Number of Posts in FTE', mgr_col='Reporting Senior Post'):
    F, M = h.index(fte_col), h.index(mgr_col)
    return [(r[M].strip(), num(r[F]), r) for r in rows]

out = {}
for sen in sorted(glob.glob(os.path.join(root, 'ukgov-organograms-datagovuk/*/*-senior.csv'))):
    jun = sen.replace('-senior.csv', '-junior.csv')
    hs, rs = load(sen)
    hj, rj = load(jun)
    key = os.path.relpath(sen, root)
    out[key + ' (senior only)'] = snapshot(seniors_of(hs, rs), [])
    out[key + ' + junior'] = snapshot(seniors_of(hs, rs), juniors_of(hj, rj))

for f in sorted(glob.glob(os.path.join(root, 'ukgov-organograms-ifg/multi-snapshot/*.csv'))):
    h, rows = load(f)
    L, K = h.index('Back to Index'), h.index('Senior/Junior')
    by = collections.OrderedDict()
    for r in rows:
        by.setdefault(r[L].strip(), []).append(r)
    for label, rs in by.items():
        s = [r for r in rs if r[K].strip().lower() == 'senior']
        j = [r for r in rs if r[K].strip().lower() != 'senior']
        out[os.path.relpath(f, root) + ' ' + label] = snapshot(
            seniors_of(h, s), juniors_of(h, j, 'FTE', 'Reports to Senior Post'))

def id_parent(path, idc, pc, namec):
    h, rows = load(path)
    return snapshot(seniors_of(h, rows, idc, pc) if namec == 'Name' else
                    [(r[h.index(idc)].strip(), r[h.index(pc)].strip(), r[h.index(namec)]) for r in rows], [])

out['d3 org.csv'] = id_parent(os.path.join(root, 'd3-org-chart-sample-data/org.csv'), 'id', 'parentId', 'name')
out['d3 data-oracle.csv'] = id_parent(os.path.join(root, 'd3-org-chart-sample-data/data-oracle.csv'), 'id', 'parentId', 'name')

for f in sorted(glob.glob(os.path.join(root, 'ukgov-organograms-ifg/processed-single-snapshot/*.csv'))):
    h, rows = load(f)
    I, P, LV = h.index('id'), h.index('parentId'), h.index('level')
    # the synthetic 'root' row is dropped and 'root' parents become roots; junior rows carry no FTE
    sen = [(r[I].strip(), '' if r[P].strip() == 'root' else r[P].strip(), r[h.index('name')])
           for r in rows if r[I].strip() != 'root' and r[LV].strip().lower() == 'senior']
    # rows = every data row but the synthetic root (junior rows are read, then skipped)
    out[os.path.relpath(f, root)] = dict(snapshot(sen, []), rows=sum(1 for r in rows if r[I].strip() != 'root'),
                                         juniorRowsSkipped=sum(1 for r in rows if r[LV].strip().lower() == 'junior'))

# draw.io example: skip '#' lines before the header, then manager = a person's name
drawio = os.path.join(root, 'drawio-csv-orgchart-example/drawio-default-csv-import-example.txt')
with open(drawio, encoding='utf-8', newline='') as fh:
    lines = [l for l in fh if not l.startswith('#')]
d_rows = list(csv.DictReader(lines))
by_name = {r['name']: r['id'] for r in d_rows}
out['drawio example'] = snapshot([(r['id'], by_name.get(r['manager'], r['manager']), r['name']) for r in d_rows], [])

for k, v in out.items():
    print(k, v)
