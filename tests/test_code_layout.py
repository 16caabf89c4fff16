"""The shape of the code: short files and functions, a small project package, imports that run one
way (the layers contract in pyproject.toml, checked by import-linter), one value per setting."""

import ast
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SKIPPED_FOLDERS = {"migrations", "node_modules", ".venv", ".git", "staticfiles", "media", "cache"}
MAX_FILE_LINES, MAX_FUNCTION_LINES, MAX_PROJECT_LINES = 300, 50, 600
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def python_files():
    for path in sorted(ROOT.rglob("*.py")):
        if not SKIPPED_FOLDERS & set(path.relative_to(ROOT).parts):
            yield path


def test_no_file_over_300_lines_and_no_function_over_50():
    too_long = []
    for path in python_files():
        text = path.read_text(encoding="utf-8")
        name = path.relative_to(ROOT)
        if len(text.splitlines()) > MAX_FILE_LINES:
            too_long.append(f"{name}: {len(text.splitlines())} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    too_long.append(f"{name}:{node.lineno} {node.name}(): {length} lines")
    assert too_long == []


def test_the_project_package_holds_settings_urls_and_wsgi_only():
    package = ROOT / "alliance_site"
    lines = sum(len(path.read_text().splitlines()) for path in package.rglob("*.py"))
    assert lines < MAX_PROJECT_LINES
    assert {path.name for path in package.iterdir() if path.name != "__pycache__"} == {
        "__init__.py",
        "settings",
        "urls.py",
        "wsgi.py",
    }


def lint_imports(folder):
    return subprocess.run([str(LINT_IMPORTS)], cwd=folder, capture_output=True, text=True, check=False)


def test_imports_run_one_way():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 1 kept, 0 broken." in result.stdout


def test_an_import_that_runs_back_up_breaks_the_contract(tmp_path):
    """The contract is not vacuous: the caching app importing the base app fails it."""
    packages = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["root_packages"]
    for package in packages:
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    (tmp_path / "caching" / "upward.py").write_text("from base.models import HomePage  # noqa\n")
    result = lint_imports(tmp_path)
    assert result.returncode == 1
    assert "caching.upward -> base.models" in result.stdout


def assigned_names(path):
    """{name: line} of the upper-case names a settings module assigns at its top level."""
    names = {}
    for node in ast.parse(path.read_text()).body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        for target in targets:
            for name in ast.walk(target):
                if isinstance(name, ast.Name) and name.id.isupper():
                    names.setdefault(name.id, []).append(node.lineno)
    return names


@pytest.mark.parametrize("module", ["base.py", "security.py", "observability.py"])
def test_each_shared_setting_is_given_one_value_in_one_place(module):
    settings = ROOT / "alliance_site" / "settings"
    here = assigned_names(settings / module)
    assert {name: lines for name, lines in here.items() if len(lines) > 1} == {}
    others = set()
    for other in ("base.py", "security.py", "observability.py"):
        if other != module:
            others |= set(assigned_names(settings / other))
    assert set(here) & others == set()


@pytest.mark.parametrize("environment", ["dev", "production", "test"])
def test_environments_only_change_what_differs(environment):
    """A setting an environment module repeats with the shared value would be a second home for it."""
    from alliance_site.settings import base

    settings = ROOT / "alliance_site" / "settings"
    tree = ast.parse((settings / f"{environment}.py").read_text())
    repeated = []
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
            for target in node.targets:
                if isinstance(target, ast.Name) and getattr(base, target.id, object()) == node.value.value:
                    repeated.append(target.id)
    assert repeated == []
