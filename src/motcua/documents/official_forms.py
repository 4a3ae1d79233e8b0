"""Which official form is which, in each form set — the one table of the app.

The transition table (``dossiers.lifecycle``) names the form a transition issues in the numbering of TT 01/2018
(``Transition.form``: "01" … "05", and "05-TT03" for the stop notice that only TT 03/2025 has). A dossier prints the
forms of its own set (``Dossier.form_set``, chosen by its receipt date, SPEC §0.3): :data:`ISSUED_AS` turns the
lifecycle's number into the set's own code. The Sổ theo dõi hồ sơ (06 / 07) is not issued by a transition: it is
the unit's book (``services.book``).
"""

from __future__ import annotations

from dataclasses import dataclass

from motcua.dossiers.choices import FormSet

TT01, TT03 = FormSet.TT01_2018.value, FormSet.TT03_2025.value


class Kind:
    RECEIPT = "receipt"  # Giấy tiếp nhận hồ sơ và hẹn trả kết quả
    COMPLETION = "completion"  # Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ
    REFUSAL = "refusal"  # Phiếu từ chối tiếp nhận giải quyết hồ sơ
    APOLOGY = "apology"  # Phiếu xin lỗi và hẹn lại ngày trả kết quả / Văn bản xin lỗi và đề nghị gia hạn
    STOP = "stop"  # Thông báo dừng giải quyết hồ sơ
    CONTROL = "control"  # Phiếu kiểm soát quá trình giải quyết hồ sơ (a view of the process log)
    BOOK = "book"  # Sổ theo dõi hồ sơ (the unit's book)


@dataclass(frozen=True)
class FormSpec:
    form_set: str
    code: str
    kind: str
    title: str
    basis: str  # the legal text the form belongs to, printed at its foot

    @property
    def label(self) -> str:
        return f"Mẫu {self.code}"


_BASIS = {
    TT01: "Thông tư số 01/2018/TT-VPCP ngày 23/11/2018 của Văn phòng Chính phủ",
    TT03: "Thông tư số 03/2025/TT-VPCP của Văn phòng Chính phủ",
}

FORMS: dict[tuple[str, str], FormSpec] = {
    (s, c): FormSpec(s, c, k, t, _BASIS[s])
    for s, c, k, t in (
        (TT01, "01", Kind.RECEIPT, "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"),
        (TT01, "02", Kind.COMPLETION, "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"),
        (TT01, "03", Kind.REFUSAL, "Phiếu từ chối tiếp nhận giải quyết hồ sơ"),
        (TT01, "04", Kind.APOLOGY, "Phiếu xin lỗi và hẹn lại ngày trả kết quả"),
        (TT01, "05", Kind.CONTROL, "Phiếu kiểm soát quá trình giải quyết hồ sơ"),
        (TT01, "06", Kind.BOOK, "Sổ theo dõi hồ sơ"),
        (TT03, "01", Kind.RECEIPT, "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"),
        (TT03, "02", Kind.COMPLETION, "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"),
        (TT03, "03", Kind.REFUSAL, "Phiếu từ chối tiếp nhận giải quyết hồ sơ"),
        (TT03, "04", Kind.APOLOGY, "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết"),
        (TT03, "05", Kind.STOP, "Thông báo dừng giải quyết hồ sơ"),
        (TT03, "06", Kind.CONTROL, "Phiếu kiểm soát quá trình giải quyết hồ sơ"),
        (TT03, "07", Kind.BOOK, "Sổ theo dõi hồ sơ"),
    )
}

# lifecycle form number (TT 01/2018) → the form printed, per dossier form set: (form set, code)
ISSUED_AS: dict[str, dict[str, tuple[str, str]]] = {
    "01": {TT01: (TT01, "01"), TT03: (TT03, "01")},
    "02": {TT01: (TT01, "02"), TT03: (TT03, "02")},
    "03": {TT01: (TT01, "03"), TT03: (TT03, "03")},
    "04": {TT01: (TT01, "04"), TT03: (TT03, "04")},
    "05": {TT01: (TT01, "05"), TT03: (TT03, "06")},
    # ND 61/2018 has no stop notice: a dossier of the old regime stopped now gets the successor's (TT 03/2025)
    "05-TT03": {TT01: (TT03, "05"), TT03: (TT03, "05")},
    "06": {TT01: (TT01, "06"), TT03: (TT03, "07")},
}


def issued_as(lifecycle_form: str, form_set: str) -> FormSpec | None:
    """The form a transition naming ``lifecycle_form`` issues for a dossier of ``form_set`` (None: no form)."""
    target = ISSUED_AS.get(lifecycle_form, {}).get(form_set)
    return FORMS[target] if target else None


def of_kind(form_set: str, kind: str) -> FormSpec | None:
    """The form of ``kind`` in ``form_set`` (e.g. the control sheet or the book of a set)."""
    return next((f for f in FORMS.values() if f.form_set == form_set and f.kind == kind), None)


def spec(form_set: str, code: str) -> FormSpec | None:
    return FORMS.get((form_set, code))


# Forms printed from a template (the book is a table exported as .xlsx, not a template).
TEMPLATED = tuple(f for f in FORMS.values() if f.kind != Kind.BOOK)
