"""Write the sample spreadsheet of internal processes shipped with motcua.

The rows are ``motcua.catalog.importing.processes.SAMPLE_STEPS`` (three approved processes of procedures of the
demo catalogue, units of the demo province); the workbook is written by ``write_sample``, so re-running the
script gives the same content. A test checks that the shipped file matches the rows and imports cleanly.

Usage (from the repository root)::

    PYTHONPATH=src SECRET_KEY=x .venv/bin/python scripts/make_process_sample.py [TARGET]
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "motcua.settings")
    import django

    django.setup()
    from motcua.catalog.importing.processes import SAMPLE_FILE, write_sample

    target = Path(argv[1]) if len(argv) > 1 else SAMPLE_FILE
    write_sample(target)
    print(f"Đã ghi {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
