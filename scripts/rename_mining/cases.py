"""The case one migration file makes: tables before and after, and the truth."""

import re

def copied_pairs(text, before, after, renamed_from):
    """Drop-and-add pairs whose data the same file copies unchanged from the
    old column into the new one (`SET new = old`, `x.new = x.old`,
    `update_column(:new, x.old)`): a rename done by hand, labelled as a
    rename. A value computed from the old column is not a copy."""
    pairs = []
    for new, cols in after.items():
        old = renamed_from.get(new, new)
        if old not in before:
            continue
        bnames = {c.name for c in before[old]}
        anames = {c.name for c in cols}
        for o in sorted(bnames - anames):
            for n in sorted(anames - bnames):
                q = r"[\"'`]?"
                assign = re.compile(r"(?<![\w.])(?:\w+\.)?%s%s%s\s*=\s*(?:\w+\.)?%s%s%s(?=\s*($|[,;)\"']|where\b|from\b))"
                                    % (q, re.escape(n), q, q, re.escape(o), q), re.I | re.M)
                call = re.compile(r"update_(?:column|attribute)\(\s*:%s\s*,\s*\w+\.%s\s*\)" % (re.escape(n), re.escape(o)))
                if assign.search(text) or call.search(text):
                    pairs.append((new, o, n))
    # One new column per old one and back: ambiguous copies are left out.
    olds = [p[:2] for p in pairs]
    news = [(p[0], p[2]) for p in pairs]
    return [p for p in pairs if olds.count(p[:2]) == 1 and news.count((p[0], p[2])) == 1]


def case_from(change, after_tables, text=""):
    """The case a change makes, or None when it holds no rename question."""
    if not change.valid:
        return None
    # The SQLite idiom "rename the table aside, create it again, copy, drop
    # the old one" leaves the same table under its own name: no rename.
    for o, n in list(change.table_renames):
        if n in change.dropped and n not in after_tables:
            change.table_renames.remove((o, n))
            change.dropped.discard(n)
            change.before.pop(n, None)
            change.col_renames = [r for r in change.col_renames if r[0] != n]
            if o in change.created:
                change.created.discard(o)
            else:
                change.dropped.add(o)
    renamed_from = {n: o for o, n in change.table_renames}
    tables = []
    for new in sorted(set(after_tables) | set(renamed_from)):
        old = renamed_from.get(new, new)
        if old not in change.before or new not in after_tables or new in change.bad or old in change.bad:
            continue
        b = {c.name for c in change.before[old]}
        a = {c.name for c in after_tables[new]}
        if (b - a) and (a - b):
            tables.append((old, new))
    # A column the same file adds and then renames is an added column: the
    # state before the file has nothing under the old name to rename.
    old_table = {n: o for o, n in change.table_renames}

    def added_here(t, o):
        cols = change.before.get(old_table.get(t, t))
        return cols is not None and not any(c.name == o for c in cols)

    col_truth = [(t, o, n) for t, o, n in change.col_renames if o != n and not added_here(t, o)]
    if not tables and not change.table_renames:
        return None
    # Table candidates: renames, and tables dropped and created in one change.
    dropped = sorted(t for t in change.dropped if t in change.before)
    created = sorted(t for t in change.created if t in after_tables)
    before, after = {}, {}
    # Copies: the project's state goes on changing with the later files.
    def state(cols):
        return [c.copy() for c in cols]
    for old, new in tables:
        before[old] = change.before[old]
        after[new] = state(after_tables[new])
    for old, new in change.table_renames:
        if old in change.before and new in after_tables:
            before[old] = change.before[old]
            after[new] = state(after_tables[new])
    if change.table_renames or (dropped and created):
        for t in dropped:
            before[t] = change.before[t]
        for t in created:
            after[t] = state(after_tables[t])
    if not before or not after:
        return None
    truth = ["table %s -> %s" % (o, n) for o, n in change.table_renames if o in before and n in after]
    truth += ["column %s: %s -> %s" % (t, o, n) for t, o, n in col_truth if t in after]
    renamed_to = {n: o for o, n in change.table_renames}
    taken = {(t, o) for t, o, _ in col_truth} | {(t, n) for t, _, n in col_truth}
    for t, o, n in copied_pairs(text, before, after, renamed_to):
        if (t, o) not in taken and (t, n) not in taken:
            truth.append("column %s: %s -> %s" % (t, o, n))
    # Every rename must be visible in the states (a column renamed and dropped is not).
    for t, o, n in col_truth:
        if t in after and not any(c.name == n for c in after[t]):
            return None
    return before, after, sorted(truth)


def yaml_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'
