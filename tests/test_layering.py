"""Dependencies point one way (ARCHITECTURE.md, "Dependency direction"): the pure core never
imports the Block Kit views, and the date reader never imports the sentences about dates.

The views check imports one package in a fresh interpreter and looks at what came with it;
the dates check reads the package's sources, function-level imports included (the way the
old cycle was hidden)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import bot.parsing.dates


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


def test_the_date_reader_does_not_import_the_sentences_about_dates() -> None:
    """bot.messages.dates renders a DateRefusal; bot.parsing.dates must not reach back for it,
    not even from inside a function (a refusal is a value; its sentence is
    `refusal_message(refusal)`)."""
    package = Path(bot.parsing.dates.__file__).parent
    reaching_back = {
        path.name: sorted(m for m in _imports_anywhere(path) if m.startswith("bot.messages"))
        for path in sorted(package.glob("*.py"))
    }
    assert {name: found for name, found in reaching_back.items() if found} == {}
