"""Command-line windows onto taskbot's parsers (`taskbot when`, `taskbot parse`)."""
