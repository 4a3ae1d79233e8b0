"""The one refusal of the files services."""

from __future__ import annotations

from motcua.files.checks import UploadRefused

STATUS = {
    "not_found": 404,
    "forbidden": 403,
    "wrong_state": 409,
    "invalid_input": 422,
    "too_large": 413,
    "expired": 410,
}


class FilesError(Exception):
    """A refused file operation; nothing was stored or changed. ``kind``: not_found, forbidden, wrong_state,
    invalid_input, too_large, or the code of a refused upload (``checks.UploadRefused``). ``field`` names the form
    field the message belongs next to."""

    def __init__(self, kind: str, message: str, *, field: str = ""):
        super().__init__(message)
        self.kind, self.message, self.field = kind, message, field

    @property
    def status(self) -> int:
        return STATUS.get(self.kind, 422)

    @classmethod
    def from_upload(cls, refused: UploadRefused, field: str = "") -> FilesError:
        return cls(
            "too_large" if refused.code == "too_large" else "invalid_input", refused.message, field=field
        )
