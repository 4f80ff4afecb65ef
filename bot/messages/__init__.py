"""Every sentence taskbot says to a person lives in this package (rule 4 of ARCHITECTURE.md).

One module per area, so wording can be reviewed (and one day translated) in one place:
`grammar` (what a `/task` command is missing or got wrong), `dates` (why a date phrase was
refused, what to type instead), `outcomes` (a `/task` that ends without a card), `task`
(progress lines, card labels, buttons), `actions` (what a card button did or why not), `form`
(the task form's labels, hints and field errors), `saving` (around saving the form), `reply`
(Reply's errors as plain sentences with the next step), `usage` (help and examples),
`console` (the terminal console's own voice).
Functions return plain strings or Slack mrkdwn; they do no I/O.
"""
