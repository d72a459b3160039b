#!/usr/bin/env python3
"""Mines rename-detection cases from public projects' migration histories.

Replays Django migrations (CreateModel, AddField, RemoveField, AlterField,
RenameField, RenameModel, AlterModelTable, DeleteModel), Rails migrations
(create_table, add_column, remove_column, rename_column, change_column,
rename_table, change_table blocks, add_reference) and Alembic migrations
(create_table, add_column, drop_column, alter_column with new_column_name,
rename_table, batch_alter_table) into table states, one project at a time, in
the order the files were added to the repository (Rails: by version).

For every migration file that renames a column or a table, or that drops
columns and adds others to the same table, it writes one case: the tables
whose column names changed, before and after that file, and the truth read
from the operations (RenameField / rename_column / new_column_name /
RenameModel / rename_table are renames; everything else that went and came
is a drop and an add).

Only the extracted table states are written, never the projects' code.
Standard library only.

    scripts/mine-rename-cases.py --mirrors DIR [--out tests/diff/data/mined]

DIR holds one bare git repository per project, named owner+name/repo (as the
search tool's fetch leaves them) or owner+name.git. The commits used are
listed in tests/diff/data/mined/README.md; the output is deterministic for
those commits.
"""

import argparse
import ast
import hashlib
import os
import re
import subprocess
import sys

# project, kind, path patterns of migration files
PROJECTS = [
    ("mozilla/pontoon", "django"),
    ("mozilla/kitsune", "django"),
    ("mozilla/treeherder", "django"),
    ("mozilla/experimenter", "django"),
    ("readthedocs/readthedocs.org", "django"),
    ("kaleidos-ventures/taiga-back", "django"),
    ("makeplane/plane", "django"),
    ("pretalx/pretalx", "django"),
    ("healthchecks/healthchecks", "django"),
    ("openstreetmap/openstreetmap-website", "rails"),
    ("alphagov/publishing-api", "rails"),
    ("diaspora/diaspora", "rails"),
    ("rubygems/rubygems.org", "rails"),
    ("redmine/redmine", "rails"),
    ("huginn/huginn", "rails"),
    ("indico/indico", "alembic"),
    ("hotosm/tasking-manager", "alembic"),
    ("CTFd/CTFd", "alembic"),
    ("wger-project/wger", "django"),
    ("TandoorRecipes/recipes", "django"),
    ("sharetribe/sharetribe", "rails"),
    ("mysociety/alaveteli", "rails"),
    ("fatfreecrm/fat_free_crm", "rails"),
    ("hitobito/hitobito", "rails"),
]

# Evaluation part: whole projects held out from the learning script
# (scripts/learn-rename-lexicon.py reads only the training part).
EVAL_PROJECTS = {
    "mozilla/pontoon", "mozilla/experimenter", "makeplane/plane", "healthchecks/healthchecks",
    "alphagov/publishing-api", "rubygems/rubygems.org", "huginn/huginn", "hotosm/tasking-manager",
    "CTFd/CTFd", "mozilla/treeherder", "TandoorRecipes/recipes", "mysociety/alaveteli", "fatfreecrm/fat_free_crm",
}

GLOBS = {
    "django": [":(glob)**/migrations/[0-9]*.py"],
    "rails": [":(glob)**/db/migrate/*.rb"],
    "alembic": [":(glob)**/versions/*.py", ":(glob)**/alembic/versions/*.py"],
}


# ---------------------------------------------------------------- model ----

class Col:
    __slots__ = ("name", "type", "nullable", "default", "unique", "pk", "fk")

    def __init__(self, name, type_, nullable=True, default=None, unique=False, pk=False, fk=None):
        self.name, self.type, self.nullable, self.default = name, type_, nullable, default
        self.unique, self.pk, self.fk = unique, pk, fk

    def copy(self):
        return Col(self.name, self.type, self.nullable, self.default, self.unique, self.pk, self.fk)

    def spec(self):
        parts = [self.name, self.type]
        if self.pk:
            parts.append("pk")
        elif not self.nullable:
            parts.append("nn")
        if self.unique and not self.pk:
            parts.append("uq")
        if self.default is not None:
            parts.append("def=" + self.default)
        if self.fk:
            parts.append("fk=" + self.fk)
        return " ".join(parts)


