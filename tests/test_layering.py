"""Dependencies point one way (ARCHITECTURE.md, "Dependency direction"): the pure core never
imports the Block Kit views, and the sentences (bot.messages) import nothing that uses them.

Runtime checks import a module first in a fresh interpreter and look at what came with it;
source checks read every import, function-level ones included (the way a cycle was once
hidden)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import bot.messages


def _loaded_after(statement: str) -> set[str]:
    code = f"import sys\n{statement}\nprint('\\n'.join(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    return set(done.stdout.split())


def _under(modules: set[str], package: str) -> list[str]:
    return sorted(m for m in modules if m == package or m.startswith(f"{package}."))


@pytest.mark.parametrize(
    ("statement", "forbidden"),
    [
        ("import bot.forms", "bot.views"),
        ("import bot.parsing", "bot.views"),
        ("import bot.domain", "bot.views"),
    ],
)
def test_the_pure_core_does_not_import_the_views(statement: str, forbidden: str) -> None:
    assert _under(_loaded_after(statement), forbidden) == []


def _imports_anywhere(path: Path) -> set[str]:
    """Every module a file imports, at its top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


MESSAGES = sorted(
    f"bot.messages.{path.stem}" for path in Path(bot.messages.__file__).parent.glob("[!_]*.py")
)


@pytest.mark.parametrize("module", [m for m in MESSAGES if m != "bot.messages.reply"])
def test_sentences_depend_on_nothing_but_the_domain(module: str) -> None:
    """The grammar, the date reader, the form and the views all use bot.messages, so a
    messages module that imported any of them would close a cycle (messages/dates once
    imported the date model, which reached back for its sentences). `reply` may also read
    the Reply client's error types."""
    path = Path(bot.messages.__file__).parent / f"{module.rsplit('.', 1)[1]}.py"
    ours = {m for m in _imports_anywhere(path) if m.startswith("bot")}
    assert {m for m in ours if not m.startswith(("bot.domain", "bot.messages"))} == set()


@pytest.mark.parametrize("module", MESSAGES)
def test_every_messages_module_can_be_imported_first(module: str) -> None:
    """Importing a module first in a fresh interpreter is what shows a cycle through a
    package's __init__ (bot.messages.dates → bot.parsing → the grammar → bot.messages.dates)."""
    assert module in _loaded_after(f"import {module}")


_EACH_FIRST = """
import importlib, pathlib, sys
import bot
part, parts = int(sys.argv[1]), int(sys.argv[2])
root = pathlib.Path(bot.__file__).parent
names = sorted(
    ".".join(("bot", *path.relative_to(root).with_suffix("").parts)).removesuffix(".__init__")
    for path in root.rglob("*.py")
)[part::parts]
failed = []
for name in names:
    for loaded in [m for m in sys.modules if m == "bot" or m.startswith("bot.")]:
        del sys.modules[loaded]
    try:
        importlib.import_module(name)
    except ImportError as error:
        failed.append(f"{name}: {error}")
print(len(names))
print("\\n".join(failed))
"""


def test_every_bot_module_can_be_imported_first() -> None:
    """A cycle hidden behind a function-level import ("avoids a cycle") or a package's
    __init__ shows up when the module is the first of taskbot's to load; each interpreter
    tries its share in turn, forgetting taskbot's modules (not the libraries) in between.
    Four interpreters side by side: a module takes ~70 ms to load afresh, 160 of them ~12 s."""
    parts = 4
    running = [
        subprocess.Popen(
            [sys.executable, "-c", _EACH_FIRST, str(part), str(parts)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for part in range(parts)
    ]
    count, failed = 0, []
    for process in running:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        first, *lines = out.splitlines()
        count += int(first)
        failed += [line for line in lines if line]
    assert count > 100
    assert failed == []


BOT = Path(bot.messages.__file__).parent.parent


def _bot_files(under: str = "") -> list[Path]:
    return sorted((BOT / under).rglob("*.py"))


def _dotted(path: Path) -> str:
    parts = path.relative_to(BOT.parent).with_suffix("").parts
    return ".".join(parts).removesuffix(".__init__")


def test_only_the_app_imports_the_listeners() -> None:
    """ARCHITECTURE.md: "Nothing imports `listeners/` except `app.py`"."""
    importers = {
        _dotted(path)
        for path in _bot_files()
        if "listeners" not in path.relative_to(BOT).parts
        and any(m.startswith("bot.listeners") for m in _imports_anywhere(path))
    }
    assert importers <= {"bot.app"}


# The Reply client's own leaves: what it may use besides itself, the domain and httpx.
_REPLY_MAY_USE = ("bot.reply", "bot.domain", "bot.clock", "bot.linkedin", "bot.serving")


def test_the_reply_package_depends_only_on_the_domain_and_small_leaves() -> None:
    """ARCHITECTURE.md: "`reply/` depends on `domain.py` and httpx only" — plus the clock,
    LinkedIn URL reading and local serving (the sandbox's), never Slack's side."""
    reaching_out = {
        _dotted(path): sorted(
            m
            for m in _imports_anywhere(path)
            if m.startswith("bot.") and not m.startswith(_REPLY_MAY_USE)
        )
        for path in _bot_files("reply")
    }
    assert {name: found for name, found in reaching_out.items() if found} == {}
