"""Migration files from a bare git repository, every version ever added."""

import re
import subprocess

GLOBS = {
    "django": [":(glob)**/migrations/[0-9]*.py"],
    "rails": [":(glob)**/db/migrate/*.rb"],
    "alembic": [":(glob)**/versions/*.py", ":(glob)**/alembic/versions/*.py"],
}


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
