"""What a refused action says, shared by the declared transition tables (dossiers, feedback): the kind of refusal,
the rule of the table that was broken, the input at fault, and the HTTP status a web or API answer gives it."""

from __future__ import annotations

from django.utils.translation import gettext as _


class RuleError(Exception):
    """A refused action. ``kind``: unknown_action, wrong_state, forbidden, missing_input, invalid_input, stale,
    conflict. ``rule``: the row of the table (e.g. T1…T14, P1…P13). ``field``: the input at fault, if any."""

    HTTP_STATUS = {
        "unknown_action": 404,
        "forbidden": 403,
        "wrong_state": 409,
        "stale": 409,
        "conflict": 409,
        "missing_input": 422,
        "invalid_input": 422,
    }

    def __init__(self, kind: str, message: str, *, rule: str = "", field: str = ""):
        super().__init__(message)
        self.kind, self.message, self.rule, self.field = kind, message, rule, field

    @property
    def http_status(self) -> int:
        return self.HTTP_STATUS.get(self.kind, 409)


def require_inputs(transition, inputs: dict, labels: dict, error: type[RuleError] = RuleError) -> None:
    """Refuse (``missing_input``, naming the rule and the input) when an input the row of the table ``requires`` is
    absent or blank. ``transition``: a row with ``code``, ``label`` and ``requires``; ``labels``: input → its name."""
    for name in transition.requires:
        value = inputs.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            raise error(
                "missing_input",
                _("%(rule)s “%(label)s”: thiếu %(input)s.")
                % {"rule": transition.code, "label": transition.label, "input": labels.get(name, name)},
                rule=transition.code,
                field=name,
            )
