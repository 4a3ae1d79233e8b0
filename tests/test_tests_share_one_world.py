"""Tests share one world: fixtures are defined once (``tests/conftest.py`` for those every folder may request, a
folder's conftest.py for its own), builders live in ``tests/builders/``, and no test module imports from a conftest
module (pytest loads conftest files itself; an import makes a second copy of their fixtures)."""

import ast
from collections import defaultdict
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def modules():
    return sorted(TESTS.rglob("*.py"))


def imported_modules(tree: ast.Module):
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            yield node.lineno, node.module, [alias.name for alias in node.names]
        elif isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, []


def is_fixture(decorator: ast.expr) -> bool:
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    return ast.unparse(target) in {"pytest.fixture", "fixture"}


def fixture_names(tree: ast.Module):
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for decorator in node.decorator_list:
                if is_fixture(decorator):
                    named = [
                        k.value.value
                        for k in getattr(decorator, "keywords", [])
                        if k.arg == "name" and isinstance(k.value, ast.Constant)
                    ]
                    yield named[0] if named else node.name


def test_no_module_imports_from_a_conftest():
    found = []
    for path in modules():
        for line, module, names in imported_modules(ast.parse(path.read_text(), str(path))):
            if module.split(".")[-1] == "conftest" or "conftest" in names:
                found.append(f"{path.relative_to(TESTS)}:{line}: {module}")
    assert found == [], "import builders from tests.builders; fixtures are found by pytest:\n" + "\n".join(
        found
    )


def test_each_fixture_name_is_defined_in_one_conftest_only():
    where = defaultdict(list)
    for path in TESTS.rglob("conftest.py"):
        for name in fixture_names(ast.parse(path.read_text(), str(path))):
            where[name].append(str(path.relative_to(TESTS)))
    twice = {name: paths for name, paths in where.items() if len(paths) > 1}
    assert twice == {}, "define it once in tests/conftest.py, or give the folder's own fixture its own name"


def test_the_checks_see_the_fixtures_and_the_imports():
    """The two checks above read the tree the way pytest does: they find the shared fixtures of the root conftest
    and would notice an import of a conftest."""
    root = set(fixture_names(ast.parse((TESTS / "conftest.py").read_text())))
    assert {"province", "procedure", "officers", "signed_in", "api", "staff", "send"} <= root
    sample = ast.parse("from tests.portal.conftest import make_citizen\nimport tests.conftest\n")
    assert [module for _, module, _ in imported_modules(sample)] == [
        "tests.portal.conftest",
        "tests.conftest",
    ]
