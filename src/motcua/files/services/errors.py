"""The one refusal of the files services."""

from __future__ import annotations

from motcua.core.rules import RuleError
from motcua.files.checks import UploadRefused


class FilesError(RuleError):
    """A refused file operation (see :class:`RuleError`); nothing was stored or changed. ``kind``: not_found,
    forbidden, wrong_state, invalid_input, too_large, expired. ``field`` names the form field the message belongs
    next to."""

    @classmethod
    def from_upload(cls, refused: UploadRefused, field: str = "") -> FilesError:
        return cls(
            "too_large" if refused.code == "too_large" else "invalid_input", refused.message, field=field
        )
