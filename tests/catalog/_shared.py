"""Where the shared national catalogue lives (outside the product; tests may read it)."""

from pathlib import Path

import pytest

SHARED_TTHC = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "tthc"
FULL_FILE = SHARED_TTHC / "dvcqg_tthc_chitiet_2642.jsonl"
needs_shared = pytest.mark.skipif(
    not FULL_FILE.exists(), reason=f"shared catalogue not available at {FULL_FILE}"
)
