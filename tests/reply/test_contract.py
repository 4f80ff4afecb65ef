"""The client against the sandbox over real HTTP on 127.0.0.1, in both dialects.

Each side was written from Reply's docs without the other; here they meet. Every beta-dialect
exchange is checked against Reply's OpenAPI file on the way through (`CheckedTransport`), so
the client's requests and the sandbox's answers are both held to the published contract.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from bot.domain import (
    CallResolution,
    LinkedInAction,
    TaskStatus,
    TaskType,
    TaskWrite,
)
from bot.reply import (
    NO_RETRY,
    ReplyClient,
    ReplyConflict,
    ReplyConnectionError,
    ReplyNotFound,
    ReplyPermissionError,
    ReplyRateLimited,
    ReplyServerError,
    ReplyTimeout,
    ReplyValidationError,
    RetryPolicy,
    TaskMayHaveBeenCreated,
)
from bot.reply.enums import Dialect
from bot.reply.errors import ReplyAuthenticationError
from bot.reply.sandbox import Fault, Sandbox
from tests.reply.sandbox_fixtures import BOB, JANE, PRIYA, RecordingSleep
from tests.support.openapi import validate_exchange
from tests.support.servers import serve_asgi

NOW = datetime.now(UTC).replace(microsecond=0)
TOMORROW_3PM = (NOW + timedelta(days=1)).replace(hour=15, minute=0, second=0)


class CheckedTransport(httpx.AsyncBaseTransport):
    """A real socket transport that validates every beta exchange against the OpenAPI file."""

    def __init__(self, dialect: Dialect) -> None:
        self._inner = httpx.AsyncHTTPTransport()
        self._dialect = dialect
        self.checked = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self._inner.handle_async_request(request)
        await response.aread()
        # 5xx answers are documented once for all operations ("503 when a downstream
        # dependency is unavailable"), not per operation, so only 4xx/2xx are checked here.
        if self._dialect is Dialect.BETA and response.status_code < 500:
            validate_exchange(
                httpx.Response(
                    response.status_code,
                    headers=response.headers,
                    content=response.content,
                    request=request,
                )
            )
            self.checked += 1
        return response

    async def aclose(self) -> None:
        await self._inner.aclose()


@pytest.fixture(params=[Dialect.SEED, Dialect.BETA], ids=["seed", "beta"])
def dialect(request: pytest.FixtureRequest) -> Dialect:
    param: Dialect = request.param
    return param


@pytest.fixture
async def sandbox() -> AsyncIterator[Sandbox]:
    async with Sandbox.create(rate_limit=False) as sandbox:
        yield sandbox


@pytest.fixture
async def url(sandbox: Sandbox) -> AsyncIterator[str]:
    async with serve_asgi(sandbox.app, lifespan="off") as url:
        yield url


@pytest.fixture
async def transport(dialect: Dialect) -> CheckedTransport:
    return CheckedTransport(dialect)


@pytest.fixture
async def reply(
    url: str, dialect: Dialect, transport: CheckedTransport
) -> AsyncIterator[ReplyClient]:
    async with ReplyClient(
        api_key="contract-test-key",
        base_url=url,
        dialect=dialect,
        transport=transport,
        retry=NO_RETRY,
        timeout=5.0,
    ) as client:
        yield client


def call_jane(**changes: object) -> TaskWrite:
    fields: dict[str, object] = {
        "task_type": TaskType.CALL,
        "start_at": NOW,
        "due_to": TOMORROW_3PM,
        "body": "Ask about {{company}} pricing",
        "contact_id": JANE,
    }
    fields.update(changes)
    return TaskWrite(**fields)  # type: ignore[arg-type]


async def test_a_tasks_whole_life(reply: ReplyClient, transport: CheckedTransport) -> None:
    me = await reply.whoami()
    [jane] = await reply.find_contacts_by_email("JANE@acme.com")
    assert jane.id == JANE

    created = await reply.create_task(call_jane())
    assert created.status is TaskStatus.NEW
    assert created.assigned_user_id == me.user_id
    assert created.due_to == TOMORROW_3PM

    shown = await reply.get_task(created.id)
    assert shown.content is not None
    assert shown.content.body == "Ask about Acme pricing"
    assert shown.delivery is not None
    assert shown.delivery.phone_number == jane.phone

    later = TOMORROW_3PM + timedelta(hours=1)
    edited = await reply.update_task(
        created.id, call_jane(due_to=later, body="Ask {{firstName}} about the renewal")
    )
    assert edited.due_to == later
    assert (await reply.get_task(created.id)).content.body == "Ask Jane about the renewal"  # type: ignore[union-attr]

    done = await reply.complete_task(created.id, call_resolution=CallResolution.POSITIVE)
    assert done.status is TaskStatus.FINISHED
    assert done.finished_at is not None
    with pytest.raises(ReplyConflict):
        await reply.complete_task(created.id)
    with pytest.raises(ReplyValidationError):  # only New tasks can be edited
        await reply.update_task(created.id, call_jane())

    await reply.delete_task(created.id)
    assert (await reply.get_task(created.id)).status is TaskStatus.ARCHIVED

    if transport._dialect is Dialect.BETA:
        assert transport.checked >= 10


async def test_every_type_reads_back_with_its_delivery_target(reply: ReplyClient) -> None:
    [priya] = await reply.find_contacts_by_linkedin("linkedin.com/in/priya-raman-growth/")
    assert priya.id == PRIYA
    linkedin = await reply.create_task(
        call_jane(
            task_type=TaskType.LINKEDIN,
            linkedin_action=LinkedInAction.INMAIL,
            contact_id=PRIYA,
            subject="Hello {{firstName}}",
            body="Loved your talk",
        )
    )
    email = await reply.create_task(call_jane(task_type=TaskType.MANUAL_EMAIL, subject="Q1"))
    todo = await reply.create_task(call_jane(task_type=TaskType.TODO, contact_id=None))

    shown = await reply.get_task(linkedin.id)
    assert shown.linkedin_action is LinkedInAction.INMAIL
    assert shown.delivery is not None
    assert shown.delivery.linkedin_url == priya.linkedin_url
    assert shown.content is not None
    assert shown.content.subject == "Hello Priya"
    assert (await reply.get_task(email.id)).delivery.email == "jane@acme.com"  # type: ignore[union-attr]
    assert (await reply.get_task(todo.id)).delivery is None


async def test_filtering_pages_through_what_was_created(reply: ReplyClient) -> None:
    ids = {(await reply.create_task(call_jane(contact_id=BOB))).id for _ in range(5)}
    found = [t async for t in reply.filter_tasks(contact_id=BOB, page_size=2)]
    assert {t.id for t in found} == ids
    assert all(t.contact is not None and t.contact.id == BOB for t in found)

    done = next(iter(ids))
    await reply.complete_task(done)
    still_open = {t.id async for t in reply.filter_tasks(contact_id=BOB, status=TaskStatus.NEW)}
    assert still_open == ids - {done}


async def test_contacts_by_name(reply: ReplyClient) -> None:
    janes = await reply.search_contacts("Jane")
    assert len(janes) >= 2
    assert JANE in {c.id for c in janes}
    assert (await reply.get_contact(JANE)).display_name == "Jane Cooper"


# ---------------------------------------------------------------------------------------
# Every error class, as the client raises it against the sandbox's real answers


async def test_validation_before_sending_costs_no_request(
    reply: ReplyClient, sandbox: Sandbox
) -> None:
    before = len(sandbox.requests)
    with pytest.raises(ReplyValidationError) as raised:
        await reply.create_task(call_jane(due_to=NOW - timedelta(minutes=1)))
    assert raised.value.status is None
    assert [p.field for p in raised.value.problems] == ["due_to"]
    assert len(sandbox.requests) == before


async def test_validation_from_reply_names_the_field(reply: ReplyClient) -> None:
    with pytest.raises(ReplyValidationError) as raised:
        await reply.create_task(call_jane(contact_id=999_999))
    assert raised.value.status == 400
    assert [p.field for p in raised.value.problems] == ["contact"]


async def test_not_found(reply: ReplyClient) -> None:
    with pytest.raises(ReplyNotFound):
        await reply.get_task(987_654)
    with pytest.raises(ReplyNotFound):
        await reply.get_contact(987_654)


@pytest.mark.parametrize(
    ("status", "error"),
    [(401, ReplyAuthenticationError), (403, ReplyPermissionError), (503, ReplyServerError)],
)
async def test_status_errors(
    reply: ReplyClient, sandbox: Sandbox, status: int, error: type[Exception]
) -> None:
    # The sandbox never refuses a key or a permission by itself (any key is the demo user),
    # so these answers are scripted, on an operation that documents 401 and 403.
    sandbox.faults.push(Fault.status(status, path="/v3/contacts/{id}"))
    with pytest.raises(error):
        await reply.get_contact(JANE)


async def test_rate_limited_after_the_policy_gives_up(
    url: str, dialect: Dialect, sandbox: Sandbox
) -> None:
    sleep = RecordingSleep()
    policy = RetryPolicy(max_attempts=3)
    sandbox.faults.push(Fault.status(429, retry_after=2), times=3)
    async with ReplyClient(
        api_key="k-contract", base_url=url, dialect=dialect, retry=policy, sleep=sleep
    ) as reply:
        with pytest.raises(ReplyRateLimited) as raised:
            await reply.whoami()
    assert raised.value.retry_after == 2
    assert len(sleep.delays) == 2
    assert all(delay >= 2 for delay in sleep.delays)


async def test_a_503_on_a_safe_call_is_retried(
    url: str, dialect: Dialect, sandbox: Sandbox
) -> None:
    sandbox.faults.push(Fault.status(503, path="/v3/tasks/{id}"))
    async with ReplyClient(
        api_key="k-contract", base_url=url, dialect=dialect, sleep=RecordingSleep()
    ) as reply:
        created = await reply.create_task(call_jane())
        assert (await reply.get_task(created.id)).id == created.id


async def test_connection_refused(dialect: Dialect) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    async with ReplyClient(
        api_key="k", base_url=f"http://127.0.0.1:{port}", dialect=dialect, retry=NO_RETRY
    ) as reply:
        with pytest.raises(ReplyConnectionError):
            await reply.whoami()


async def test_timeout(dialect: Dialect) -> None:
    """Reply holds its answer past the client's timeout. The hold is a gate the test opens
    once the timeout is seen, so the server is not left answering for seconds at teardown."""
    gate = asyncio.Event()

    async def held(seconds: float) -> None:  # the sandbox's sleep: wait for the gate
        await gate.wait()

    async with (
        Sandbox.create(rate_limit=False, sleep=held) as sandbox,
        serve_asgi(sandbox.app, lifespan="off") as url,
        ReplyClient(
            api_key="k-contract", base_url=url, dialect=dialect, retry=NO_RETRY, timeout=0.2
        ) as reply,
    ):
        sandbox.faults.push(Fault.delay(60.0, path="/v3/whoami"))
        try:
            with pytest.raises(ReplyTimeout):
                await reply.whoami()
        finally:
            gate.set()


async def test_a_create_lost_on_the_way_back_is_never_sent_twice(
    reply: ReplyClient, sandbox: Sandbox
) -> None:
    sandbox.faults.push(Fault.drop_after_store(method="POST", path="/v3/tasks"))
    with pytest.raises(TaskMayHaveBeenCreated) as raised:
        await reply.create_task(call_jane(contact_id=BOB))
    posts = [r for r in sandbox.requests if r.method == "POST" and r.path == "/v3/tasks"]
    assert len(posts) == 1
    assert raised.value.task.contact_id == BOB
    # The task is there: a caller can reconcile by looking for it.
    [stored] = [t async for t in reply.filter_tasks(contact_id=BOB)]
    assert stored.due_to == TOMORROW_3PM
