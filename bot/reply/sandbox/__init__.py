"""The embedded Reply sandbox: a fake of Reply's v3 API that rejects what Reply rejects.

    from bot.reply.sandbox import Sandbox, Fault

    sandbox = Sandbox.create()                    # memory; or db=Path("sandbox.db")
    http = httpx.AsyncClient(transport=sandbox.transport(), base_url="http://reply-sandbox")
    sandbox.faults.push(Fault.status(429, retry_after=2))
    ...
    await sandbox.aclose()

Both of Reply's dialects are served, chosen per request by the auth header: `X-API-Key`
(seed: integer enums, `errorCode`) or `Authorization: Bearer` (beta: string enums, `code`
slugs, `errors[].pointer`). `taskbot sandbox` runs it as a standalone server
(`bot.reply.sandbox.server`). Modules: `core` (`Sandbox`), `state` (what one instance
holds), `app`/`calls` (routing), `auth` (key and dialect), `ratelimit`, `params` (ids,
paging), `tasks` and `contacts` (endpoints), `contract` and `rules` (what is rejected),
`problems` (error bodies), `wire` (JSON shapes), `render` (Handlebars), `search`, `store`,
`seed`, `faults`, `middleware`, `recording` (the requests it was sent), `control`
(`/_sandbox`), `transport`.
"""

from bot.reply.sandbox.core import Sandbox
from bot.reply.sandbox.faults import Fault, FaultQueue
from bot.reply.sandbox.recording import RecordedRequest

__all__ = ["Fault", "FaultQueue", "RecordedRequest", "Sandbox"]
