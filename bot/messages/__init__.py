"""Every sentence taskbot says to a person lives in this package (rule 4 of ARCHITECTURE.md).

One module per area, so wording can be reviewed (and one day translated) in one place:
`dates` (why a date phrase was refused, what to type instead), `reply` (Reply's errors as plain
sentences with the next step), `task` (progress lines, card labels), `usage` (help and examples).
Functions return plain strings or Slack mrkdwn; they do no I/O.
"""
