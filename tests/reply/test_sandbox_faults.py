"""Scripted faults, added latency, the rate limit and the `/_sandbox` control routes."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import httpx
import pytest

from bot.reply.enums import Dialect
from bot.reply.sandbox import Fault, Sandbox
from tests.reply.sandbox_fixtures import FakeClock, RecordingSleep, auth, client, task_body
from tests.support.servers import serve_asgi

BETA = Dialect.BETA
TRANSPORTS = [pytest.param(False, id="in-process"), pytest.param(True, id="http")]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def sleep() -> RecordingSleep:
    return RecordingSleep()


@pytest.fixture
async def sandbox(clock: FakeClock, sleep: RecordingSleep) -> AsyncIterator[Sandbox]:
    async with Sandbox.create(clock=clock, sleep=sleep) as created:
        yield created


async def stored_ids(http: httpx.AsyncClient) -> list[int]:
    return [item["id"] for item in (await http.get("/v3/tasks")).json()["items"]]


@pytest.mark.parametrize("over_http", TRANSPORTS)
@pytest.mark.parametrize(
    ("status", "retry_after"), [(429, 2), (429, None), (500, None), (503, 30), (502, None)]
)
async def test_a_scripted_status_answers_without_processing(
    sandbox: Sandbox, over_http: bool, status: int, retry_after: int | None
) -> None:
    sandbox.faults.push(Fault.status(status, retry_after=retry_after))
    async with client(sandbox, BETA, over_http=over_http) as http:
        response = await http.post("/v3/tasks", json=task_body(BETA))
        assert await stored_ids(http) == []
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    assert set(response.json()) == {"title", "status", "detail"}  # the bare envelope
    assert response.headers.get("retry-after") == (
        None if retry_after is None else str(retry_after)
    )
    if status == 429 and retry_after:
        assert response.json()["detail"] == "Rate limit exceeded. Retry after 2 seconds."


@pytest.mark.parametrize(
    ("dialect", "status", "path", "expected"),
    [
        (BETA, 403, "/v3/tasks/7", {"code": "task.forbidden"}),
        (BETA, 404, "/v3/contacts/7", {"code": "contact.notFound"}),
        (BETA, 409, "/v3/tasks/7/complete", {"code": "task.cannotComplete"}),
        (Dialect.SEED, 403, "/v3/tasks/7", {"errorCode": 2}),
        (Dialect.SEED, 404, "/v3/contacts/7", {"errorCode": 1}),
        (BETA, 401, "/v3/tasks/7", {}),
    ],
)
async def test_a_scripted_business_status_carries_the_documented_code(
    sandbox: Sandbox, dialect: Dialect, status: int, path: str, expected: dict[str, object]
) -> None:
    """Reply's 403/404/409 are business problems (a `code` slug, or seed `errorCode`);
    401 and 429 are bare envelopes (reply-api-v3.md §3)."""
    sandbox.faults.push(Fault.status(status))
    async with client(sandbox, dialect) as http:
        body = (await http.get(path)).json()
    assert {k: v for k, v in body.items() if k in {"code", "errorCode"}} == expected


@pytest.mark.parametrize("over_http", TRANSPORTS)
async def test_a_dropped_connection_is_a_remote_protocol_error_and_nothing_is_stored(
    sandbox: Sandbox, over_http: bool
) -> None:
    sandbox.faults.push(Fault.drop())
    async with client(sandbox, BETA, over_http=over_http) as http:
        with pytest.raises(httpx.RemoteProtocolError):
            await http.post("/v3/tasks", json=task_body(BETA))
        assert await stored_ids(http) == []  # and the next request is answered normally
    (dropped, listed) = sandbox.requests
    assert (dropped.status, dropped.fault) == (None, "drop")
    assert listed.status == 200


@pytest.mark.parametrize("over_http", TRANSPORTS)
async def test_a_drop_after_store_loses_the_answer_but_keeps_the_task(
    sandbox: Sandbox, over_http: bool
) -> None:
    sandbox.faults.push(Fault.drop_after_store(method="POST", path="/v3/tasks"))
    async with client(sandbox, BETA, over_http=over_http) as http:
        with pytest.raises(httpx.RemoteProtocolError):
            await http.post("/v3/tasks", json=task_body(BETA))
        assert await stored_ids(http) == [10001]


async def test_a_delay_holds_the_processed_answer(sandbox: Sandbox, sleep: RecordingSleep) -> None:
    sandbox.faults.push(Fault.delay(12.5))
    async with client(sandbox, BETA) as http:
        created = await http.post("/v3/tasks", json=task_body(BETA))
    assert created.status_code == 201
    assert sleep.delays == [12.5]


async def test_a_delay_over_http_trips_a_client_timeout_after_the_task_is_stored() -> None:
    released = asyncio.Event()

    async def held(seconds: float) -> None:  # the delay lasts until the test lets it go
        await released.wait()

    async with Sandbox.create(sleep=held) as sandbox:
        sandbox.faults.push(Fault.delay(30, method="POST"))
        async with serve_asgi(sandbox.app, lifespan="off") as url:
            async with httpx.AsyncClient(base_url=url, headers=auth(BETA)) as http:
                with pytest.raises(httpx.ReadTimeout):
                    await http.post("/v3/tasks", json=task_body(BETA), timeout=0.2)
                assert await stored_ids(http) == [10001]
            released.set()


async def test_faults_are_used_in_order_and_only_by_matching_requests(sandbox: Sandbox) -> None:
    sandbox.faults.push(Fault.status(503, method="POST", path="/v3/tasks/{id}/complete"))
    sandbox.faults.push(Fault.status(500), times=2)
    async with client(sandbox, BETA) as http:
        assert (await http.get("/v3/whoami")).status_code == 500
        assert (await http.get("/v3/whoami")).status_code == 500
        created = await http.post("/v3/tasks", json=task_body(BETA))
        assert created.status_code == 201
        assert (await http.get(f"/v3/tasks/{created.json()['id']}")).status_code == 200
        completed = await http.post(f"/v3/tasks/{created.json()['id']}/complete", json={})
        assert completed.status_code == 503
    assert len(sandbox.faults) == 0


async def test_latency_is_added_to_every_api_response(
    sandbox: Sandbox, sleep: RecordingSleep
) -> None:
    sandbox.latency = 0.25
    sandbox.faults.push(Fault.status(503))
    async with client(sandbox, BETA) as http:
        await http.get("/v3/whoami")
        await http.get("/v3/whoami")  # the scripted 503: late too
        await http.get("/v3/nowhere")
        await http.get("/_sandbox/settings")  # the control routes are not slowed
    assert sleep.delays == [0.25, 0.25, 0.25]
    with pytest.raises(ValueError, match="0 or more"):
        sandbox.latency = -1


async def test_latency_given_at_creation_uses_the_injected_sleep() -> None:
    sleep = RecordingSleep()
    async with Sandbox.create(latency=1.5, sleep=sleep) as sandbox, client(sandbox, BETA) as http:
        await http.post("/v3/tasks", json=task_body(BETA))
    assert sleep.delays == [1.5]


async def test_the_101st_request_in_a_minute_is_refused_until_the_window_moves(
    sandbox: Sandbox, clock: FakeClock
) -> None:
    async with client(sandbox, BETA, key="busy") as http, client(sandbox, BETA, key="calm") as calm:
        for _ in range(60):
            assert (await http.get("/v3/whoami")).status_code == 200
        clock.advance(30)
        for _ in range(40):
            assert (await http.get("/v3/whoami")).status_code == 200
        refused = await http.get("/v3/whoami")
        assert refused.status_code == 429
        assert refused.headers["retry-after"] == "30"  # when the first 60 leave the window
        assert refused.json() == {
            "title": "Too Many Requests",
            "status": 429,
            "detail": "Rate limit exceeded. Retry after 30 seconds.",
        }
        assert (await calm.get("/v3/whoami")).status_code == 200  # per key
        clock.advance(29)
        assert (await http.get("/v3/whoami")).headers["retry-after"] == "1"
        clock.advance(1)
        for _ in range(60):  # refused requests did not count
            assert (await http.get("/v3/whoami")).status_code == 200
        assert (await http.get("/v3/whoami")).status_code == 429


async def test_the_limit_is_shared_by_both_dialects_of_one_key(sandbox: Sandbox) -> None:
    async with (
        client(sandbox, Dialect.SEED, key="k") as seed,
        client(sandbox, BETA, key="k") as beta,
    ):
        for _ in range(50):
            assert (await seed.get("/v3/whoami")).status_code == 200
            assert (await beta.get("/v3/whoami")).status_code == 200
        assert (await seed.get("/v3/whoami")).status_code == 429


async def test_the_rate_limit_can_be_switched_off(clock: FakeClock) -> None:
    async with Sandbox.create(clock=clock, rate_limit=False) as sandbox:
        async with client(sandbox, BETA) as http:
            statuses = {(await http.get("/v3/whoami")).status_code for _ in range(150)}
        assert statuses == {200}
        sandbox.rate_limit = True
        async with client(sandbox, BETA) as http:
            statuses = {(await http.get("/v3/whoami")).status_code for _ in range(101)}
        assert statuses == {200, 429}


async def test_the_control_routes_script_a_standalone_sandbox(sandbox: Sandbox) -> None:
    async with (
        serve_asgi(sandbox.app, lifespan="off") as url,
        httpx.AsyncClient(base_url=url) as http,
    ):
        # curl -d sends a form content type: the control routes read JSON regardless.
        form = {"Content-Type": "application/x-www-form-urlencoded"}
        queued = await http.post(
            "/_sandbox/faults",
            content=b'{"kind": "status", "status": 503, "retryAfter": 4, "times": 2}',
            headers=form,
        )
        assert queued.json() == {"items": [{"kind": "status", "status": 503, "retryAfter": 4}] * 2}
        await http.post("/_sandbox/faults", json={"kind": "dropAfterStore", "path": "/v3/tasks"})
        assert (await http.get("/v3/whoami", headers=auth(BETA))).status_code == 503
        await http.delete("/_sandbox/faults")
        assert (await http.get("/_sandbox/faults")).json() == {"items": []}

        settings = await http.patch("/_sandbox/settings", json={"latency": 0, "rateLimit": False})
        assert settings.json() == {"latency": 0.0, "rateLimit": False}
        assert sandbox.rate_limit is False

        await http.post("/v3/tasks", json=task_body(BETA), headers=auth(BETA, key="secret-key"))
        log = (await http.get("/_sandbox/requests")).json()["items"]
        assert [(e["method"], e["path"], e["status"], e["fault"]) for e in log] == [
            ("GET", "/v3/whoami", 503, "status"),
            ("POST", "/v3/tasks", 201, None),
        ]
        assert log[1]["dialect"] == "beta"
        assert '"taskType":"call"' in log[1]["body"].replace(" ", "")
        assert "secret-key" not in str(log)  # keys are never recorded

        overview = (await http.get("/_sandbox")).json()
        assert overview["tasks"] == 1
        assert overview["demoUser"]["userId"] == sandbox.demo_user.user_id
        assert len(overview["contacts"]) == len(sandbox.contacts)

        assert (await http.post("/_sandbox/reset")).status_code == 204
        assert (await http.get("/_sandbox")).json()["tasks"] == 0
        assert (await http.get("/_sandbox/requests")).json() == {"items": []}


@pytest.mark.parametrize(
    ("spec", "pointer"),
    [
        ({"kind": "explode"}, "/kind"),
        ({"kind": "status"}, ""),
        ({"kind": "status", "status": 200}, ""),
        ({"kind": "delay", "seconds": -1}, ""),
        ({"kind": "drop", "times": 0}, "/times"),
        ({"kind": "drop", "path": "v3/tasks"}, ""),
        ({"kind": "drop", "when": "now"}, "/when"),
    ],
)
async def test_a_bad_fault_is_a_400_that_says_why(
    sandbox: Sandbox, spec: dict[str, object], pointer: str
) -> None:
    async with client(sandbox, BETA) as http:
        response = await http.post("/_sandbox/faults", json=spec)
    assert response.status_code == 400
    assert pointer in [error["pointer"] for error in response.json()["errors"]]
    assert len(sandbox.faults) == 0


def test_fault_constructors_check_their_arguments() -> None:
    with pytest.raises(ValueError, match="4xx or 5xx"):
        Fault.status(302)
    with pytest.raises(ValueError, match="retry_after"):
        Fault.status(429, retry_after=-1)
    with pytest.raises(ValueError, match="starts with '/'"):
        Fault.drop(path="v3/tasks")
    assert Fault.drop(method="post").method == "POST"
