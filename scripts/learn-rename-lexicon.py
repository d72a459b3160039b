#!/usr/bin/env python3
"""Learns the shapes of real column renames from the TRAINING part of the
mined cases (tests/diff/data/mined/*.yaml with `split: train`; the
evaluation part is never read) and writes them as a table the engine compiles
(engine/diff/learnedrenameshapes.cpp).

A shape is the words a rename removes and the words it adds, names split at
separators, case changes and digits (`start_date -> start_at` is
"date>at", `body -> old_body` is ">old"). A shape is kept when it removes at
most one word and adds at most one, is seen in at least MIN_RENAMES true
renames and in no drop-and-add pair of the training cases. (Asking for two
different projects keeps nothing on the current training part: the shapes
of one history rarely recur in another; the engine weighs a learned shape
below the hand-written rules for that reason.) Standard library only; deterministic.

    scripts/learn-rename-lexicon.py [--data tests/diff/data/mined] [--out engine/diff/learnedrenameshapes.cpp]

With --calibrate DUMP it also learns the score calibration
(engine/diff/renamecalibrationpoints.cpp): DUMP is what
`COVET_RENAME_EVAL_DUMP=DUMP tst_renameevaluation` writes, one line per
candidate shown; only the training part and the written set are read (the
evaluation part never), and the uncalibrated score of each candidate is
mapped to the share of real renames by isotonic regression (pool adjacent
violators), in blocks of at least MIN_BLOCK candidates. Only scores below
CALIBRATED_FROM (the default threshold) are mapped: from there up the raw
scores already matched the share of real renames (0.8-0.9: about 0.8,
0.9-1.0: about 0.93), and the accepted renames stay what they were.
"""

import argparse
import collections
import glob
import os
import re

MIN_RENAMES = 2
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def words(name):
    # The same split as LearnedRenameShapes::words() in the engine.
    n = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    n = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", n)
    n = re.sub(r"([A-Za-z])([0-9])", r"\1_\2", n)
    n = re.sub(r"([0-9])([A-Za-z])", r"\1_\2", n)
    return [w.lower() for w in re.split(r"[^A-Za-z0-9]+", n) if w]


def shape(a, b):
    wa, wb = words(a), words(b)
    removed, added = [], list(wb)
    for w in wa:
        if w in added:
            added.remove(w)
        else:
            removed.append(w)
    if not removed and not added:
        return None
    return "_".join(removed) + ">" + "_".join(added)


def parse_cases(text):
    """Minimal reader of the generated files: cases with before/after table
    specs and renames (the files are written by mine-rename-cases.py)."""
    cases, cur, section = [], None, None
    for line in text.splitlines():
        if line.startswith("  - id: "):
            cur = {"before": {}, "after": {}, "renames": []}
            cases.append(cur)
            section = None
        elif cur is None:
            continue
        elif line.startswith("    before:"):
            section = "before"
        elif line.startswith("    after:"):
            section = "after"
        elif line.startswith("    renames: "):
            cur["renames"] = re.findall(r'"([^"]*)"', line)
            section = None
        elif section and line.startswith("      "):
            table, spec = line.strip().split(": ", 1)
            cur[section][table] = [c.strip().split(" ")[0] for c in spec.strip('"').split(" | ")]
    return cases


MIN_BLOCK = 12
CALIBRATED_FROM = 0.8   # RenameDetector::kCalibratedFrom: above it raw scores are kept


