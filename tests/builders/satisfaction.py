"""Satisfaction ratings for tests: the answers a citizen gives."""

APPLICANT_ID = "038190001234"
APPLICANT_PHONE = "0912345678"


def all_answers(score=2) -> dict:
    return {code: score for code in ("1", "2", "3", "4", "6", "7")}


def form_data(score="2", level="rat_hai_long", comment="") -> dict:
    data = {f"c{code}": score for code in ("1", "2", "3", "4", "6", "7")}
    data.update(level=level, comment=comment)
    return data
