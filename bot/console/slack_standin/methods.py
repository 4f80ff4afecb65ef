"""The Web API methods the stand-in answers, with the shapes and errors of Slack's reference
(docs.slack.dev/reference/methods/<name>). Each handler takes the stand-in and the request
parameters and returns the fields of an `ok: true` answer, or raises `SlackError`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from bot.console.slack_standin._records import SlackUser
from bot.console.slack_standin.block_kit import block_problems, load_json, view_problems
from bot.console.slack_standin.views import carry_state, prepare_view

if TYPE_CHECKING:
    from bot.console.slack_standin.core import SlackStandIn

MESSAGE_TEXT_LIMIT = 40_000  # chat.postMessage: "msg_too_long"

# Scopes from each method's reference page ("Required scopes"; any one of them will do).
# auth.test, chat.getPermalink and views.* need none.
SCOPES: dict[str, tuple[str, ...]] = {
    "users.info": ("users:read",),
    "chat.postMessage": ("chat:write",),
    "chat.postEphemeral": ("chat:write",),
    "chat.update": ("chat:write",),
    "conversations.open": ("channels:manage", "groups:write", "im:write", "mpim:write"),
}


class SlackError(Exception):
    """Answered as `{"ok": false, "error": …, **extra}`."""

    def __init__(self, error: str, **extra: Any) -> None:
        super().__init__(error)
        self.error = error
        self.extra = extra


def _invalid(kind: str, problems: list[str]) -> SlackError:
    return SlackError(
        kind,
        errors=problems,
        response_metadata={"messages": [f"[ERROR] {p}" for p in problems]},
    )


def truthy(value: Any) -> bool:
    return value in (True, 1, "1", "true", "True")


def _required(params: Mapping[str, Any], name: str, error: str) -> str:
    """A required string argument; Slack names a missing one with the method's own error."""
    value = params.get(name)
    if not value or not isinstance(value, str):
        raise SlackError(error)
    return value


# --------------------------------------------------------------------------------------
# auth, users


def auth_test(slack: SlackStandIn, params: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "url": f"https://{slack.team_domain}.slack.com/",
        "team": "taskbot test",
        "user": "taskbot",
        "team_id": slack.team_id,
        "user_id": slack.bot_user_id,
        "bot_id": slack.bot_id,
        "is_enterprise_install": False,
    }


def user_json(slack: SlackStandIn, user: SlackUser, *, include_locale: bool) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": user.id,
        "team_id": slack.team_id,
        "name": user.name,
        "deleted": user.deleted,
        "color": "9f69e7",
        "real_name": user.real_name,
        "tz": user.tz,
        "tz_label": user.tz_label,
        "tz_offset": user.tz_offset,
        "profile": {
            "real_name": user.real_name,
            "real_name_normalized": user.real_name,
            "display_name": user.name,
            "display_name_normalized": user.name,
            "team": slack.team_id,
        },
        "is_admin": False,
        "is_owner": False,
        "is_primary_owner": False,
        "is_restricted": False,
        "is_ultra_restricted": False,
        "is_bot": user.is_bot,
        "is_app_user": False,
        "updated": 1764000000,
    }
    if user.tz_offset is None:
        del body["tz_offset"]
    if include_locale:  # users.info: "include_locale: Set this to true to receive the locale"
        body["locale"] = user.locale
    return body


def users_info(slack: SlackStandIn, params: Mapping[str, Any]) -> dict[str, Any]:
    user = slack.users.get(_required(params, "user", "user_not_found"))
    if user is None:
        raise SlackError("user_not_found")
    return {"user": user_json(slack, user, include_locale=truthy(params.get("include_locale")))}


# --------------------------------------------------------------------------------------
# chat


def message_content(params: Mapping[str, Any]) -> tuple[str, list[dict[str, Any]] | None]:
    text = params.get("text") or ""
    blocks = params.get("blocks")
    if blocks in (None, "", []) and not text and not params.get("attachments"):
        raise SlackError("no_text")
    if len(str(text)) > MESSAGE_TEXT_LIMIT:
        raise SlackError("msg_too_long")
    if blocks not in (None, ""):
        problems = block_problems(blocks)
        if problems:
            raise _invalid("invalid_blocks", problems)
        return str(text), load_json(blocks)
    return str(text), None


def _channel(slack: SlackStandIn, params: Mapping[str, Any]) -> str:
    channel = params.get("channel")
    if not isinstance(channel, str) or channel[:1] not in ("C", "G", "D", "U", "W"):
        raise SlackError("channel_not_found")
    if channel[0] in "UW":
        # chat.postMessage: a user id as channel posts to the app's DM with that user.
        if channel not in slack.users:
            raise SlackError("channel_not_found")
        return "D" + channel[1:]
    return channel


def _message(slack: SlackStandIn, text: str, blocks: list[dict[str, Any]] | None) -> dict[str, Any]:
    message: dict[str, Any] = {
        "type": "message",
        "user": slack.bot_user_id,
        "bot_id": slack.bot_id,
        "app_id": slack.app_id,
        "team": slack.team_id,
        "text": text,
        "ts": slack.new_ts(),
    }
    if blocks is not None:
        message["blocks"] = blocks
    return message


def chat_post_message(slack: SlackStandIn, params: Mapping[str, Any]) -> dict[str, Any]:
    channel = _channel(slack, params)
    text, blocks = message_content(params)
    message = _message(slack, text, blocks)
    if params.get("thread_ts"):
        message["thread_ts"] = params["thread_ts"]
    slack.messages[(channel, message["ts"])] = message
    return {"channel": channel, "ts": message["ts"], "message": message}


