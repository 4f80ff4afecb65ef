"""Handlebars rendering of task templates (`includeContent=true`), with pybars3.

Reply: "The template body may contain handlebars variables (e.g. {{firstName}}) which are
resolved when the task is read or executed" (CreateTask, reply-api-v3.md §5.1). pybars3 is
a real Handlebars implementation: missing variables render empty and `{{x}}` is
HTML-escaped (`&` -> `&amp;`), exactly as Handlebars does; `{{{x}}}` is not escaped.

Three things about pybars3 shape this module:

* It compiles a template to Python source and `exec`s it, and a bracketed path segment
  (`{{[...]}}`) reaches that source unescaped: a template could run code in this process.
  Every template is parsed with pybars' own grammar first, and refused unless every path
  segment is free of quotes, backslashes and control characters. Partials are refused
  (Reply has none a task could name).
* Compiling costs about 15 ms of pure-Python CPU, so compiled templates are cached (LRU)
  and compiled on one dedicated worker thread: the event loop keeps serving meanwhile, and
  pybars' compiler, which keeps state on its class, never runs twice at once.
* Each compile registers a module in `sys.modules`; it is removed again, or a long-running
  sandbox would grow without bound.
"""

from __future__ import annotations

import asyncio
import re
import sys
from collections import OrderedDict
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from typing import Any

Template = Callable[..., str]

# Characters that could end the Python string literal pybars puts a path segment in.
_UNSAFE_SEGMENT = re.compile(r"['\"\\\x00-\x1f\x7f]")


class TemplateError(ValueError):
    """The template cannot be rendered; the message says why, for the person who wrote it."""


@cache
def _pybars() -> Any:
    # pybars builds its grammar at import (~0.3 s): pay it on first use, off the event loop.
    import pybars  # noqa: PLC0415

    return pybars


class Renderer:
    """Checks and renders Handlebars templates. Cheap to create; `close()` stops the worker."""

    def __init__(self, cache_size: int = 512) -> None:
        self._cache: OrderedDict[str, Template | TemplateError] = OrderedDict()
        self._cache_size = cache_size
        self._executor: ThreadPoolExecutor | None = None

    async def render(self, source: str, variables: Mapping[str, object]) -> str:
        """The rendered text; `TemplateError` when the template cannot compile or render."""
        template = await self._template(source)
        pybars = _pybars()
        try:
            return str(template(dict(variables)))
        except (pybars.PybarsError, TypeError, ValueError, LookupError, AttributeError) as exc:
            # e.g. {{foo bar}}: "Could not find property foo" (an unknown helper).
            raise TemplateError(f"the template could not be rendered: {exc}") from None
        except RecursionError:
            raise TemplateError("the template nests too deeply to render") from None

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None

    async def _template(self, source: str) -> Template:
        found = self._cache.get(source)
        if found is None:
            if self._executor is None:
                self._executor = ThreadPoolExecutor(1, thread_name_prefix="sandbox-handlebars")
            loop = asyncio.get_running_loop()
            found = await loop.run_in_executor(self._executor, _compile, source)
            self._cache[source] = found
            if len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        self._cache.move_to_end(source)
        if isinstance(found, TemplateError):
            raise found
        return found


def _compile(source: str) -> Template | TemplateError:
    """Runs on the worker thread. Returns the error rather than raising, so it is cached."""
    pybars = _pybars()
    compiler = _compiler()
    modules_before = set(sys.modules)
    try:
        prepared = compiler.whitespace_control(source)
        tree, (position, _) = compiler._handlebars(prepared).apply("template")
        if position < len(prepared):
            # A syntax error: compile() raises it with pybars' own position and context.
            compiler.compile(source)
        _refuse_unsafe(tree)
        template: Template = compiler.compile(source)
    except TemplateError as exc:
        return exc
    except pybars.PybarsError as exc:
        return TemplateError(f"the template is not valid Handlebars: {exc}")
    except RecursionError:
        return TemplateError("the template nests too deeply to compile")
    except SyntaxError:
        # The walk above should make this unreachable: pybars generated broken Python.
        return TemplateError("the template uses a construct the sandbox cannot compile")
    for name in set(sys.modules) - modules_before:
        if name.startswith("pybars._templates."):
            del sys.modules[name]
    return template


@cache
def _compiler() -> Any:
    return _pybars().Compiler()


def _refuse_unsafe(node: object) -> None:
    """Walk pybars' parse tree; raise if a name could break out of the generated code.

    A node is a list or tuple: `(kind, ...)` when its first item is a string (`"path"`,
    `"block"`, `"partial"`, ...), otherwise a plain list of nodes (a block's arguments)."""
    if not isinstance(node, list | tuple) or not node:
        return
    head = node[0]
    if not isinstance(head, str):
        for child in node:
            _refuse_unsafe(child)
        return
    if head == "partial":
        raise TemplateError("partials ({{> name}}) are not supported in task templates")
    if head == "path" and len(node) == 2 and isinstance(node[1], list):
        for segment in node[1]:
            if isinstance(segment, str) and _UNSAFE_SEGMENT.search(segment):
                raise TemplateError(
                    f"the variable name {segment!r} is not allowed: names may not contain "
                    "quotes, backslashes or line breaks"
                )
        return
    if head in ("block", "invertedblock", "rawblock") and isinstance(node[1], str):
        _refuse_unsafe(("path", [node[1]]))
    for child in node[1:]:
        _refuse_unsafe(child)
