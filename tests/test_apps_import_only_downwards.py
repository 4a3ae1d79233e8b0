"""The apps form layers (ARCHITECTURE.md, "Layers"): an app imports only from the layers below its own.

The layer order is written once, in ARCHITECTURE.md's "Layers" table, and read from there. Every Python file under
``src/motcua/`` is parsed (``ast``, no import is run) for what really loads another app's code: ``import`` and
``from … import`` anywhere in the file (inside functions and ``if TYPE_CHECKING:`` blocks too — a type names the
other app just as much), relative imports, ``include("motcua.x.urls")``, ``import_string``/``import_module`` of a
literal path, and the model strings Django resolves (``apps.get_model("x", …)``, ``ForeignKey("x.Model")``).
Migrations count by their imports only: the model strings in them are the frozen history of the models' state.
Templates are not code: ``{% extends "web/base.html" %}`` is not an edge. The tests folder is not checked.

Run it as a script to see the measured app graph, its cycles and every edge against the order::

    python tests/test_apps_import_only_downwards.py
"""

from __future__ import annotations

import ast
import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROJECT = "project"  # the modules at src/motcua/'s root (api.py, urls.py, settings.py…): the top layer
LOADERS = {"include", "import_string", "import_module"}
RELATIONS = {"ForeignKey", "OneToOneField", "ManyToManyField"}
MODEL = re.compile(r"\w+\.\w+")  # "dossiers.Applicant"


@dataclass(frozen=True)
class Reference:
    path: Path
    line: int
    source: str  # the app whose file refers
    target: str  # the app referred to
    what: str  # the module or model string as written

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.source} → {self.target} ({self.what})"


def apps_in(package: Path) -> set[str]:
    """The Django apps: the packages right under ``motcua`` with an ``apps.py``."""
    return {p.name for p in package.iterdir() if (p / "apps.py").is_file()}


def root_modules(package: Path, apps: set[str]) -> set[str]:
    """What belongs to the project layer: the root's modules and its packages that are no app (``formats/``)."""
    modules = {p.name for p in package.glob("*.py") if p.name != "__init__.py"}
    folders = {
        f"{p.name}/" for p in package.iterdir() if (p / "__init__.py").is_file() and p.name not in apps
    }
    return modules | folders


def _app_of(dotted: str, apps: set[str]) -> str | None:
    parts = dotted.split(".")
    if parts[0] != "motcua":
        return None
    return parts[1] if len(parts) > 1 and parts[1] in apps else PROJECT


