"""The task form's pure core: its values, their validation, and the modal's metadata.

No Slack calls and no Reply calls: listeners (and the console) read what Slack sent, call
these, and send what comes back. The Block Kit side is `bot.views.modal`.

    form = FormValues.blank(ctx)                         # /task alone, global shortcut
    form = FormValues.from_draft(draft, ctx)             # "Open in form" after /task
    form = FormValues.from_message(text, permalink, ctx) # message shortcut
    form = FormValues.from_task(task, contact, ctx)      # ✏️ Edit (check edit_blocker(task))
    form, metadata = read_view(body["view"])             # block_actions / view_submission

    match validate_submission(form, ctx, editing=metadata.editing):
        case FormErrors(errors):  # -> ack(response_action="errors", errors=errors)
        case ReadyTask() as ready:  # -> find ready.contact if ready.contact.needs_lookup,
            write = ready.write(contact_id)  # then create (POST) or update (PUT)

    errors_from_reply(exc.field_errors, form)   # Reply's 400, back onto the fields
    contact_errors(choice, matches)             # a typed contact found 0 or 2+ times
    notices_from(draft.problems)                # problems known when the form opens
    FormMetadata(...).encode() / FormMetadata.decode(text)   # private_metadata ≤ 3,000

One Slack rule shapes the listeners: `views.update` keeps the value Slack holds for an input
whose block_id and action_id are unchanged, also an untouched initial one (slack-notes §2.3;
bolt-js #290). So a rebuild never overwrites what the rep sees — which keeps their typing —
and a value cannot be refreshed that way either: a contact typed as an email or `#id` is shown
as typed and found in Reply on saving, not renamed after the form opens. Fields that appear
anew (the subject, the LinkedIn action) do take their initial value.
"""

from bot.forms._contact import ContactChoice, contact_label, typed_choice
from bot.forms._metadata import (
    METADATA_LIMIT,
    EditedTask,
    FormMetadata,
    FormMetadataError,
    HiddenValues,
    Origin,
)
from bot.forms._validate import (
    ERROR_TEXT,
    FormErrors,
    ReadyTask,
    SubmissionResult,
    contact_errors,
    errors_from_reply,
    notices_from,
    validate_submission,
)
from bot.forms._values import (
    BODY_LIMIT,
    SUBJECT_LIMIT,
    FormValues,
    edit_blocker,
    read_view,
)
from bot.forms._when import default_due_text, instant_text

__all__ = [
    "BODY_LIMIT",
    "ERROR_TEXT",
    "METADATA_LIMIT",
    "SUBJECT_LIMIT",
    "ContactChoice",
    "EditedTask",
    "FormErrors",
    "FormMetadata",
    "FormMetadataError",
    "FormValues",
    "HiddenValues",
    "Origin",
    "ReadyTask",
    "SubmissionResult",
    "contact_errors",
    "contact_label",
    "default_due_text",
    "edit_blocker",
    "errors_from_reply",
    "instant_text",
    "notices_from",
    "read_view",
    "typed_choice",
    "validate_submission",
]
