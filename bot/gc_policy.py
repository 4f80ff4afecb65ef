"""The garbage collector in a long-running taskbot server (HTTP mode, Socket Mode).

    tune_for_serving()      # once, when start-up is done: app built, clients open

CPython's cyclic garbage collector (the `gc` module) stops the event loop while it walks the
objects it tracks, and every ack due meanwhile waits. The ack-latency benchmark
(tests/bench/ack_latency.py, issue 4) found its slowest acks behind such pauses:

* About 75,000 objects live as long as the process: modules, Bolt, slack_sdk and pydantic
  schemas, the grammar's tables. A full collection walked them all: 30 ms on an idle
  machine, 50-77 ms at 100 commands/s. `gc.freeze()` moves them to a permanent generation
  that collections skip (Python docs, gc.freeze).
* A command's objects live as long as its Reply calls: seconds, when Reply is slow. With
  CPython's default thresholds (700, 10, 10) they reach the oldest generation within a
  fraction of a second under load, so each full collection walked every command in flight
  (20-35 ms with 300 of them). Collecting the middle generation after 50 young collections
  instead of 10 lets most commands finish first (reference counting frees their objects),
  and full collections come about five times less often.

Garbage is still collected; only when, and over what, changes. The console does not do this
(one person, one command at a time), nor does an app that tests or another program embed:
the process is theirs.
"""

from __future__ import annotations

import gc
import logging

log = logging.getLogger(__name__)

THRESHOLDS = (700, 50, 10)
"""`gc.set_threshold` arguments: CPython's defaults but for the middle generation (10)."""


def tune_for_serving() -> None:
    """Freeze what start-up left alive and set `THRESHOLDS`."""
    gc.collect()  # start-up's garbage is freed, not frozen
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)
    log.debug("garbage collector: %d start-up objects frozen", gc.get_freeze_count())
