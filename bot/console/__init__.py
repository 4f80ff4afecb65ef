"""The terminal console: taskbot's third front door, one more transport for the same AsyncApp.

Like errbot's text backend or opsdroid's shell connector, it is never a second copy of the
logic: a line such as `/task call jane@acme.com tomorrow 3pm …` becomes the payload Slack
would send, dispatched through the AsyncApp the HTTP and Socket Mode doors use, and the app's
Web API calls and response_url posts go to a Slack stand-in on 127.0.0.1 (`slack_standin`)
whose answers are printed as text.
"""
