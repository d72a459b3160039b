"""Django migrations (operations lists) replayed into table states."""

import ast

from .model import Col, simple_default
from .pyast import arg, arg_node, call_name, kwargs, literal

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
