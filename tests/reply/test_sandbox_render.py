"""Handlebars rendering of task templates: real Handlebars, and no way to run code with it."""

from __future__ import annotations

import asyncio
import builtins
import sys
from collections.abc import AsyncIterator

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.reply.enums import Dialect
from bot.reply.sandbox import Sandbox
from bot.reply.sandbox.render import Renderer, TemplateError
from tests.reply.sandbox_fixtures import BOB, DROP, JANE, OPS, client, task_body

BETA = Dialect.BETA


@pytest.fixture
async def renderer() -> AsyncIterator[Renderer]:
    created = Renderer()
    yield created
    created.close()


@pytest.fixture
async def beta() -> AsyncIterator[httpx.AsyncClient]:
    async with Sandbox.create() as sandbox, client(sandbox, BETA) as http:
        yield http


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("Call {{firstName}} {{lastName}}", "Call Jane Cooper"),
        ("{{missing}}Hi{{also.missing}}", "Hi"),  # missing variables render empty
        ("{{company}} & co", "AT&amp;T & co"),  # {{x}} is HTML-escaped, as Handlebars does
        ("{{{company}}}", "AT&T"),  # {{{x}}} is not
        ("{{#if title}}({{title}}){{else}}(no title){{/if}}", "(no title)"),
        ("{{#unless title}}no title{{/unless}}", "no title"),
        ("{{! a comment }}done", "done"),
        ("{{#with firstName}}{{this}}{{/with}}", "Jane"),
    ],
)
async def test_templates_render_as_handlebars_does(
    renderer: Renderer, template: str, expected: str
) -> None:
    variables = {"firstName": "Jane", "lastName": "Cooper", "company": "AT&T", "title": ""}
    assert await renderer.render(template, variables) == expected


@pytest.mark.parametrize(
    "template",
    [
        # pybars3 puts a bracketed name into generated Python unescaped: this one would run.
        "{{[x'); __import__('builtins').__dict__.__setitem__('SANDBOX_PWNED', 1); ('] }}",
        '{{a.[x"]); __import__("builtins").__dict__.__setitem__("SANDBOX_PWNED", 1); ("]}}',
        "{{#with [x'); __import__('builtins').__dict__.__setitem__('SANDBOX_PWNED', 1); ('] }}"
        "{{/with}}",
        "{{#each [x\\'] }}{{/each}}",
        "{{lookup . [y\n]}}",
        "{{#if ok}}{{else}}{{[q']}}{{/if}}",
    ],
)
async def test_a_template_cannot_run_code(renderer: Renderer, template: str) -> None:
    with pytest.raises(TemplateError):
        await renderer.render(template, {})
    assert not hasattr(builtins, "SANDBOX_PWNED")


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("{{/if}}", "not valid Handlebars"),
        ("{{> header}}", "partials"),
        ("{{shout firstName}}", "could not be rendered: Could not find property shout"),
        ("{{#each}}{{/each}}", "could not be rendered"),
    ],
)
async def test_a_broken_template_says_what_is_wrong(
    renderer: Renderer, template: str, message: str
) -> None:
    with pytest.raises(TemplateError, match=message):
        await renderer.render(template, {"firstName": "Jane"})


ALPHABET = "{}[]()'\"\\#/>^!&.=~ \nabcxyz@-"


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(
            st.text(ALPHABET, max_size=12), st.text(ALPHABET, max_size=10).map("{{{{{}}}}}".format)
        ),
        max_size=5,
    ).map("".join)
)
def test_any_template_renders_or_is_refused_never_crashes(template: str) -> None:
    async def attempt() -> None:
        try:
            result = await FUZZ_RENDERER.render(template, {"a": "A", "x": {"y": "Y"}})
        except TemplateError:
            return
        assert isinstance(result, str)

    asyncio.run(attempt())


FUZZ_RENDERER = Renderer()


async def test_compiled_templates_are_cached_and_leave_no_modules_behind(
    renderer: Renderer,
) -> None:
    for n in range(30):
        assert await renderer.render(f"{n}: {{{{firstName}}}}", {"firstName": "Jo"}) == f"{n}: Jo"
    assert await renderer.render("0: {{firstName}}", {"firstName": "Al"}) == "0: Al"
    assert not [name for name in sys.modules if name.startswith("pybars._templates.")]


async def test_the_cache_is_bounded() -> None:
    small = Renderer(cache_size=2)
    try:
        for text in ("a {{x}}", "b {{x}}", "c {{x}}", "a {{x}}"):
            await small.render(text, {"x": 1})
        assert list(small._cache) == ["c {{x}}", "a {{x}}"]
    finally:
        small.close()


async def test_content_uses_the_contact_s_fields_and_custom_fields(
    beta: httpx.AsyncClient,
) -> None:
    template = {
        "body": "{{firstName}} {{lastName}} <{{email}}>, {{title}} at {{company}}, {{city}} "
        "{{country}}, {{phone}}, {{linkedInUrl}}; plan {{plan}}, renews {{renewalDate}}{{nope}}",
        "subject": "{{company}}: {{plan}} renewal",
    }
    body = task_body(BETA, taskType="manualEmail", contactId=JANE, template=template)
    task_id = (await beta.post("/v3/tasks", json=body)).json()["id"]
    task = (await beta.get(f"/v3/tasks/{task_id}", params={"includeContent": "True"})).json()
    assert task["content"] == {
        "body": "Jane Cooper <jane@acme.com>, VP of Sales at Acme, San Francisco United "
        "States, +14155550132, https://www.linkedin.com/in/jane-cooper-acme; plan Enterprise, "
        "renews 2026-03-31",
        "subject": "Acme: Enterprise renewal",
    }
    plain = (await beta.get(f"/v3/tasks/{task_id}", params={"includeContent": "false"})).json()
    assert plain["content"] is None


async def test_a_contact_without_a_name_renders_empty_and_a_todo_without_a_contact_too(
    beta: httpx.AsyncClient,
) -> None:
    for contact, kind in ((OPS, "call"), (DROP, "toDo")):
        template = {"body": "Hi {{firstName}}, ping {{company}}"}
        body = task_body(BETA, taskType=kind, contactId=contact, template=template)
        task_id = (await beta.post("/v3/tasks", json=body)).json()["id"]
        task = (await beta.get(f"/v3/tasks/{task_id}?includeContent=true")).json()
        expected = "Hi , ping Initech" if contact == OPS else "Hi , ping "
        assert task["content"]["body"] == expected


async def test_changing_the_contact_changes_the_rendering(beta: httpx.AsyncClient) -> None:
    task = (await beta.post("/v3/tasks", json=task_body(BETA))).json()
    await beta.put(f"/v3/tasks/{task['id']}", json=task_body(BETA, contactId=BOB))
    edited = (await beta.get(f"/v3/tasks/{task['id']}?includeContent=true")).json()
    assert edited["content"]["body"] == "Call Bob about Globex pricing"


async def test_an_edit_to_an_unrenderable_template_is_refused_and_the_task_kept(
    beta: httpx.AsyncClient,
) -> None:
    task = (await beta.post("/v3/tasks", json=task_body(BETA))).json()
    broken = task_body(BETA, template={"body": "Call {{#if title}}now{{/each}}"})
    response = await beta.put(f"/v3/tasks/{task['id']}", json=broken)
    assert response.status_code == 400
    assert response.json()["code"] == "task.unknown"
    assert "cannot be rendered" in response.json()["detail"]
    assert (await beta.get(f"/v3/tasks/{task['id']}")).json() == task