def table_spec(cols):
    return " | ".join(c.spec() for c in cols)


SAFE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def simple_default(v):
    """A default as the evaluation format can hold it (no spaces or bars)."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return str(v)
    if isinstance(v, str) and re.match(r"^[A-Za-z0-9_.\-]{1,24}$", v):
        return "'" + v + "'" if not re.match(r"^-?[0-9.]+$", v) else v
    return None


class Project:
    """Table states of one project: table name -> ordered list of Col."""

    def __init__(self):
        self.tables = {}
        self.models = {}   # django "app.model" (lower) -> table name

    def snapshot(self, names):
        return {n: [c.copy() for c in self.tables[n]] for n in names if n in self.tables}


# ------------------------------------------------------------- git input ----

def git(gitdir, *args):
    return subprocess.run(["git", "--git-dir", gitdir] + list(args), check=True, capture_output=True).stdout


def file_versions(gitdir, kind):
    """(commit, time, path) of every migration file ever added, oldest first:
    each addition of a path starts a generation, read at its last version
    before the path was deleted (files are often rewritten in place)."""
    out = git(gitdir, "log", "--reverse", "--no-renames", "--diff-filter=AMD", "--format=C %H %ct", "--name-status",
              "HEAD", "--", *GLOBS[kind]).decode("utf-8", "replace")
    gens, open_gen, commit, when = [], {}, None, 0
    for line in out.splitlines():
        if line.startswith("C "):
            _, commit, t = line.split()
            when = int(t)
            continue
        parts = line.split("\t")
        if len(parts) != 2:
            continue
        status, path = parts[0].strip(), parts[1].strip()
        if re.search(r"(^|/)(vendor|vendor-local|site-packages|node_modules|tests?)/", path):
            continue
        if status == "A":
            open_gen[path] = len(gens)
            gens.append([commit, when, path])
        elif status == "M" and path in open_gen:
            gens[open_gen[path]][0] = commit
        elif status == "D":
            open_gen.pop(path, None)
    return [tuple(g) for g in gens]


def read_blobs(gitdir, keys):
    proc = subprocess.Popen(["git", "--git-dir", gitdir, "cat-file", "--batch"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE)
    out = {}
    for k in keys:
        proc.stdin.write((k + "\n").encode())
        proc.stdin.flush()
        header = proc.stdout.readline().decode().split()
        if len(header) < 3 or header[1] == "missing":
            continue
        size = int(header[2])
        data = proc.stdout.read(size)
        proc.stdout.read(1)
        out[k] = data.decode("utf-8", "replace")
    proc.stdin.close()
    proc.wait()
    return out


# ---------------------------------------------------------------- django ----

DJANGO_TYPES = {
    "AutoField": "integer", "BigAutoField": "bigint", "SmallAutoField": "smallint",
    "TextField": "text", "IntegerField": "integer", "BigIntegerField": "bigint",
    "SmallIntegerField": "smallint", "PositiveIntegerField": "integer", "PositiveSmallIntegerField": "smallint",
    "PositiveBigIntegerField": "bigint", "BooleanField": "boolean", "NullBooleanField": "boolean",
    "DateTimeField": "timestamptz", "DateField": "date", "TimeField": "time", "DurationField": "interval",
    "FloatField": "double", "UUIDField": "uuid", "JSONField": "jsonb", "BinaryField": "blob",
    "GenericIPAddressField": "varchar(39)", "IPAddressField": "varchar(15)", "EmailField": "varchar(254)",
    "URLField": "varchar(200)", "SlugField": "varchar(50)", "FileField": "varchar(100)",
    "ImageField": "varchar(100)", "FilePathField": "varchar(100)", "HStoreField": "jsonb",
}


def call_name(node):
    f = node.func
    if isinstance(f, ast.Attribute):
        return f.attr
    if isinstance(f, ast.Name):
        return f.id
    return ""


def literal(node):
    try:
        return ast.literal_eval(node)
    except Exception:
        return None


def kwargs(call):
    return {k.arg: k.value for k in call.keywords if k.arg}


def django_field(name, call, project, app, own_table):
    """A Django field call -> Col, or None (many-to-many, unknown)."""
    if not isinstance(call, ast.Call):
        return None
    cls = call_name(call)
    kw = kwargs(call)
    if cls in ("ManyToManyField", "GenericRelation", "TreeManyToManyField") or "ManyToMany" in cls:
        return None
    col_name = literal(kw["db_column"]) if "db_column" in kw else None
    nullable = literal(kw.get("null")) is True if "null" in kw else False
    unique = literal(kw.get("unique")) is True
    pk = literal(kw.get("primary_key")) is True
    default = simple_default(literal(kw["default"])) if "default" in kw else None
    fk = None
    if cls in ("ForeignKey", "OneToOneField", "ParentalKey", "TreeForeignKey") or cls.endswith("ForeignKey"):
        target = kw.get("to") or (call.args[0] if call.args else None)
        ref = None
        if isinstance(target, ast.Attribute) and target.attr == "AUTH_USER_MODEL":
            ref = "auth.user"
        else:
            t = literal(target) if target is not None else None
            if isinstance(t, str):
                ref = t.lower() if "." in t else (app + "." + t.lower() if t != "self" else "self")
        if ref is None:
            return None
        target_table = own_table if ref == "self" else project.models.get(ref, ref.replace(".", "_"))
        to_field = literal(kw["to_field"]) if "to_field" in kw else "id"
        ttype = "integer"
        for c in project.tables.get(target_table, []):
            if c.name == to_field:
                ttype = {"serial": "integer"}.get(c.type, c.type)
        if ttype == "varchar(100)" and to_field == "id":
            ttype = "integer"
        fk = target_table + "." + to_field
        if cls == "OneToOneField":
            unique = True
        return Col(col_name or name + "_id", ttype, nullable, None, unique, pk, fk)
    if cls == "ArrayField":
        base = django_field(name, kw.get("base_field") or (call.args[0] if call.args else None), project, app, own_table)
        t = (base.type if base else "text") + "[]"
        return Col(col_name or name, t, nullable, None, unique, pk)
    if cls in ("CharField", "CICharField") or (cls.endswith("CharField") and "max_length" in kw):
        ml = literal(kw.get("max_length"))
        t = "varchar(%d)" % ml if isinstance(ml, int) else "varchar(255)"
    elif cls == "DecimalField":
        p, s = literal(kw.get("max_digits")), literal(kw.get("decimal_places"))
        t = "numeric(%s,%s)" % (p, s) if isinstance(p, int) and isinstance(s, int) else "numeric"
    elif cls in DJANGO_TYPES:
        t = DJANGO_TYPES[cls]
    else:
        # Project-specific fields: guess from the class name.
        low = cls.lower()
        if "json" in low or "dict" in low or "list" in low or "pickle" in low:
            t = "jsonb"
        elif "uuid" in low:
            t = "uuid"
        elif "bool" in low:
            t = "boolean"
        elif "bigint" in low or "biginteger" in low:
            t = "bigint"
        elif "int" in low or "counter" in low or "bounded" in low:
            t = "integer"
        elif "datetime" in low or "timestamp" in low:
            t = "timestamptz"
        elif "date" in low:
            t = "date"
        elif "text" in low or "markdown" in low or "html" in low:
            t = "text"
        elif "char" in low or "locale" in low or "slug" in low or "url" in low or "email" in low or "color" in low:
            ml = literal(kw.get("max_length"))
            t = "varchar(%d)" % ml if isinstance(ml, int) else "varchar(255)"
        elif "file" in low or "image" in low:
            t = "varchar(100)"
        elif "float" in low:
            t = "double"
        elif "decimal" in low or "money" in low:
            t = "numeric"
        else:
            return None
    if cls in ("AutoField", "BigAutoField", "SmallAutoField"):
        pk = True
    if pk:
        nullable = False
    return Col(col_name or name, t, nullable, default, unique, pk)


def django_ops(text):
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return None
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "operations" for t in node.targets):
            if isinstance(node.value, (ast.List, ast.Tuple)):
                return [e for e in node.value.elts if isinstance(e, ast.Call)]
    return None


def arg(call, index, key):
    kw = kwargs(call)
    if key in kw:
        return literal(kw[key])
    if len(call.args) > index:
        return literal(call.args[index])
    return None


def arg_node(call, index, key):
    kw = kwargs(call)
    if key in kw:
        return kw[key]
    if len(call.args) > index:
        return call.args[index]
    return None


class Change:
    """One migration file: what it did to which tables."""

    def __init__(self, project):
        self.project = project
        self.before = {}          # table -> snapshot before (first touch)
        self.created = set()      # tables created in this change
        self.dropped = set()
        self.table_renames = []   # (old, new)
        self.col_renames = []     # (table as renamed, old, new)
        self.valid = True
        self.bad = set()          # tables whose replay went wrong in this change
        self.why = []

    def touch(self, table):
        if table not in self.before and table not in self.created and table in self.project.tables:
            self.before[table] = [c.copy() for c in self.project.tables[table]]

    def rename_table(self, old, new):
        if old == new or old not in self.project.tables:
            return
        self.touch(old)
        self.project.tables[new] = self.project.tables.pop(old)
        for i, (o, n) in enumerate(self.table_renames):
            if n == old:
                self.table_renames[i] = (o, new)
                break
        else:
            self.table_renames.append((old, new))
        self.col_renames = [(new if t == old else t, a, b) for t, a, b in self.col_renames]
        # Foreign keys follow the table.
        for cols in self.project.tables.values():
            for c in cols:
                if c.fk and c.fk.split(".")[0] == old:
                    c.fk = new + "." + c.fk.split(".", 1)[1]

    def rename_column(self, table, old, new):
        cols = self.project.tables.get(table)
        if cols is None or old == new:
            return
        self.touch(table)
        col = next((c for c in cols if c.name == old), None)
        if col is None:
            self.bad.add(table)
            self.why.append("rename of unknown column %s.%s" % (table, old))
            return
        col.name = new
        for i, (t, a, b) in enumerate(self.col_renames):
            if t == table and b == old:
                self.col_renames[i] = (t, a, new)
                return
        self.col_renames.append((table, old, new))


def replay_django(project, change, app, ops):
    for op in ops:
        name = call_name(op)
        if name == "CreateModel":
            model = (arg(op, 0, "name") or "").lower()
            options = literal(arg_node(op, 2, "options")) if arg_node(op, 2, "options") is not None else None
            table = (options or {}).get("db_table") if isinstance(options, dict) else None
            table = table or app + "_" + model
            project.models[app + "." + model] = table
            cols = []
            fields = arg_node(op, 1, "fields")
            if isinstance(fields, (ast.List, ast.Tuple)):
                for f in fields.elts:
                    if isinstance(f, ast.Tuple) and len(f.elts) == 2:
                        fname = literal(f.elts[0])
                        c = django_field(fname, f.elts[1], project, app, table)
                        if c:
                            cols.append(c)
            if not any(c.pk for c in cols):
                cols.insert(0, Col("id", "integer", False, None, False, True))
            if table in project.tables:
                # Created again: a history reset (squash, initial revision),
                # not a change anyone made to that table.
                change.touch(table)
                change.bad.add(table)
            else:
                change.created.add(table)
            project.tables[table] = cols
        elif name == "DeleteModel":
            model = (arg(op, 0, "name") or "").lower()
            table = project.models.get(app + "." + model)
            if table in project.tables:
                change.touch(table)
                change.dropped.add(table)
                del project.tables[table]
        elif name in ("AddField", "RemoveField", "AlterField", "RenameField"):
            model = (arg(op, 0, "model_name") or "").lower()
            table = project.models.get(app + "." + model)
            if table is None or table not in project.tables:
                change.why.append("%s on unknown model %s" % (name, model))
                continue
            cols = project.tables[table]
            change.touch(table)
            if name == "RenameField":
                old, new = arg(op, 1, "old_name"), arg(op, 2, "new_name")
                col = next((c for c in cols if c.name in (old, (old or "") + "_id")), None)
                if col is None:
                    change.bad.add(table)
                    change.why.append("RenameField of unknown field %s.%s" % (table, old))
                    continue
                if col.name == old + "_id" and col.fk:
                    change.rename_column(table, col.name, new + "_id")
                elif col.name == old:
                    change.rename_column(table, old, new)
                continue
            fname = arg(op, 1, "name")
            if name == "RemoveField":
                before = len(cols)
                cols[:] = [c for c in cols if c.name not in (fname, (fname or "") + "_id")]
                if len(cols) == before:
                    pass
                continue
            c = django_field(fname, arg_node(op, 2, "field"), project, app, table)
            if c is None:
                continue
            if name == "AddField":
                if not any(x.name == c.name for x in cols):
                    cols.append(c)
            else:
                for i, x in enumerate(cols):
                    if x.name in (c.name, fname, fname + "_id"):
                        c.name = x.name if x.name != fname or not c.fk else c.name
                        cols[i] = c
                        break
        elif name == "RenameModel":
            old, new = (arg(op, 0, "old_name") or "").lower(), (arg(op, 1, "new_name") or "").lower()
            table = project.models.pop(app + "." + old, None)
            if table is None:
                continue
            new_table = app + "_" + new if table == app + "_" + old else table
            project.models[app + "." + new] = new_table
            change.rename_table(table, new_table)
        elif name == "AlterModelTable":
            model = (arg(op, 0, "name") or "").lower()
            table = project.models.get(app + "." + model)
            new_table = arg(op, 1, "table") or app + "_" + model
            if table and table in project.tables:
                project.models[app + "." + model] = new_table
                change.rename_table(table, new_table)


# ----------------------------------------------------------------- rails ----

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


# --------------------------------------------------------------- alembic ----

SA_TYPES = {
    "Integer": "integer", "BigInteger": "bigint", "SmallInteger": "smallint", "Text": "text", "UnicodeText": "text",
    "Boolean": "boolean", "DateTime": "timestamp", "Date": "date", "Time": "time", "Float": "double",
    "JSON": "json", "JSONB": "jsonb", "UUID": "uuid", "LargeBinary": "blob", "Interval": "interval",
    "BIGINT": "bigint", "INTEGER": "integer", "TEXT": "text", "BOOLEAN": "boolean", "TIMESTAMP": "timestamp",
    "DATE": "date", "Binary": "blob", "INET": "varchar(39)", "PickleType": "blob", "Enum": "varchar(32)",
}


def sa_type(node):
    if isinstance(node, ast.Call):
        name = call_name(node)
        if name in ("String", "Unicode", "VARCHAR", "CHAR"):
            ml = literal(node.args[0]) if node.args else literal(kwargs(node).get("length"))
            return "varchar(%d)" % ml if isinstance(ml, int) else "text"
        if name in ("Numeric", "NUMERIC", "DECIMAL"):
            p = literal(node.args[0]) if node.args else None
            s = literal(node.args[1]) if len(node.args) > 1 else None
            return "numeric(%s,%s)" % (p, s) if isinstance(p, int) and isinstance(s, int) else "numeric"
        if name == "ARRAY":
            inner = sa_type(node.args[0]) if node.args else "text"
            return (inner or "text") + "[]"
        if name in ("DateTime", "TIMESTAMP") and literal(kwargs(node).get("timezone")) is True:
            return "timestamptz"
        if name in SA_TYPES:
            return SA_TYPES[name]
        low = name.lower()
        if "utcdatetime" in low or "datetime" in low:
            return "timestamptz"
        if "json" in low:
            return "jsonb"
        if "enum" in low:
            return "integer" if "int" in low else "varchar(32)"
        if "uuid" in low:
            return "uuid"
        return None
    if isinstance(node, ast.Attribute):
        return sa_type(ast.Call(func=node, args=[], keywords=[]))
    if isinstance(node, ast.Name):
        return sa_type(ast.Call(func=node, args=[], keywords=[]))
    return None


def sa_column(call):
    if not isinstance(call, ast.Call) or call_name(call) != "Column" or not call.args:
        return None
    name = literal(call.args[0])
    if not isinstance(name, str):
        return None
    t, fk = None, None
    for a in call.args[1:]:
        if isinstance(a, ast.Call) and call_name(a) == "ForeignKey":
            ref = literal(a.args[0]) if a.args else None
            if isinstance(ref, str) and "." in ref:
                fk = ".".join(ref.split(".")[-2:])
        elif t is None:
            t = sa_type(a)
    if t is None:
        return None
    kw = kwargs(call)
    pk = literal(kw.get("primary_key")) is True
    nullable = literal(kw["nullable"]) if "nullable" in kw else not pk
    default = None
    if "server_default" in kw:
        d = literal(kw["server_default"])
        default = simple_default(d) if isinstance(d, str) else None
    return Col(name, t, nullable is not False, default, literal(kw.get("unique")) is True, pk, fk)


def replay_alembic(project, change, text):
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return
    up = next((n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "upgrade"), None)
    if up is None:
        return

    def batch_tables(fn):
        out = {}
        for n in ast.walk(fn):
            if isinstance(n, ast.With):
                for item in n.items:
                    if isinstance(item.context_expr, ast.Call) and call_name(item.context_expr) == "batch_alter_table" \
                            and isinstance(item.optional_vars, ast.Name):
                        out[item.optional_vars.id] = literal(item.context_expr.args[0]) if item.context_expr.args else None
        return out

    batch = batch_tables(up)
    calls = sorted((n for n in ast.walk(up) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)),
                   key=lambda n: (n.lineno, n.col_offset))
    for call in calls:
        recv = call.func.value
        name = call.func.attr
        table_from_batch = batch.get(recv.id) if isinstance(recv, ast.Name) and recv.id in batch else None
        if not (isinstance(recv, ast.Name) and (recv.id == "op" or table_from_batch)):
            continue
        args = list(call.args)
        if table_from_batch:
            args = [ast.Constant(table_from_batch)] + args
        kw = kwargs(call)
        if name == "create_table" and args:
            table = literal(args[0])
            cols = [c for c in (sa_column(a) for a in args[1:]) if c]
            for a in args[1:]:
                if isinstance(a, ast.Call) and call_name(a) == "PrimaryKeyConstraint":
                    pkcols = [literal(x) for x in a.args]
                    if len(pkcols) == 1:
                        for c in cols:
                            if c.name == pkcols[0]:
                                c.pk, c.nullable = True, False
                if isinstance(a, ast.Call) and call_name(a) == "ForeignKeyConstraint" and len(a.args) == 2:
                    src, dst = literal(a.args[0]), literal(a.args[1])
                    if isinstance(src, list) and isinstance(dst, list) and len(src) == 1 and len(dst) == 1:
                        for c in cols:
                            if c.name == src[0]:
                                c.fk = ".".join(dst[0].split(".")[-2:])
                if isinstance(a, ast.Call) and call_name(a) == "UniqueConstraint" and len(a.args) == 1:
                    for c in cols:
                        if c.name == literal(a.args[0]):
                            c.unique = True
            if isinstance(table, str):
                if table in project.tables:
                    change.touch(table)
                    change.bad.add(table)
                else:
                    change.created.add(table)
                project.tables[table] = cols
        elif name == "drop_table" and args:
            table = literal(args[0])
            if table in project.tables:
                change.touch(table)
                change.dropped.add(table)
                del project.tables[table]
        elif name == "rename_table" and len(args) >= 2:
            change.rename_table(literal(args[0]), literal(args[1]))
        elif name == "add_column" and len(args) >= 2:
            table, c = literal(args[0]), sa_column(args[1])
            if table in project.tables and c:
                change.touch(table)
                if not any(x.name == c.name for x in project.tables[table]):
                    project.tables[table].append(c)
            elif c:
                change.why.append("add_column on unknown table %s" % table)
        elif name == "drop_column" and len(args) >= 2:
            table, col = literal(args[0]), literal(args[1])
            if table in project.tables:
                change.touch(table)
                project.tables[table] = [x for x in project.tables[table] if x.name != col]
        elif name == "alter_column" and len(args) >= 2:
            table, col = literal(args[0]), literal(args[1])
            if table not in project.tables:
                continue
            change.touch(table)
            x = next((c for c in project.tables[table] if c.name == col), None)
            if x is None:
                if "new_column_name" in kw:
                    change.bad.add(table)
                    change.why.append("alter_column of unknown column %s.%s" % (table, col))
                continue
            if "type_" in kw:
                t = sa_type(kw["type_"])
                if t:
                    x.type = t
            if "nullable" in kw and literal(kw["nullable"]) in (True, False):
                x.nullable = literal(kw["nullable"])
            if "new_column_name" in kw:
                change.rename_column(table, col, literal(kw["new_column_name"]))


# ----------------------------------------------------------------- cases ----

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
    col_truth = [(t, o, n) for t, o, n in change.col_renames if o != n]
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


def mine(project_name, kind, gitdir):
    project = Project()
    versions = file_versions(gitdir, kind)
    if kind == "rails":
        versions.sort(key=lambda v: (os.path.basename(v[2]), v[1]))
    else:
        versions.sort(key=lambda v: (v[1], v[2]))
    blobs = read_blobs(gitdir, ["%s:%s" % (c, p) for c, _, p in versions])
    cases, seen = [], set()
    for commit, _, path in versions:
        text = blobs.get("%s:%s" % (commit, path))
        if text is None:
            continue
        change = Change(project)
        if kind == "django":
            if "south" in path or "from south" in text or "squashed" in path or re.search(r"^\s*replaces\s*=", text, re.M):
                continue
            ops = django_ops(text)
            if ops is None:
                continue
            app = path.split("/migrations/")[0].split("/")[-1]
            replay_django(project, change, app, ops)
        elif kind == "rails":
            replay_rails(project, change, text)
        else:
            replay_alembic(project, change, text)
        got = case_from(change, project.tables, text)
        if got:
            before, after, truth = got
            # The same change seen twice (a migrations folder moved, a file
            # copied into another app) counts once.
            key = (tuple((t, table_spec(before[t])) for t in sorted(before)),
                   tuple((t, table_spec(after[t])) for t in sorted(after)), tuple(truth))
            if key in seen:
                continue
            seen.add(key)
            if all(SAFE_NAME.match(c.name) for cols in list(before.values()) + list(after.values()) for c in cols):
                cases.append((commit, path, before, after, truth))
    return cases


def write(out_dir, project_name, kind, commit_head, cases):
    slug = project_name.replace("/", "_").replace(".", "_")
    path = os.path.join(out_dir, slug + ".yaml")
    split = "eval" if project_name in EVAL_PROJECTS else "train"
    lines = [
        "# Mined by scripts/mine-rename-cases.py from the migration history of",
        "# https://github.com/%s (%s migrations), history up to commit %s." % (project_name, kind, commit_head),
        "# Each case: the tables one migration file changed, before and after it;",
        "# `renames` is read from the file's own rename operations. Generated: do not edit.",
        "project: %s" % project_name,
        "split: %s" % split,
        "cases:",
    ]
    for commit, file, before, after, truth in cases:
        ident = hashlib.sha1((commit + file).encode()).hexdigest()[:10]
        lines.append("  - id: %s-%s" % (slug, ident))
        lines.append("    commit: %s" % commit)
        lines.append("    file: %s" % yaml_str(file))
        lines.append("    before:")
        for t in sorted(before):
            lines.append("      %s: %s" % (t, yaml_str(table_spec(before[t]))))
        lines.append("    after:")
        for t in sorted(after):
            lines.append("      %s: %s" % (t, yaml_str(table_spec(after[t]))))
        lines.append("    renames: [%s]" % ", ".join(yaml_str(t) for t in truth))
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    return path


def find_gitdir(mirrors, project_name):
    owner_name = project_name.replace("/", "+")
    for cand in (os.path.join(mirrors, owner_name, "repo"), os.path.join(mirrors, owner_name + ".git"),
                 os.path.join(mirrors, owner_name)):
        if os.path.isdir(cand):
            return cand
    return None


README_HEAD = """# Mined rename-detection cases