def _targets(tree: ast.AST, package: list[str], in_migration: bool) -> Iterator[tuple[int, str, bool]]:
    """(line, what, is a module path) for each reference; a model string gives its app label."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, True
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            if (
                node.module is None or module == "motcua"
            ):  # from .. import x, from motcua import x: x is a module
                for alias in node.names:
                    yield node.lineno, f"{module}.{alias.name}", True
            else:
                yield node.lineno, module, True
        elif isinstance(node, ast.Call):
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            texts = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            texts += [
                k.value.value
                for k in node.keywords
                if k.arg == "to" and isinstance(k.value, ast.Constant) and isinstance(k.value.value, str)
            ]
            if not texts:
                continue
            if name in LOADERS:
                yield node.lineno, texts[0], True
            elif name == "get_model" or (
                name in RELATIONS and MODEL.fullmatch(texts[0]) and not in_migration
            ):
                yield node.lineno, texts[0], False


def references(package: Path) -> Iterator[Reference]:
    """Every reference from one app's code to another app's, in the files under ``package`` (``src/motcua``)."""
    apps = apps_in(package)
    for path in sorted(package.rglob("*.py")):
        parts = list(path.relative_to(package.parent).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        if is_package:
            parts.pop()
        source = _app_of(".".join(parts), apps)
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for line, what, is_module in _targets(
            tree, parts if is_package else parts[:-1], "migrations" in parts
        ):
            if is_module:
                target = _app_of(what, apps)
            else:
                label = what.split(".")[0]
                target = label if label in apps else None  # auth, contenttypes…: Django's, not ours
            if target is not None and target != source:
                yield Reference(path.relative_to(package.parents[1]), line, source, target, what)


def graph(refs) -> dict[str, dict[str, list[Reference]]]:
    edges: dict[str, dict[str, list[Reference]]] = defaultdict(lambda: defaultdict(list))
    for ref in refs:
        edges[ref.source][ref.target].append(ref)
    return edges


def cycles(edges) -> list[list[str]]:
    """Every elementary cycle, each once, starting from its smallest app."""
    found = []

    def walk(start, node, path):
        for nxt in sorted(edges.get(node, {})):
            if nxt == start:
                found.append([*path, start])
            elif nxt > start and nxt not in path:
                walk(start, nxt, [*path, nxt])

    for start in sorted(edges):
        walk(start, start, [start])
    return found


def _section(text: str, title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## )", text, re.S | re.M)
    assert match, f"ARCHITECTURE.md has no '## {title}' section"
    return match.group(1)


def _table(section: str) -> list[list[str]]:
    rows = [line.strip().strip("|").split("|") for line in section.splitlines() if line.startswith("|")]
    return [[cell.strip() for cell in row] for row in rows[2:]]  # past the header and its ruler


def layers_in(text: str, apps: set[str]) -> list[list[str]]:
    """The "Layers" table, lowest first: the apps (backticked) of each row; a row naming root modules is the
    project layer (those modules are returned as ``project:<name>``)."""
    layers = []
    for row in _table(_section(text, "Layers")):
        names = re.findall(r"`([^`]+)`", row[1])
        layer = [n for n in names if n in apps]
        layer += [f"{PROJECT}:{n}" for n in names if n.endswith((".py", "/"))]
        layers.append(layer)
    return layers


def depends_on_column(text: str, apps: set[str]) -> dict[str, set[str]]:
    """The "Apps" table: for each app, the apps its "depends on" column names (backticked app names only)."""
    column = {}
    for row in _table(_section(text, "Apps")):
        app = row[0].strip("`")
        if app in apps:
            column[app] = {n for n in re.findall(r"`([^`]+)`", row[2]) if n in apps}
    return column


def layer_of(layers: list[list[str]]) -> dict[str, int]:
    rank = {}
    for number, layer in enumerate(layers, start=1):
        for name in layer:
            rank[PROJECT if name.startswith(f"{PROJECT}:") else name] = number
    return rank


def against_the_order(refs, rank: dict[str, int]) -> list[str]:
    return [
        f"{ref}: {ref.source} is in layer {rank[ref.source]}, {ref.target} in layer {rank[ref.target]}"
        for ref in refs
        if rank[ref.target] >= rank[ref.source]
    ]


PACKAGE = ROOT / "src" / "motcua"
ARCHITECTURE = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")


def test_the_reader_sees_every_way_code_reaches_another_app(tmp_path):
    package = tmp_path / "src" / "motcua"
    for app in "abcdefghij":
        (package / app / "sub").mkdir(parents=True)
        (package / app / "apps.py").write_text("")
    (package / "a" / "migrations").mkdir()
    (package / "a" / "sub" / "m.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "import motcua.b.x\n"
        "from ...c import y\n"  # relative, from motcua/a/sub/m.py
        "from .. import own\n"  # motcua.a.own: the app itself
        "if TYPE_CHECKING:\n"
        "    from motcua.d.models import Z\n"
        "def later(apps):\n"
        "    from motcua.e import services\n"
        "    return apps.get_model('f', 'Model'), include('motcua.g.urls'), import_string('motcua.h.X')\n"
        "owner = models.ForeignKey('i.Model', on_delete=None)\n"
        "user = models.ForeignKey('auth.User', on_delete=None)\n"
        "other = models.ForeignKey(to='j.Model', on_delete=None)\n"
    )
    (package / "a" / "migrations" / "0001.py").write_text("field = models.ForeignKey('b.Old')\n")
    (package / "urls.py").write_text("from motcua.a import views\n")

    found = {(ref.source, ref.target) for ref in references(package)}

    assert found == {("a", app) for app in "bcdefghij"} | {(PROJECT, "a")}


def test_every_app_and_root_module_has_its_layer():
    apps = apps_in(PACKAGE)
    layers = layers_in(ARCHITECTURE, apps)
    named = [name for layer in layers for name in layer]

    assert sorted(n for n in named if not n.startswith(f"{PROJECT}:")) == sorted(apps), (
        "each app in one layer"
    )
    assert {n.split(":", 1)[1] for n in named if n.startswith(f"{PROJECT}:")} == root_modules(PACKAGE, apps)
    assert all(n.startswith(f"{PROJECT}:") for n in layers[-1]), "the project is the top layer, alone"


def test_apps_import_only_from_lower_layers():
    rank = layer_of(layers_in(ARCHITECTURE, apps_in(PACKAGE)))

    wrong = against_the_order(references(PACKAGE), rank)

    assert not wrong, "references against the layer order (ARCHITECTURE.md, Layers):\n" + "\n".join(wrong)


def test_the_app_table_names_each_apps_real_dependencies():
    apps = apps_in(PACKAGE)
    edges = graph(references(PACKAGE))
    column = depends_on_column(ARCHITECTURE, apps)

    assert set(column) == apps, "every app has its row in ARCHITECTURE.md's app table"
    wrong = {
        app: {
            "missing": sorted(set(edges.get(app, {})) - column[app]),
            "not true": sorted(column[app] - set(edges.get(app, {}))),
        }
        for app in sorted(apps)
        if column[app] != set(edges.get(app, {}))
    }
    assert not wrong, f"ARCHITECTURE.md's 'depends on' column differs from the code: {wrong}"


if __name__ == "__main__":
    apps = apps_in(PACKAGE)
    edges = graph(references(PACKAGE))
    for app in sorted(edges):
        print(f"{app} → {', '.join(sorted(edges[app]))}")
    found = cycles(edges)
    print(f"\n{len(found)} cycles")
    for cycle in found:
        print("  " + " → ".join(cycle))
    column = depends_on_column(ARCHITECTURE, apps)
    missing = sorted((a, b) for a in apps for b in edges.get(a, {}) if b not in column.get(a, set()))
    print(f"\n{len(missing)} edges the app table does not name: {missing}")
    try:
        rank = layer_of(layers_in(ARCHITECTURE, apps))
    except AssertionError as error:
        sys.exit(str(error))
    wrong = against_the_order(references(PACKAGE), rank)
    print(f"\n{len(wrong)} references against the layer order")
    print("\n".join(wrong))
