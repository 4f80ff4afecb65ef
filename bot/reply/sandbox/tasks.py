"""The task endpoints (reply-api-v3.md §5): create, list, filter, get, update, delete, complete.

Checks run in the order an ASP.NET service applies them: route id, then the body (its
types, then `rules`), then the task's existence (404), then its state, then the template.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC

from starlette.responses import Response
from starlette.routing import Route

from bot.domain import Task, TaskContent, TaskStatus, TaskTemplate
from bot.reply.sandbox import params, rules, wire
from bot.reply.sandbox.calls import Call, api_route, not_modelled
from bot.reply.sandbox.contract import CompleteBody, TaskBody, filter_body_model
from bot.reply.sandbox.problems import (
    TASK_CANNOT_COMPLETE,
    TASK_CANNOT_DELETE,
    TASK_INVALID_PAGINATION,
    TASK_NOT_EDITABLE,
    TASK_NOT_FOUND,
    TASK_RENDER_ERROR,
    FieldError,
    Problem,
)
from bot.reply.sandbox.render import TemplateError
from bot.reply.sandbox.seed import SeedContact
from bot.reply.sandbox.state import SandboxState

INVALID_BODY = "The request body contains validation errors."


def routes(state: SandboxState) -> list[Route]:
    return [
        api_route(state, "/v3/tasks", {"GET": list_tasks, "POST": create}),
        api_route(state, "/v3/tasks/filter", {"POST": filter_tasks}),
        not_modelled(state, "/v3/tasks/bulk-delete", "POST"),
        not_modelled(state, "/v3/tasks/batch/complete", "POST"),
        not_modelled(state, "/v3/tasks/batch/assign", "POST"),
        api_route(state, "/v3/tasks/{id}", {"GET": get, "PUT": update, "DELETE": delete}),
        api_route(state, "/v3/tasks/{id}/complete", {"POST": complete}),
        not_modelled(state, "/v3/tasks/{id}/execute", "POST"),
        not_modelled(state, "/v3/tasks/{id}/assigned-user", "PUT"),
    ]


async def create(call: Call) -> Response:
    body = await call.body(TaskBody)
    await _check(call, body)
    state = call.state
    blank = Task(
        id=0,
        task_type=body.task_type,
        status=TaskStatus.NEW,
        start_at=body.start_at,
        due_to=body.due_to,
        template=TaskTemplate(""),
        assigned_user_id=state.user.user_id,  # the caller: create has no assignee field
        created_at=state.clock(),
    )
    task = state.store.insert(_written(blank, body))
    return call.json(await _detail(call, task), status=201)


async def list_tasks(call: Call) -> Response:
    page = params.page(call.query, TASK_INVALID_PAGINATION)
    return _page(call, rules.listed(call.state.store.all()), page)


async def filter_tasks(call: Call) -> Response:
    page = params.page(call.query, TASK_INVALID_PAGINATION)
    body = await call.body(filter_body_model(call.dialect))
    errors = rules.filter_problems(body)
    if errors:
        raise Problem.invalid(errors, INVALID_BODY)
    state = call.state
    found = rules.select(state.store.all(), body, now=state.clock(), contacts=state.contacts)
    return _page(call, found, page)


async def get(call: Call) -> Response:
    task_id = call.path_id()
    include_content = params.flag(call.query, "includeContent")
    task = _find(call, task_id)
    return call.json(await _detail(call, task, include_content=include_content))


async def update(call: Call) -> Response:
    task_id = call.path_id()
    body = await call.body(TaskBody)
    errors = rules.task_problems(body, call.state.contacts, call.dialect)
    if errors:
        raise Problem.invalid(errors, INVALID_BODY)
    task = _find(call, task_id)
    if task.status is not TaskStatus.NEW:
        # UpdateTask: canOnlyEditNewTasks surfaces as task.unknown (§5.8).
        raise Problem(TASK_NOT_EDITABLE, "Only tasks with 'New' status can be edited.")
    await _check(call, body)
    # A full replacement. Type and contact may change: user tasks are not sequence tasks.
    updated = _written(task, body)
    call.state.store.replace(updated)
    return call.json(await _detail(call, updated))


async def delete(call: Call) -> Response:
    task = _find(call, call.path_id())
    # DeleteTask (§5.7): "An open task is cancelled and a completed one archived".
    after = {TaskStatus.NEW: TaskStatus.CANCELLED, TaskStatus.FINISHED: TaskStatus.ARCHIVED}
    if task.status not in after:
        raise Problem(TASK_CANNOT_DELETE, "Task cannot be deleted in its current state.")
    call.state.store.replace(dataclasses.replace(task, status=after[task.status]))
    return Response(status_code=204)


async def complete(call: Call) -> Response:
    task_id = call.path_id()
    body = await call.body(CompleteBody)
    task = _find(call, task_id)
    errors = rules.complete_problems(body.call_resolution, task)
    if errors:
        raise Problem.invalid(errors, INVALID_BODY)
    if task.status is not TaskStatus.NEW:
        raise Problem(
            TASK_CANNOT_COMPLETE, "Task is already finished or in an invalid state for completion."
        )
    # "for finished tasks [template] holds the final content" (§5.12): freeze the rendering.
    final = await _content(call, task, call.state.contact(task.contact_id))
    finished = dataclasses.replace(
        task,
        status=TaskStatus.FINISHED,
        finished_at=call.state.clock(),
        template=TaskTemplate(body=final.body, subject=final.subject),
    )
    call.state.store.replace(finished)
    return call.json(await _detail(call, finished))


# --------------------------------------------------------------------------------------


def _find(call: Call, task_id: int) -> Task:
    task = call.state.store.get(task_id)
    if task is None:
        detail = f"Task with ID {task_id} not found or insufficient permissions."
        raise Problem(TASK_NOT_FOUND, detail)
    return task


def _subject(body: TaskBody) -> str | None:
    # "Email subject or LinkedIn message subject. Null for non-email/LinkedIn task types."
    return body.template.subject if body.task_type.has_subject else None


def _written(task: Task, body: TaskBody) -> Task:
    """`task` with every field a create or update body sets."""
    return dataclasses.replace(
        task,
        task_type=body.task_type,
        start_at=body.start_at.astimezone(UTC),
        due_to=body.due_to.astimezone(UTC),
        template=TaskTemplate(body=body.template.body, subject=_subject(body)),
        contact_id=body.contact_id,
        linkedin_action=body.linkedin_action,
    )


async def _check(call: Call, body: TaskBody) -> None:
    """The body's rules, then whether its template renders for its contact."""
    errors = rules.task_problems(body, call.state.contacts, call.dialect)
    if errors:
        raise Problem.invalid(errors, INVALID_BODY)
    contact = call.state.contact(body.contact_id)
    await _render(call, TaskTemplate(body.template.body, _subject(body)), contact)


