"""Hypothesis profiles. Locally every run draws new examples, so the property tests keep
exploring; CI (`.ci/run` sets HYPOTHESIS_PROFILE=ci) uses a fixed seed, so a red build
always means a change broke something, never that a new random draw found an old bug —
the Hypothesis docs' advice for CI (https://hypothesis.readthedocs.io/en/latest/settings.html).
A failure found locally is pinned with `@example` next to its test."""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
