"""The shapes of the API's error answers, one definition for every router (the OpenAPI description names each
once).

- ``MessageOut`` ``{"detail": "…"}``: 401, 403, 404, 409 and 429 with a reason.
- ``ValidationErrorOut`` ``{"detail": [{"loc": [...], "msg": "…"}, …]}``: 422, one entry per wrong field or
  parameter (``loc`` names where: ``body``, ``query``, ``path``, then the field, list positions as numbers).
- ``ProblemOut`` ``{"detail", "rule", "kind", "field"}``: a refused action (``core.rules.RuleError``: a transition
  of a dossier or a PAKN item, or any other app's refusal; the rule broken, the kind of refusal, the field at fault),
  answered by the one handler ``motcua.api.on_refusal`` with the status of its kind.
"""

from ninja import Field, Schema


class MessageOut(Schema):
    detail: str


class FieldErrorOut(Schema):
    loc: list[str | int] = Field(
        description="Vị trí: body, query hoặc path, rồi tên trường (số: vị trí trong danh sách)"
    )
    msg: str


class ValidationErrorOut(Schema):
    detail: list[FieldErrorOut]


class ProblemOut(Schema):
    detail: str
    rule: str = Field(description="Dòng của bảng chuyển trạng thái bị vi phạm (có thể trống)")
    kind: str = Field(
        description="unknown_action, wrong_state, forbidden, missing_input, invalid_input, stale, conflict"
    )
    field: str = Field(description="Trường dữ liệu có lỗi (có thể trống)")
