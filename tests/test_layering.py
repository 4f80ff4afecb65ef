"""Dependencies point one way (ARCHITECTURE.md, "Dependency direction"): the pure core never
imports the Block Kit views, and the date reader never imports the sentences about dates.

Each check imports one package in a fresh interpreter and looks at what came with it, so a
function-level import that would hide a cycle shows up too once it runs."""

from __future__ import annotations

import subprocess
import sys

import pytest


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