Generated by `scripts/mine-rename-cases.py` (do not edit by hand; rerun it).
Each `*.yaml` file holds the cases of one public project, replayed from its
migration history: for every migration file that renamed a column or a table,
or that dropped columns of a table and added others, the tables it changed
before and after that file. `renames` is the truth as the file's own
operations state it (Django `RenameField`/`RenameModel`/`AlterModelTable`,
Rails `rename_column`/`rename_table`/`t.rename`, Alembic
`alter_column(new_column_name=...)`/`rename_table`), and a drop-and-add whose
data the same file copies unchanged from the old column into the new one
(`SET new = old`, `x.new = x.old`, `update_column(:new, x.old)`) counts as a
rename done by hand (a value computed from the old one does not); every other column that went and came was dropped and
added. Every case names its source: `commit`
(the last commit at which that migration file had this content) and `file`.
Only the extracted table states are stored here, not the projects' code.

`split` divides whole projects into a training part (`train`, which
`scripts/learn-rename-lexicon.py` reads to learn the word substitutions of
real renames) and an evaluation part (`eval`, never read by the learning
script). `tst_renameevaluation` reports both, per project.

Caveats: the replay is approximate (a Python AST / Ruby pattern reading of
the files, no framework is run): custom field classes are typed by their
name, history resets and branch merges can leave a table state slightly
wrong, and a migration that touches a table created outside the migrations is
skipped. Django `RenameField` on a foreign key renames the `_id` column.

