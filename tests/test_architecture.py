"""The package's rooms and the direction of its imports (docs/ARCHITECTURE.md).

Every module's imports of the package are read, those inside functions included: an import
that runs up the flow, a circle between modules, or a package import inside a function fails.
"""
import ast
from pathlib import Path

import pytest

import corpus

PACKAGE = Path(corpus.__file__).parent

# The flow, first to last: a room may import its own modules and any room before it.
LAYERS = [
    {"corpus.errors", "corpus.schema", "corpus.version", "corpus.stopping"},
    {"corpus.dataset"},
    {"corpus.collect"},
    {"corpus.parse"},
    {"corpus.timeline", "corpus.tables"},
    {"corpus.extract"},
    {"corpus.validate"},
    {"corpus.build"},
    {"corpus.release"},
    {"corpus", "corpus.cli", "corpus.cli_options", "corpus.cli_build", "corpus.cli_collect",
     "corpus.__main__", "corpus.headline", "corpus.compile_extractors"},
]
MAX_LINES = 400
# Imports of the package inside a function, each with its reason (docs/ARCHITECTURE.md).
DEFERRED = {("corpus.cli", "corpus.cli_build"):
            "the build commands need the [build] extra and seconds of imports"}


def module_name(path: Path) -> str:
    parts = ["corpus", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def room_of(module: str) -> str:
    """The room a module lies in: its first-level subpackage, or itself at the top."""
    parts = module.split(".")
    return ".".join(parts[:2])


def layer_of(module: str) -> int:
    room = room_of(module)
    return next(i for i, layer in enumerate(LAYERS) if room in layer)


def imports(path: Path) -> list[tuple[str, int, bool]]:
    """(imported module of the package, line, inside a function) for every import in a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inside = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef))
            if isinstance(child, ast.Import):
                found.extend((a.name, child.lineno, inside) for a in child.names
                             if a.name.split(".")[0] == "corpus")
            elif isinstance(child, ast.ImportFrom) and child.module and child.level == 0 \
                    and child.module.split(".")[0] == "corpus":
                for alias in child.names:  # `from corpus.x import y` may import module corpus.x.y
                    sub = f"{child.module}.{alias.name}"
                    found.append((sub if sub in MODULES else child.module, child.lineno, inside))
            visit(child, inside)

    visit(tree, False)
    return found


GRAPH = {name: imports(path) for name, path in MODULES.items()}


def test_every_module_lies_in_a_room_of_the_flow():
    assert [m for m in MODULES if not any(room_of(m) in layer for layer in LAYERS)] == []


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_run_down_the_flow(module):
    upward = [f"line {line}: {target}" for target, line, _ in GRAPH[module]
              if layer_of(target) > layer_of(module)]
    assert upward == [], f"{module} imports a later step of the flow"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_package_import_inside_a_function(module):
    assert [f"line {line}: {target}" for target, line, inside in GRAPH[module]
            if inside and (module, target) not in DEFERRED] == []


def test_no_circle_between_modules():
    edges = {m: {t for t, _, _ in GRAPH[m] if t in MODULES and t != m} for m in MODULES}
    # A package's __init__ importing its own modules is how a room shows its face: not a circle.
    for m in edges:
        edges[m] = {t for t in edges[m] if not (MODULES[m].name == "__init__.py"
                                                  and t.startswith(f"{m}."))}
    state: dict[str, int] = {}
    cycles = []

    def walk(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(edges[node]):
            if state.get(nxt) == 1:
                cycles.append(" -> ".join(path[path.index(nxt):] + [nxt]))
            elif nxt not in state:
                walk(nxt, [*path, nxt])
        state[node] = 2

    for m in sorted(edges):
        if m not in state:
            walk(m, [m])
    assert cycles == []


@pytest.mark.parametrize("module", sorted(MODULES))
def test_modules_stay_short(module):
    assert len(MODULES[module].read_text(encoding="utf-8").splitlines()) <= MAX_LINES


def test_each_room_says_what_it_is_for():
    rooms = [p for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()]
    silent = [p.name for p in rooms if not ast.get_docstring(ast.parse(
        (p / "__init__.py").read_text(encoding="utf-8")))]
    assert silent == []


def test_the_checker_sees_an_upward_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from corpus.build import build\n")
    assert imports(sample) == [("corpus.build", 2, True)]
    assert layer_of("corpus.build") > layer_of("corpus.collect.raw")


def test_the_package_ships_its_type_information():
    assert (PACKAGE / "py.typed").is_file()


def module_closure(module: str) -> set[str]:
    """The package's modules that importing module runs (imports at module level, and the packages
    holding each module)."""
    seen: set[str] = set()
    todo = [module]
    while todo:
        name = todo.pop()
        if name in seen or name not in MODULES:
            continue
        seen.add(name)
        parts = name.split(".")
        todo += [".".join(parts[:i]) for i in range(1, len(parts))]
        todo += [target for target, _, inside in GRAPH[name] if not inside]
    return seen


def test_the_parts_checker_is_forked_before_the_readers_and_extractors_are_imported():
    """`corpus build` forks the worker checking parts in cli.py, before importing cli_build: neither
    cli.py nor the module that worker runs (build/parts.py) may import the readers or extractors
    (issue 30: importing them takes seconds, which only the build's own process pays)."""
    heavy = ("corpus.parse", "corpus.extract", "corpus.build.process", "corpus.cli_build")
    for module in ("corpus.cli", "corpus.build.parts"):
        assert sorted(m for m in module_closure(module) if m.startswith(heavy)) == [], module
    assert "corpus.extract" in module_closure("corpus.cli_build")  # the check sees them
