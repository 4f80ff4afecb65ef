"""Fixtures for the view tests."""

from __future__ import annotations

import pytest

from bot.domain import Task
from tests.support.task_samples import make_task


@pytest.fixture
def task() -> Task:
    return make_task()
