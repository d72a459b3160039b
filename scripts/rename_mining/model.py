"""Table states: columns, a project's tables, one migration file's change."""

import re


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
