"""Rails migrations (db/migrate/*.rb) replayed into table states, by patterns."""

import re

from .model import Col, simple_default

RAILS_TYPES = {
    "string": "varchar(255)", "text": "text", "integer": "integer", "bigint": "bigint", "float": "double",
    "decimal": "numeric", "datetime": "timestamp", "timestamp": "timestamp", "time": "time", "date": "date",
    "binary": "blob", "boolean": "boolean", "json": "json", "jsonb": "jsonb", "uuid": "uuid",
    "inet": "varchar(39)", "citext": "text", "primary_key": "integer", "references": "bigint",
    "belongs_to": "bigint", "hstore": "jsonb", "tsvector": "text", "interval": "interval",
}

SYM = r":?['\"]?(\w+)['\"]?"


def rails_opts(rest):
    o = {}
    m = re.search(r"null:\s*(true|false)|:null\s*=>\s*(true|false)", rest)
    if m:
        o["null"] = (m.group(1) or m.group(2)) == "true"
    m = re.search(r"default:\s*([^,\n]+?)(?:,|$)|:default\s*=>\s*([^,\n]+?)(?:,|$)", rest)
    if m:
        v = (m.group(1) or m.group(2)).strip().strip("'\"")
        o["default"] = simple_default(int(v) if re.match(r"^-?\d+$", v) else
                                      (v == "true") if v in ("true", "false") else v)
    for key in ("limit", "precision", "scale"):
        m = re.search(key + r":\s*(\d+)|:" + key + r"\s*=>\s*(\d+)", rest)
        if m:
            o[key] = int(m.group(1) or m.group(2))
    if re.search(r"unique:\s*true|:unique\s*=>\s*true", rest):
        o["unique"] = True
    m = re.search(r"(?:foreign_key|to_table):\s*\{?\s*(?:to_table:\s*)?:?(\w+)", rest)
    if m and m.group(1) != "true":
        o["fk_table"] = m.group(1)
    elif re.search(r"foreign_key:\s*true|:foreign_key\s*=>\s*true", rest):
        o["fk_table"] = True
    return o


def pluralize(w):
    if w.endswith("y") and not w.endswith(("ay", "ey", "oy", "uy")):
        return w[:-1] + "ies"
    if w.endswith(("s", "x", "ch", "sh")):
        return w + "es"
    return w + "s"


def rails_col(name, rtype, rest):
    o = rails_opts(rest or "")
    t = RAILS_TYPES.get(rtype)
    if t is None:
        return None
    if rtype == "string" and "limit" in o:
        t = "varchar(%d)" % o["limit"]
    if rtype == "integer" and o.get("limit") == 8:
        t = "bigint"
    if rtype == "decimal" and "precision" in o:
        t = "numeric(%d,%d)" % (o["precision"], o.get("scale", 0))
    fk = None
    if rtype in ("references", "belongs_to"):
        fk_table = o.get("fk_table")
        fk = (pluralize(name) if fk_table in (None, True) else fk_table) + ".id" if fk_table else None
        name = name + "_id"
    nullable = o.get("null", True)
    return Col(name, t, nullable, o.get("default"), o.get("unique", False), False, fk)


