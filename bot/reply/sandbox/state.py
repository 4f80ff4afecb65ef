"""Everything one sandbox instance holds, shared by its routes and its middleware."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field

from bot.clock import Clock
from bot.reply.sandbox.faults import FaultQueue
from bot.reply.sandbox.ratelimit import RateLimiter
from bot.reply.sandbox.recording import RequestLog
from bot.reply.sandbox.render import Renderer
from bot.reply.sandbox.seed import CONTACTS, DEMO_USER, TEAMMATES, SeedContact, TeamUser
from bot.reply.sandbox.store import TaskStore

Sleep = Callable[[float], Awaitable[None]]


@dataclass(slots=True)
class SandboxState:
    store: TaskStore
    clock: Clock
    sleep: Sleep
    limiter: RateLimiter
    latency: float = 0.0
    faults: FaultQueue = field(default_factory=FaultQueue)
    log: RequestLog = field(default_factory=RequestLog)
    renderer: Renderer = field(default_factory=Renderer)
    contacts: Mapping[int, SeedContact] = field(
        default_factory=lambda: {contact.id: contact for contact in CONTACTS}
    )
    user: TeamUser = DEMO_USER
    team: tuple[TeamUser, ...] = (DEMO_USER, *TEAMMATES)

    def contact(self, contact_id: int | None) -> SeedContact | None:
        return None if contact_id is None else self.contacts.get(contact_id)

    def reset(self) -> None:
        """Back to a fresh sandbox: no tasks, faults, recorded requests or rate-limit history."""
        self.store.clear()
        self.faults.clear()
        self.log.clear()
        self.limiter.reset()