def calibrate(dump, out):
    rows = []
    for line in open(dump):
        f = line.rstrip("\n").split("\t")
        if len(f) < 8 or f[0] not in ("train", "written") or not f[3].startswith("column "):
            continue
        reasons = dict(kv.split("=") for kv in f[7].split(",") if "=" in kv)
        if "uncalibrated" not in reasons:
            continue
        raw = float(reasons["uncalibrated"])
        if raw < CALIBRATED_FROM:
            rows.append((raw, int(f[4])))
    rows.sort()
    # Pool adjacent violators, then merge blocks smaller than MIN_BLOCK.
    blocks = []   # [sum_labels, count, min_raw, max_raw]
    for raw, label in rows:
        blocks.append([label, 1, raw, raw])
        while len(blocks) > 1 and (blocks[-2][0] / blocks[-2][1] >= blocks[-1][0] / blocks[-1][1]
                                   or blocks[-1][1] < MIN_BLOCK and raw == rows[-1][0]):
            b = blocks.pop()
            blocks[-1][0] += b[0]
            blocks[-1][1] += b[1]
            blocks[-1][3] = b[3]
    merged = []
    for b in blocks:
        if merged and (merged[-1][1] < MIN_BLOCK or b[1] < MIN_BLOCK):
            merged[-1][0] += b[0]
            merged[-1][1] += b[1]
            merged[-1][3] = b[3]
        else:
            merged.append(list(b))
    # One point per block, at its mean raw score; the engine interpolates.
    points = []
    for total, count, lo, hi in merged:
        centre = sum(r for r, _ in rows if lo <= r <= hi) / max(1, sum(1 for r, _ in rows if lo <= r <= hi))
        points.append((centre, min(total / count, CALIBRATED_FROM)))
    lines = [
        "// Generated by scripts/learn-rename-lexicon.py --calibrate from %d candidates" % len(rows),
        "// of the training part of tests/diff/data/mined and the written set; do not edit.",
        '#include "renamecalibration.h"',
        "",
        "namespace covet {",
        "",
        "const std::vector<RenameCalibration::Point> &RenameCalibration::points()",
        "{",
        "    static const std::vector<Point> list = {",
    ]
    for raw, share in points:
        lines.append("        {%.3f, %.3f}," % (raw, share))
    lines += ["    };", "    return list;", "}", "", "} // namespace covet", ""]
    with open(out, "w") as f:
        f.write("\n".join(lines))
    print("calibration: %d candidates, %d blocks -> %s" % (len(rows), len(merged), os.path.relpath(out)))
    for total, count, lo, hi in merged:
        print("  raw %.3f-%.3f: %3d candidates, %.2f real" % (lo, hi, count, total / count))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.path.join(ROOT, "tests", "diff", "data", "mined"))
    ap.add_argument("--out", default=os.path.join(ROOT, "engine", "diff", "learnedrenameshapes.cpp"))
    ap.add_argument("--calibrate", metavar="DUMP", help="also learn the score calibration from this dump")
    ap.add_argument("--calibration-out", default=os.path.join(ROOT, "engine", "diff", "renamecalibrationpoints.cpp"))
    args = ap.parse_args()
    if args.calibrate:
        calibrate(args.calibrate, args.calibration_out)

    positive = collections.defaultdict(set)   # shape -> projects
    positives = collections.Counter()
    negatives = collections.Counter()
    files = []
    for path in sorted(glob.glob(os.path.join(args.data, "*.yaml"))):
        text = open(path).read()
        if not re.search(r"^split: train$", text, re.M):
            continue
        project = re.search(r"^project: (.*)$", text, re.M).group(1)
        files.append(project)
        for case in parse_cases(text):
            truth = set()
            renamed = {}
            for r in case["renames"]:
                m = re.match(r"column ([^:]+): (\w+) -> (\w+)$", r)
                if m:
                    truth.add((m.group(1), m.group(2), m.group(3)))
                m = re.match(r"table (\w+) -> (\w+)$", r)
                if m:
                    renamed[m.group(2)] = m.group(1)
            for t, o, n in truth:
                s = shape(o, n)
                if s:
                    positive[s].add(project)
                    positives[s] += 1
            for new, cols in case["after"].items():
                old = case["before"].get(renamed.get(new, new))
                if old is None:
                    continue
                gone = [c for c in old if c not in cols]
                came = [c for c in cols if c not in old]
                for o in gone:
                    for n in came:
                        if (new, o, n) not in truth:
                            s = shape(o, n)
                            if s:
                                negatives[s] += 1
    def small(s):
        removed, added = s.split(">")
        return len([w for w in removed.split("_") if w]) <= 1 and len([w for w in added.split("_") if w]) <= 1
    kept = sorted(s for s, p in positive.items() if positives[s] >= MIN_RENAMES and negatives[s] == 0 and small(s))
    lines = [
        "// Generated by scripts/learn-rename-lexicon.py from the training part of",
        "// tests/diff/data/mined (projects: %s)." % ", ".join(files),
        "// Do not edit: rerun the script. A shape: words removed '>' words added.",
        '#include "learnedrenameshapes.h"',
        "",
        "namespace covet {",
        "",
        "const std::vector<LearnedRenameShapes::Shape> &LearnedRenameShapes::shapes()",
        "{",
        "    static const std::vector<Shape> list = {",
    ]
    for s in kept:
        lines.append('        {"%s", %d, %d},' % (s, len(positive[s]), positives[s]))
    lines += ["    };", "    return list;", "}", "", "} // namespace covet", ""]
    with open(args.out, "w") as f:
        f.write("\n".join(lines))
    print("%d shapes kept of %d seen in true renames (training projects: %d) -> %s"
          % (len(kept), len(positive), len(files), os.path.relpath(args.out)))
    for s in kept:
        print("  %-30s projects %d, renames %d" % (s, len(positive[s]), positives[s]))


if __name__ == "__main__":
    main()