def chat_post_ephemeral(slack: SlackStandIn, params: Mapping[str, Any]) -> dict[str, Any]:
    _channel(slack, params)
    if params.get("user") not in slack.users:
        raise SlackError("user_not_in_channel")
    text, blocks = message_content(params)
    return {"message_ts": _message(slack, text, blocks)["ts"]}


def chat_update(slack: SlackStandIn, params: Mapping[str, Any]) -> dict[str, Any]:
    channel = _channel(slack, params)
    ts = _required(params, "ts", "message_not_found")
    message = slack.messages.get((channel, ts))
    if message is None:
        raise SlackError("message_not_found")
    if message.get("bot_id") != slack.bot_id:
        raise SlackError("cant_update_message")
    text, blocks = message_content(params)
    message["text"] = text
    message.pop("blocks", None)
    if blocks is not None:
        message["blocks"] = blocks
    message["edited"] = {"user": slack.bot_user_id, "ts": slack.new_ts()}
    return {"channel": channel, "ts": ts, "text": text, "message": message}


def chat_get_permalink(slack: SlackStandIn, params: Mapping[str, Any]) -> dict[str, Any]:
    channel = _channel(slack, params)
    ts = _required(params, "message_ts", "message_not_found")
    message = slack.messages.get((channel, ts))
    if message is None:
        raise SlackError("message_not_found")
    link = f"https://{slack.team_domain}.slack.com/archives/{channel}/p{ts.replace('.', '')}"
    thread_ts = message.get("thread_ts")
    if thread_ts and thread_ts != ts:  # a reply: Slack adds the thread to the link
        link += f"?thread_ts={thread_ts}&cid={channel}"
    return {"channel": channel, "permalink": link}


def conversations_open(slack: SlackStandIn, params: Mapping[str, Any]) -> dict[str, Any]:
    users = [u for u in str(params.get("users") or "").split(",") if u]
    if not users:
        raise SlackError("users_list_not_supplied")
    if len(users) != 1:
        raise SlackError("too_many_users")  # group DMs: not something taskbot opens
    if users[0] not in slack.users:
        raise SlackError("user_not_found")
    return {"channel": {"id": "D" + users[0][1:]}}


# --------------------------------------------------------------------------------------
# views


def _view_param(params: Mapping[str, Any]) -> Any:
    view = params.get("view")
    problems = view_problems(view)
    if problems:
        raise _invalid("invalid_arguments", problems)
    return load_json(view)


def _existing_view(slack: SlackStandIn, params: Mapping[str, Any]) -> dict[str, Any]:
    view_id, external_id = params.get("view_id"), params.get("external_id")
    if view_id:
        found = slack.views.get(view_id)
    else:
        matching = (v for v in slack.views.values() if v.get("external_id") == external_id)
        found = next(matching, None) if external_id else None
    if found is None:
        raise SlackError("not_found")
    return found


def views_open(slack: SlackStandIn, params: Mapping[str, Any]) -> dict[str, Any]:
    view = _view_param(params)
    external_id = view.get("external_id")
    if external_id and any(v.get("external_id") == external_id for v in slack.views.values()):
        raise SlackError("duplicate_external_id")
    slack.use_trigger(params.get("trigger_id"))
    stored = prepare_view(slack, view, view_id=slack.new_id("V"))
    slack.views[stored["id"]] = stored
    slack.view_stacks[stored["id"]] = [stored["id"]]
    return {"view": stored}


def views_update(slack: SlackStandIn, params: Mapping[str, Any]) -> dict[str, Any]:
    current = _existing_view(slack, params)
    given_hash = params.get("hash")
    if given_hash and given_hash != current["hash"]:
        raise SlackError("hash_conflict")  # views.update: "hash_conflict"
    view = _view_param(params)
    stored = prepare_view(slack, view, view_id=current["id"], previous=current)
    stored["state"] = carry_state(current, stored)
    slack.views[current["id"]] = stored
    return {"view": stored}


def views_push(slack: SlackStandIn, params: Mapping[str, Any]) -> dict[str, Any]:
    view = _view_param(params)
    trigger_id = params.get("trigger_id")
    slack.use_trigger(trigger_id)
    origin = slack.trigger_view(trigger_id)
    if origin is None:
        raise SlackError("invalid_trigger_id")  # push needs a trigger from inside a modal
    root = slack.views[origin]["root_view_id"]
    stack = slack.view_stacks[root]
    if len(stack) >= 3:
        raise SlackError("push_limit_reached")  # "may only push two additional views"
    stored = prepare_view(slack, view, view_id=slack.new_id("V"), root=root, previous_id=stack[-1])
    slack.views[stored["id"]] = stored
    stack.append(stored["id"])
    return {"view": stored}


HANDLERS: dict[str, Callable[[SlackStandIn, Mapping[str, Any]], dict[str, Any]]] = {
    "auth.test": auth_test,
    "users.info": users_info,
    "chat.postMessage": chat_post_message,
    "chat.postEphemeral": chat_post_ephemeral,
    "chat.update": chat_update,
    "chat.getPermalink": chat_get_permalink,
    "conversations.open": conversations_open,
    "views.open": views_open,
    "views.update": views_update,
    "views.push": views_push,
}