Column spec: `name type [pk|nn] [uq] [def=VALUE] [fk=table.column]`, columns
separated by ` | ` in ordinal order.

To regenerate: bring bare git repositories of the projects below (at least up
to the commit given) into DIR as `owner+name/repo` or `owner+name.git`, then
`python3 scripts/mine-rename-cases.py --mirrors DIR`.

| project | kind | history up to commit | split | cases | true renames | cases without a rename |
|---|---|---|---|---|---|---|
"""

README_TAIL = """
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mirrors", required=True)
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "tests", "diff", "data", "mined"))
    ap.add_argument("--only", help="one project (owner/name)")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    total = 0
    rows = []
    for name, kind in PROJECTS:
        if args.only and name != args.only:
            continue
        gitdir = find_gitdir(args.mirrors, name)
        if gitdir is None:
            print("missing: %s (no git directory under %s)" % (name, args.mirrors), file=sys.stderr)
            continue
        head = git(gitdir, "rev-parse", "HEAD").decode().strip()
        cases = mine(name, kind, gitdir)
        path = write(args.out, name, kind, head, cases)
        renames = sum(len(c[4]) for c in cases)
        negatives = sum(1 for c in cases if not c[4])
        total += len(cases)
        rows.append("| %s | %s | `%s` | %s | %d | %d | %d |" % (name, kind, head, "eval" if name in EVAL_PROJECTS else "train",
                                                           len(cases), renames, negatives))
        print("%-40s %4d cases, %4d renames, %3d without a rename  -> %s" % (name, len(cases), renames, negatives,
                                                                            os.path.relpath(path)))
    print("total cases: %d" % total)
    if not args.only:
        with open(os.path.join(args.out, "README.md"), "w") as f:
            f.write(README_HEAD + "\n".join(rows) + "\n" + README_TAIL)


if __name__ == "__main__":
    main()
