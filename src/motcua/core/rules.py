"""What a refused action says, the one vocabulary of refusals of every app (the transition tables of dossiers and
PAKN, files, payments, accounts, online submission): the kind of refusal, the rule that was broken, the input at
fault, and the HTTP status a web or API answer gives it (the API answers every one with ``core.problems.ProblemOut``,
``motcua.api.on_refusal``)."""

from __future__ import annotations


class RuleError(Exception):
    """A refused action; nothing was changed. ``kind``: unknown_action, not_found, wrong_state, forbidden,
    missing_input, invalid_input, stale, conflict, too_large, expired. ``rule``: the row of the table (e.g. T1…T14,
    P1…P13), if any. ``field``: the input at fault, if any (a form shows the message next to it)."""

    HTTP_STATUS = {
        "unknown_action": 404,
        "not_found": 404,
        "forbidden": 403,
        "wrong_state": 409,
        "stale": 409,
        "conflict": 409,
        "missing_input": 422,
        "invalid_input": 422,
        "too_large": 413,
        "expired": 410,
    }

    def __init__(self, kind: str, message: str, *, rule: str = "", field: str = ""):
        super().__init__(message)
        self.kind, self.message, self.rule, self.field = kind, message, rule, field

    @property
    def http_status(self) -> int:
        return self.HTTP_STATUS.get(self.kind, 409)