def replay_rails(project, change, text):
    lines = text.splitlines()
    # Only the forward direction: `def up` / `def change` bodies (not `def down`).
    body, skip, depth = [], False, 0
    for ln in lines:
        s = ln.strip()
        if re.match(r"def (self\.)?down\b", s):
            skip, depth = True, 0
            continue
        if skip:
            if re.match(r"(def|if|unless|do|begin|case|while|class|module)\b", s) or re.search(r"\bdo(\s*\|.*\|)?\s*$", s):
                depth += 1
            if s == "end" or s.startswith("end "):
                if depth == 0:
                    skip = False
                else:
                    depth -= 1
            continue
        body.append(s)
    if re.search(r"\breversible\b|\brevert\b", text):
        pass
    block_table, block_kind = None, None
    for s in body:
        m = re.match(r"create_table\s*\(?\s*" + SYM + r"(.*)", s)
        if m:
            table, rest = m.group(1), m.group(2)
            cols = []
            if "id: false" not in rest and ":id => false" not in rest:
                pkt = "uuid" if "id: :uuid" in rest else ("integer" if "id: :integer" in rest or ":id" not in rest and False else "bigint")
                cols.append(Col("id", pkt, False, None, False, True))
            if table in project.tables:
                # Created again: a history reset (squash, initial revision),
                # not a change anyone made to that table.
                change.touch(table)
                change.bad.add(table)
            else:
                change.created.add(table)
            project.tables[table] = cols
            block_table, block_kind = (table, "create") if re.search(r"\bdo\b", rest) else (None, None)
            continue
        m = re.match(r"change_table\s*\(?\s*" + SYM + r".*\bdo\b", s)
        if m:
            block_table, block_kind = m.group(1), "change"
            change.touch(block_table)
            continue
        if block_table and s == "end":
            block_table = None
            continue
        if block_table and block_table in project.tables:
            cols = project.tables[block_table]
            m = re.match(r"t\.timestamps\b(.*)", s)
            if m:
                o = rails_opts(m.group(1))
                for n in ("created_at", "updated_at"):
                    if not any(c.name == n for c in cols):
                        cols.append(Col(n, "timestamp", o.get("null", block_kind != "create" and False), None))
                continue
            m = re.match(r"t\.rename\s*\(?\s*" + SYM + r"\s*,\s*" + SYM, s)
            if m:
                change.rename_column(block_table, m.group(1), m.group(2))
                continue
            m = re.match(r"t\.remove\s+(.*)", s)
            if m:
                names = re.findall(r":(\w+)", m.group(1).split("type:")[0])
                cols[:] = [c for c in cols if c.name not in names]
                continue
            m = re.match(r"t\.column\s*\(?\s*" + SYM + r"\s*,\s*:?['\"]?(\w+)['\"]?(.*)", s)
            if not m:
                m = re.match(r"t\.(\w+)\s*\(?\s*" + SYM + r"(.*)", s)
                if m and m.group(1) in RAILS_TYPES:
                    rtype, name, rest = m.group(1), m.group(2), m.group(3)
                else:
                    continue
                # t.string :a, :b, :c
                names = [name] + [x for x in re.findall(r"^\s*,\s*:(\w+)", rest)]
                for n in names:
                    c = rails_col(n, rtype, rest)
                    if c and not any(x.name == c.name for x in cols):
                        cols.append(c)
                continue
            name, rtype, rest = m.group(1), m.group(2), m.group(3)
            c = rails_col(name, rtype, rest)
            if c and not any(x.name == c.name for x in cols):
                cols.append(c)
            continue
        m = re.match(r"(add_column|change_column)\s*\(?\s*" + SYM + r"\s*,\s*" + SYM + r"\s*,\s*:?['\"]?(\w+)['\"]?(.*)", s)
        if m:
            op, table, name, rtype, rest = m.groups()
            if table not in project.tables:
                change.why.append("%s on unknown table %s" % (op, table))
                continue
            change.touch(table)
            cols = project.tables[table]
            c = rails_col(name, rtype, rest)
            if c is None:
                continue
            if op == "add_column":
                if not any(x.name == name for x in cols):
                    cols.append(c)
            else:
                for i, x in enumerate(cols):
                    if x.name == name:
                        c.fk, c.unique = x.fk, x.unique
                        cols[i] = c
            continue
        m = re.match(r"(add_reference|add_belongs_to)\s*\(?\s*" + SYM + r"\s*,\s*" + SYM + r"(.*)", s)
        if m:
            _, table, name, rest = m.groups()
            if table in project.tables:
                change.touch(table)
                c = rails_col(name, "references", rest)
                if not any(x.name == c.name for x in project.tables[table]):
                    project.tables[table].append(c)
            continue
        m = re.match(r"(remove_reference|remove_belongs_to)\s*\(?\s*" + SYM + r"\s*,\s*" + SYM, s)
        if m:
            _, table, name = m.groups()
            if table in project.tables:
                change.touch(table)
                project.tables[table] = [c for c in project.tables[table] if c.name != name + "_id"]
            continue
        m = re.match(r"remove_columns?\s*\(?\s*" + SYM + r"\s*,(.*)", s)
        if m:
            table = m.group(1)
            names = re.findall(r":?['\"]?(\w+)['\"]?", m.group(2).split("type:")[0].split("=>")[0])
            names = [n for n in names if n not in ("type", "null", "default", "limit")][: 1 if s.startswith("remove_column ") or s.startswith("remove_column(") else None]
            if table in project.tables:
                change.touch(table)
                project.tables[table] = [c for c in project.tables[table] if c.name not in names]
            continue
        m = re.match(r"rename_column\s*\(?\s*" + SYM + r"\s*,\s*" + SYM + r"\s*,\s*" + SYM, s)
        if m:
            table, old, new = m.groups()
            if table not in project.tables:
                change.why.append("rename_column on unknown table %s" % table)
                continue
            change.rename_column(table, old, new)
            continue
        m = re.match(r"rename_table\s*\(?\s*" + SYM + r"\s*,\s*" + SYM, s)
        if m:
            change.rename_table(m.group(1), m.group(2))
            continue
        m = re.match(r"drop_table\s*\(?\s*" + SYM, s)
        if m and m.group(1) in project.tables:
            change.touch(m.group(1))
            change.dropped.add(m.group(1))
            del project.tables[m.group(1)]
            continue
        m = re.match(r"add_foreign_key\s*\(?\s*" + SYM + r"\s*,\s*" + SYM + r"(.*)", s)
        if m:
            table, target, rest = m.groups()
            cm = re.search(r"column:\s*:?['\"]?(\w+)", rest)
            col = cm.group(1) if cm else (target[:-1] if target.endswith("s") else target) + "_id"
            for c in project.tables.get(table, []):
                if c.name == col:
                    change.touch(table)
                    c.fk = target + ".id"
            continue
        m = re.match(r"add_index\s*\(?\s*" + SYM + r"\s*,\s*" + SYM + r"(.*)", s)
        if m and re.search(r"unique:\s*true|:unique\s*=>\s*true", m.group(3)):
            for c in project.tables.get(m.group(1), []):
                if c.name == m.group(2):
                    change.touch(m.group(1))
                    c.unique = True
