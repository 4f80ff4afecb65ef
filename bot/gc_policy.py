"""The garbage collector in a long-running taskbot server (HTTP mode, Socket Mode).

    tune_for_serving()      # once, when start-up is done: app built, clients open

CPython's cyclic garbage collector (the `gc` module) stops the event loop while it walks the
objects it tracks, and every ack due meanwhile waits. The ack-latency benchmark
(tests/bench/ack_latency.py, issue 4) found its slowest acks behind such pauses:

* About 75,000 objects live as long as the process: modules, Bolt, slack_sdk and pydantic
  schemas, the grammar's tables. A full collection walked them all: 30 ms on an idle
  machine, 50-77 ms at 100 commands/s. `gc.freeze()` moves them to a permanent generation
  that collections skip (Python docs, gc.freeze).
* A command's objects live as long as its Reply calls: seconds, when Reply is slow (about
  300 commands in flight at 100/s against a Reply that takes a second per call, ~100
  tracked objects each: httpx's coroutines, locks and streams). A middle-generation
  collection walks those that survived young collections since the last one. With
  CPython's default thresholds (700, 10, 10), and still with 50 in place of 10, that was
  every second or two at 100 commands/s, each walking most of the commands in flight: 8-20
  ms pauses, several per 10 s (tests/bench/command_cpu.py with a gc.callbacks probe).
  Collecting it after 500 young collections (about every 40 s at 100/s) lets those
  commands finish first, so reference counting frees their objects and the collection
  meets mostly garbage; none ran during 30 s at 100/s.

What the middle generation still meets is the reference cycles commands leave behind,
which only it frees; the fewer, the cheaper and rarer it is (cards and Reply answers leave
almost none: `bot.views._block_json`, `bot.reply._sending._unbind`). At most 350,000
objects' worth of such garbage (500 x 700 net allocations) can wait between two collections.

Garbage is still collected; only when, and over what, changes. The console does not do this
(one person, one command at a time), nor does an app that tests or another program embed:
the process is theirs.
"""

from __future__ import annotations

import gc
import logging

log = logging.getLogger(__name__)

THRESHOLDS = (700, 500, 10)
"""`gc.set_threshold` arguments: CPython's defaults but for the middle generation (10)."""


def tune_for_serving() -> None:
    """Freeze what start-up left alive and set `THRESHOLDS`."""
    gc.collect()  # start-up's garbage is freed, not frozen
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)
    log.debug("garbage collector: %d start-up objects frozen", gc.get_freeze_count())
