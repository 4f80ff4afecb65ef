"""Validate real HTTP exchanges against Reply's published OpenAPI document (beta dialect).

`reply-api-v3.md` lists three quirks of that file; each is repaired here, at load time, without
loosening what is checked:

* it says `openapi: 3.1.0` but marks nulls with the 3.0 keyword `nullable: true`, which 3.1
  validators ignore -> rewritten to the 3.1 form (`type: [<type>, "null"]`, or a `oneOf` with
  `{type: "null"}` for composed schemas);
* every 400 is a `oneOf` of "Validation Problem" and "Business Problem", and a problem body
  matches both -> treated as `anyOf`;
* errors are `application/problem+json` -> decoded as JSON.

Two more gaps, found when the sandbox and client met: the contacts filter page shows
`totalCount` that the schema omits (allowed, not required), and Contact has no nullable
strings although a contact may have no email (an unset `email`/URL is "", accepted).

Two checks are stricter than the file's letter, to catch a sloppy fake or client: every
documented response property must be present, and undocumented properties are rejected
(except inside `allOf` members, where JSON Schema cannot express it).

Usage: `validate_exchange(response)` (the response carries its request) raises
`openapi_core` validation errors that say what did not match.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import yaml
from openapi_core import Config, OpenAPI
from openapi_core.datatypes import RequestParameters
from werkzeug.datastructures import Headers, ImmutableMultiDict

SPEC_PATH = Path(__file__).resolve().parents[1] / "data" / "reply" / "reply-v3-openapi.yaml"
SPEC_SERVER = "https://api.reply.io"


def _repair(node: Any, *, in_all_of: bool = False) -> Any:
    if isinstance(node, list):
        return [_repair(item, in_all_of=in_all_of) for item in node]
    if not isinstance(node, dict):
        return node
    fixed = {
        key: _repair(value, in_all_of=key == "allOf") if key != "example" else value
        for key, value in node.items()
    }
    if "properties" in fixed and not in_all_of and isinstance(fixed["properties"], dict):
        # Undocumented fields are errors (stricter than the spec's letter). Members of an
        # allOf are left open: each would forbid its siblings' properties.
        fixed.setdefault("additionalProperties", False)
    if fixed.get("type") == "string" and fixed.get("format") in {"email", "uri"}:
        # Contact has no nullable strings, yet a contact may lack an email (§6.4: "at minimum
        # provide email or a LinkedIn URL"): unset is "" on the wire, which no format matches.
        fixed = {"anyOf": [{"const": ""}, fixed]}
    if fixed.pop("nullable", False) is True:
        kind = fixed.get("type")
        if isinstance(kind, str):
            fixed["type"] = [kind, "null"]
            if "enum" in fixed:
                fixed["enum"] = [*fixed["enum"], None]
        elif kind is None:
            # a composed schema (allOf/oneOf/$ref): null or whatever it was
            fixed = {"oneOf": [{"type": "null"}, fixed]}
    one_of = fixed.get("oneOf")
    if isinstance(one_of, list) and len(one_of) > 1 and all(map(_is_problem, one_of)):
        # "Validation Problem" | "Business Problem": a problem body matches both branches.
        fixed["anyOf"] = fixed.pop("oneOf")
    return fixed


def _is_problem(node: Any) -> bool:
    """Whether a schema is (built on) RFC 9457's "Problem Details" envelope, at any depth."""
    if isinstance(node, dict):
        return node.get("title") == "Problem Details" or any(map(_is_problem, node.values()))
    if isinstance(node, list):
        return any(map(_is_problem, node))
    return False


def _document_total_count(spec: dict[str, Any]) -> None:
    """Reply's contacts-filter page shows `"totalCount": 123` beside `items` and `hasMore`
    (reply-api-v3.md §6.2); the bundled file's schema omits it. The page wins."""
    filter_200 = spec["paths"]["/v3/contacts/filter"]["post"]["responses"]["200"]
    schema = filter_200["content"]["application/json"]["schema"]
    # Allowed, not required: a pattern property is not a "documented property".
    schema.setdefault("patternProperties", {})["^totalCount$"] = {"type": "integer", "minimum": 0}


@cache
def reply_openapi() -> OpenAPI:
    spec = yaml.safe_load(SPEC_PATH.read_text())
    _document_total_count(spec)
    spec = _repair(spec)
    config = Config(
        extra_media_type_deserializers={"application/problem+json": json.loads},
        # Stricter than the spec's letter: every documented response property must be
        # present (and `_repair` forbids undocumented ones). A sandbox that forgets a
        # field, or a client that invents one, is caught.
        response_properties_default_policy="required",
    )
    return OpenAPI.from_dict(spec, config=config)


class _Request:
    """httpx.Request as openapi-core's Request protocol, on the spec's own server URL."""

    def __init__(self, request: httpx.Request) -> None:
        self._request = request
        url = urlsplit(str(request.url))
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(parse_qs(url.query, keep_blank_values=True)),
            header=Headers(dict(request.headers)),
            cookie=ImmutableMultiDict(),
        )
        self._path = url.path

    host_url = SPEC_SERVER

    @property
    def path(self) -> str:
        return self._path

    @property
    def method(self) -> str:
        return self._request.method.lower()

    @property
    def body(self) -> bytes | None:
        return self._request.content or None

    @property
    def content_type(self) -> str:
        return self._request.headers.get("content-type", "application/json")


class _Response:
    def __init__(self, response: httpx.Response) -> None:
        self._response = response

    @property
    def status_code(self) -> int:
        return self._response.status_code

    @property
    def content_type(self) -> str:
        # An empty 401 (Reply's documented form) has no content type; the spec lists
        # problem+json, whose schema an empty body cannot match, so callers skip those.
        return self._response.headers.get("content-type", "application/json")

    @property
    def headers(self) -> Headers:
        return Headers(dict(self._response.headers))

    @property
    def data(self) -> bytes:
        return self._response.content


def validate_request(request: httpx.Request) -> None:
    """Raise if the request does not match the operation it targets (beta dialect)."""
    reply_openapi().validate_request(_Request(request))


def validate_response(response: httpx.Response) -> None:
    """Raise if the response does not match what the spec documents for its request."""
    request = _Request(response.request)
    if response.status_code == 204 and not response.content:
        # DeleteTask documents its 204 as "The response body is empty." yet lists a JSON
        # media type, which no empty body can match: check the status is documented instead.
        operation = reply_openapi().spec / "paths" / _template_of(request.path) / request.method
        documented = operation / "responses"
        assert "204" in documented, f"204 is not documented for {request.path}"
        return
    reply_openapi().validate_response(request, _Response(response))


def validate_exchange(response: httpx.Response) -> None:
    """Raise if the request, or the response to it, does not match the spec."""
    validate_request(response.request)
    validate_response(response)


def _template_of(path: str) -> str:
    """The spec's path template for a concrete path (`/v3/tasks/7` -> `/v3/tasks/{id}`)."""
    parts = path.strip("/").split("/")
    templated = "/" + "/".join("{id}" if part.isdigit() else part for part in parts)
    return templated
