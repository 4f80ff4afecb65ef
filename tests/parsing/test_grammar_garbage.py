"""Reading a command leaves no reference cycle behind: at 100 commands/s what only the cyclic
garbage collector can free makes it run often, and its pauses delay acks (issue 4;
tests/bench/command_cpu.py --gc)."""

from __future__ import annotations

import gc

from tests.parsing.grammar_support import parse

HEADLINE = "call jane@acme.com tomorrow 3pm Ask about {{company}} pricing"


def test_reading_a_command_leaves_nothing_for_the_cyclic_collector() -> None:
    parse(HEADLINE)  # first-use costs (caches, compiled patterns) paid
    gc.collect()
    gc.disable()
    try:
        parsed = parse(HEADLINE)
        found = gc.collect()
    finally:
        gc.enable()
    assert parsed.is_complete
    assert found == 0, f"one command left {found} objects only the cyclic collector frees"
