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
import hashlib
import os
import re
import sys

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from rename_mining.alembic import replay_alembic  # noqa: E402
from rename_mining.cases import case_from, yaml_str  # noqa: E402
from rename_mining.django import django_ops, replay_django  # noqa: E402
from rename_mining.gitinput import file_versions, git, read_blobs  # noqa: E402
from rename_mining.model import SAFE_NAME, Change, Project, table_spec  # noqa: E402
from rename_mining.rails import replay_rails  # noqa: E402

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
