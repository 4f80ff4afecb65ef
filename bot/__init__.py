"""taskbot: turn what sales reps type in Slack into Reply tasks, answered with a task card."""

__version__ = "0.1.0"