async def _render(call: Call, template: TaskTemplate, contact: SeedContact | None) -> TaskContent:
    variables = {} if contact is None else contact.variables()
    renderer = call.state.renderer
    rendered: dict[str, str | None] = {"body": None, "subject": None}
    for field, source in (("body", template.body), ("subject", template.subject)):
        if source is None:
            continue
        try:
            rendered[field] = await renderer.render(source, variables)
        except TemplateError as exc:
            # renderError on PUT surfaces as task.unknown (§3); create is held to the same.
            detail = f"The template {field} cannot be rendered: {exc}."
            raise Problem(
                TASK_RENDER_ERROR, detail, [FieldError(f"/template/{field}", detail)]
            ) from None
    return TaskContent(body=rendered["body"] or "", subject=rendered["subject"])


async def _content(call: Call, task: Task, contact: SeedContact | None) -> TaskContent:
    if task.finished_at is not None:
        # Already the final content (rendered when it was completed).
        return TaskContent(body=task.template.body, subject=task.template.subject)
    return await _render(call, task.template, contact)


async def _detail(call: Call, task: Task, *, include_content: bool = False) -> dict[str, object]:
    contact = call.state.contact(task.contact_id)
    content = await _content(call, task, contact) if include_content else None
    return wire.task(task, call.dialect, contact=contact, content=content)


def _page(call: Call, tasks: list[Task], page: params.Page) -> Response:
    items, more = page.cut(tasks)
    state = call.state
    encoded = [
        wire.task_item(task, call.dialect, contact=state.contact(task.contact_id)) for task in items
    ]
    return call.json({"items": encoded, "hasMore": more})
