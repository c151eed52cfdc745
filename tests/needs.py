"""Skip markers for tests that need a system package, except in CI, where they must run.

CI (the environment variable CI is set) installs every package in .ci/run, so a missing one
there is a broken set-up and the test fails loudly instead of skipping.
"""

from __future__ import annotations

import os

import pytest

from pipeline.errors import LexiconUnavailable, OcrUnavailable
from pipeline.lexicon import lexicon
from pipeline.read import ocr


def _missing(check) -> str | None:  # type: ignore[no-untyped-def]
    try:
        check()
    except (LexiconUnavailable, OcrUnavailable) as e:
        return str(e)
    return None


def _marker(reason: str | None) -> pytest.MarkDecorator:
    return pytest.mark.skipif(
        reason is not None and not os.environ.get("CI"), reason=f"{reason} (runs in CI)"
    )


lexicon_missing = _missing(lexicon)
tesseract_missing = _missing(ocr.tesseract)
needs_lexicon = _marker(lexicon_missing)
needs_tesseract = _marker(tesseract_missing)
