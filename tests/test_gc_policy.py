"""The garbage-collector policy of a long-running server (`bot.gc_policy`), and that only the
server front doors apply it. Each case runs in a fresh interpreter: freezing or retuning
this test process's collector would change every test after it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from bot.gc_policy import THRESHOLDS

ROOT = Path(__file__).resolve().parents[1]


def run_python(code: str, cwd: Path) -> Any:
    """Run `code` in a fresh interpreter (the repository importable, no .env) and return
    the JSON it prints last."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "REPLY_"))}
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_tuning_freezes_start_up_and_still_collects_later_garbage(tmp_path: Path) -> None:
    seen = run_python(
        """
        import gc, json, weakref
        from bot.gc_policy import tune_for_serving

        import bot.http  # what a server has imported by then
        tune_for_serving()

        class Node:
            pass

        node = Node()
        node.self = node  # a cycle: only the collector can free it
        freed = []
        weakref.finalize(node, freed.append, True)
        del node
        gc.collect()
        print(json.dumps({
            "frozen": gc.get_freeze_count(),
            "thresholds": gc.get_threshold(),
            "cycle_freed": freed == [True],
        }))
        """,
        tmp_path,
    )
    assert seen["frozen"] > 10_000
    assert tuple(seen["thresholds"]) == THRESHOLDS
    assert seen["cycle_freed"]


@pytest.mark.parametrize("tune_gc", [True, False], ids=["front-door", "embedded"])
def test_the_http_app_tunes_only_when_it_is_the_server(tmp_path: Path, tune_gc: bool) -> None:
    seen = run_python(
        f"""
        import asyncio, gc, json
        from bot.http import create_http_app
        from bot.settings import Settings

        settings = Settings.model_validate(
            {{"SLACK_BOT_TOKEN": "xoxb-gc", "SLACK_SIGNING_SECRET": "gc-secret"}}
        )

        async def start_and_stop():
            app = create_http_app(settings, tune_gc={tune_gc})
            inbox, outbox = asyncio.Queue(), asyncio.Queue()
            scope = {{"type": "lifespan", "asgi": {{"version": "3.0"}}, "state": {{}}}}
            running = asyncio.create_task(app(scope, inbox.get, outbox.put))
            await inbox.put({{"type": "lifespan.startup"}})
            started = await outbox.get()
            seen = {{
                "started": started["type"],
                "frozen": gc.get_freeze_count(),
                "thresholds": gc.get_threshold(),
            }}
            await inbox.put({{"type": "lifespan.shutdown"}})
            await outbox.get()
            await running
            return seen

        print(json.dumps(asyncio.run(start_and_stop())))
        """,
        tmp_path,
    )
    assert seen["started"] == "lifespan.startup.complete"
    if tune_gc:
        assert seen["frozen"] > 10_000
        assert tuple(seen["thresholds"]) == THRESHOLDS
    else:
        assert seen["frozen"] == 0
        assert tuple(seen["thresholds"]) == (700, 10, 10)
