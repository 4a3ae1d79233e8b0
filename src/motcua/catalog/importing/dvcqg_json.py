"""Parser of the national portal's structured procedure detail (the JSON its public API returns).

Keys as published by the portal's API (seen in public tools that read it): ``code``, ``name``, ``decisionNo``,
``executionMethods[]`` (``submissionMethod`` ONLINE/DIRECT/POSTAL, ``processingTime``, ``processingTimeUnit``
WORKING_DAY/DAY/HOUR/MONTH/YEAR/OTHER, ``description``, ``fees[]`` with ``value``/``description``),
``executionCases[]`` or ``cases[]`` with ``profileComponents[]`` (``name``, ``originalQty``, ``copyQty``,
``required``, ``attachments[]``), root ``profileComponents[]``, ``categoriesDetails[]``, ``legalBasisesDetails[]``,
``resultsDetails[]``, ``executionSteps[]``, ``subjectTypesDetails[]``, ``isMinistry``/``isProvince``/``isWard``/
``isOtherAgency``, ``isFullProcess``, ``isNonTerritorial``. An API envelope ``{"code": "OK", "data": {...}}`` and
``{"detail": {...}}`` wrappers are unwrapped.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from motcua.catalog.importing.records import (
    CaseRecord,
    ChannelOptionRecord,
    ComponentRecord,
    FeeRecord,
    LegalBasisRecord,
    ProcedureRecord,
    ResultRecord,
    clean,
    parse_kind,
    parse_levels,
)

SOURCE = "dvcqg_json"

METHODS = {"DIRECT": "1", "OFFLINE": "1", "ONLINE": "2", "POSTAL": "3", "POST": "3"}
TIME_UNITS = {
    "WORKING_DAY": ("working_days", 1),
    "DAY": ("calendar_days", 1),
    "HOUR": ("working_hours", 1),
    "WORKING_HOUR": ("working_hours", 1),
    "MONTH": ("months", 1),
    "YEAR": ("months", 12),
}
LEVEL_FLAGS = (
    ("isMinistry", "ministry"),
    ("isProvince", "province"),
    ("isDistrict", "district"),
    ("isWard", "commune"),
    ("isCommune", "commune"),
    ("isOtherAgency", "other"),
)


def unwrap(data: dict) -> dict:
    if isinstance(data.get("data"), dict) and "name" in data["data"]:
        return data["data"]
    if isinstance(data.get("detail"), dict):
        return data["detail"]
    return data


def looks_like(data: dict) -> bool:
    if not isinstance(data, dict):
        return False
    data = unwrap(data)
    return "code" in data and any(
        key in data
        for key in (
            "executionMethods",
            "profileComponents",
            "executionCases",
            "cases",
            "legalBasisesDetails",
            "resultsDetails",
            "categoriesDetails",
        )
    )


def _items(value) -> list:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _names(value) -> str:
    if isinstance(value, str):
        return clean(value)
    return "; ".join(clean(item.get("name")) for item in _items(value) if clean(item.get("name")))


def _int(value) -> int:
    try:
        return max(0, int(value or 0))
    except (TypeError, ValueError):
        return 0


def parse_record(data: dict) -> ProcedureRecord:
    raw = data
    data = unwrap(data)
    categories = _items(data.get("categoriesDetails"))
    category = (
        data.get("category")
        if isinstance(data.get("category"), dict)
        else (categories[0] if categories else {})
    )
    record = ProcedureRecord(
        code=clean(data.get("code") or data.get("codeNotation")),
        name=clean(data.get("name")),
        field_name=clean(category.get("name")),
        field_code=clean(category.get("code")),
        decision_number=clean(data.get("decisionNo") or data.get("decisionNumber")),
        subjects=_names(data.get("subjectTypesDetails") or data.get("targetObjects")),
        competent_agency=_names(data.get("departmentsAuthority") or data.get("unitGroupsAuthority")),
        implementing_agency=_names(
            data.get("executingAgencies")
            or data.get("departmentsExecuting")
            or data.get("unitGroupsExecuting")
        ),
        authorized_agency=_names(data.get("departmentsAuthorized")),
        coordinating_agency=_names(data.get("departmentsCoordinating") or data.get("coordinatingAgencies")),
        receiving_place=clean(
            data.get("dossierReceivingAddresses")
            if isinstance(data.get("dossierReceivingAddresses"), str)
            else _names(data.get("dossierReceivingAddresses"))
        ),
        requirements=clean(data.get("requirementsAndConditions")),
        related_procedures=_names(data.get("relatedProcedures")),
        source=SOURCE,
        raw=raw,
    )
    kind_text = data.get("formalityType") or data.get("type") or ""
    record.kind_text = clean(kind_text) if isinstance(kind_text, str) else ""
    record.kind = parse_kind(record.kind_text)
    if data.get("id"):
        record.source_url = f"https://dichvucong.gov.vn/thu-tuc-hanh-chinh/{data['id']}"
    levels = [code for key, code in LEVEL_FLAGS if data.get(key) is True]
    if not levels and isinstance(data.get("implementLevel"), str):
        levels = parse_levels(data["implementLevel"], record)
    record.levels = list(dict.fromkeys(levels))
    record.steps = "\n".join(
        "\n".join(part for part in (clean(step.get("name")), clean(step.get("description"))) if part)
        for step in _items(data.get("executionSteps"))
    )
    record.channel_options = [_method(method, record) for method in _items(data.get("executionMethods"))]
    record.cases = _cases(data, record)
    record.legal_bases = [
        LegalBasisRecord(title=clean(item.get("name")), number=clean(item.get("code"))[:100])
        for item in _items(data.get("legalBasisesDetails"))
        if clean(item.get("name")) or clean(item.get("code"))
    ]
    record.results = [
        ResultRecord(name=clean(item.get("name")), code=clean(item.get("code"))[:32])
        for item in _items(data.get("resultsDetails"))
        if clean(item.get("name"))
    ]
    online = any(o.channel == "2" for o in record.channel_options)
    record.online_level = (
        "full" if data.get("isFullProcess") is True else ("partial" if online else "information")
    )
    # The portal's flag does not say within the province or nationwide: the narrower reading is kept.
    record.non_boundary = "province" if data.get("isNonTerritorial") is True else "none"
    return record


def _method(method: dict, record: ProcedureRecord) -> ChannelOptionRecord:
    submission = clean(method.get("submissionMethod")).upper()
    channel = METHODS.get(submission)
    if channel is None:
        record.flag("channel_options", "Không nhận ra hình thức nộp; coi là trực tiếp.", submission)
        channel = "1"
    option = ChannelOptionRecord(channel=channel, description=clean(method.get("description")))
    value, unit = method.get("processingTime"), clean(method.get("processingTimeUnit")).upper()
    option.limit_text = " ".join(str(part) for part in (value, unit) if part not in (None, ""))
    try:
        amount = Decimal(str(value)) if value not in (None, "") else None
    except InvalidOperation:
        amount = None
    if amount is not None and unit in TIME_UNITS:
        code, factor = TIME_UNITS[unit]
        option.limit_amount, option.limit_unit = amount * factor, code
    elif option.limit_text:
        record.flag("limit", "Thời hạn giải quyết không đọc được; giữ nguyên văn.", option.limit_text)
    for fee in _items(method.get("fees")):
        text, value = clean(fee.get("description")), fee.get("value")
        try:
            amount = int(Decimal(str(value))) if value not in (None, "") else None
        except InvalidOperation:
            amount = None
        kind = (
            "le_phi"
            if text.lower().startswith("lệ phí")
            else ("phi" if text.lower().startswith("phí") else "khac")
        )
        option.fees.append(
            FeeRecord(amount=amount, text=str(value) if value is not None else "", note=text, kind=kind)
        )
        if amount is None:
            record.flag("fees", "Mức thu không đọc được; giữ nguyên văn.", f"{value} {text}".strip())
    return option


def _component(item: dict) -> ComponentRecord:
    attachments = _items(item.get("attachments"))
    form = "; ".join(
        clean(a.get("name") or a.get("fileName")) for a in attachments if a.get("name") or a.get("fileName")
    )
    originals, copies = _int(item.get("originalQty")), _int(item.get("copyQty"))
    count = ", ".join(
        part
        for part in (f"{originals} bản chính" if originals else "", f"{copies} bản sao" if copies else "")
        if part
    )
    return ComponentRecord(
        name=clean(item.get("name")),
        originals=originals,
        copies=copies,
        count_text=count,
        form_name=form[:500],
        required=item.get("required") is not False,
        code=clean(item.get("code"))[:64],
    )


def _cases(data: dict, record: ProcedureRecord) -> list[CaseRecord]:
    cases = []
    for item in _items(data.get("executionCases")) + _items(data.get("cases")):
        cases.append(
            CaseRecord(
                name=clean(item.get("name")),
                components=[_component(c) for c in _items(item.get("profileComponents"))],
            )
        )
    root = [_component(c) for c in _items(data.get("profileComponents"))]
    if root:
        cases.insert(0, CaseRecord(name="", components=root))
    return cases
