"""Alembic migrations (upgrade()) replayed into table states."""

import ast

from .model import Col, simple_default
from .pyast import call_name, kwargs, literal

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
