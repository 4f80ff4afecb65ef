"""Hypothesis profile. Locally every run draws new examples, so the property tests keep
exploring; CI (`.ci/run` sets HYPOTHESIS_PROFILE=ci) uses Hypothesis's built-in `ci` profile
(a fixed seed, no deadline, no database), so a red build means a change broke something,
never that a new random draw found an old bug — the Hypothesis docs' advice for CI
(https://hypothesis.readthedocs.io/en/latest/settings.html). Hypothesis also picks `ci` by
itself where the CI variable is set. A failure found locally is pinned with `@example`."""

from __future__ import annotations

import os

from hypothesis import settings

if profile := os.environ.get("HYPOTHESIS_PROFILE"):
    settings.load_profile(profile)
