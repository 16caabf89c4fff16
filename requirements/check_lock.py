"""Check that the hashed lock files still match the pins in pyproject.toml.

pyproject.toml lists the direct dependencies (edited by hand); requirements/base.txt (runtime)
and requirements/test.txt (runtime and the `test` extra) are generated from it by `make lock`.
This fails, naming the differences, when a pin was added, changed or removed in pyproject.toml
without regenerating the lock files.

    python3 requirements/check_lock.py
"""

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUIREMENT = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;\\]+)")


def canonical(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(requirements):
    """{name: version} of pyproject-style `name[extras]==version` strings."""
    result = {}
    for requirement in requirements:
        match = REQUIREMENT.match(requirement.strip())
        if not match:
            raise SystemExit(f"pyproject.toml: not pinned with ==: {requirement!r}")
        result[canonical(match[1])] = match[2]
    return result


def read_lock(path):
    """({name: version} of every locked package, names the lock says come from pyproject.toml)."""
    locked, direct, current = {}, set(), None
    for line in path.read_text().splitlines():
        match = REQUIREMENT.match(line)
        if match:
            current = canonical(match[1])
            locked[current] = match[2]
        elif current and "(pyproject.toml)" in line:
            direct.add(current)
    return locked, direct


def problems(lock_name, wanted):
    locked, direct = read_lock(ROOT / "requirements" / lock_name)
    found = []
    for name, version in sorted(wanted.items()):
        if name not in locked:
            found.append(f"{lock_name}: {name}=={version} is missing")
        elif locked[name] != version:
            found.append(f"{lock_name}: {name} is {locked[name]}, pyproject.toml pins {version}")
    for name in sorted(direct - set(wanted)):
        found.append(f"{lock_name}: {name} is no longer a direct dependency in pyproject.toml")
    return found


def main():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    runtime = pins(project["dependencies"])
    test = pins(project.get("optional-dependencies", {}).get("test", []))
    found = problems("base.txt", runtime) + problems("test.txt", {**runtime, **test})
    if found:
        print("\n".join(found), file=sys.stderr)
        print("The lock files are out of date: run 'make lock' and commit requirements/.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
