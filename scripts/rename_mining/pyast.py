"""Reading Python migration files with the ast module."""

import ast


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
