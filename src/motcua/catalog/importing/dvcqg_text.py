"""Parser of the national portal's detail pages as flattened text (one JSON object per line).

The format is the one of ``dvcqg_tthc_chitiet_2642.jsonl`` (fields ``ma_thu_tuc``, ``ten_thu_tuc``,
``cach_thuc_thuc_hien``, …). Its table fields are HTML tables flattened *without cell separators*: the parsers
below find the cells from what each cell looks like (a channel name, a time limit, an amount with a currency, a
count of copies, a document number, a result code). Whatever does not fit is kept as text and flagged.
"""

from __future__ import annotations

import re
from decimal import Decimal

from motcua.catalog.importing.records import (
    CHANNELS,
    NO_INFO,
    UNITS,
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

SOURCE = "dvcqg_jsonl"

# Vietnamese letter classes (the range à-ỹ would also contain capitals such as Đ and Ạ).
LOWER = "".join(chr(c) for c in range(0x61, 0x1EFA) if chr(c).isalpha() and chr(c).islower())
UPPER = "".join(chr(c) for c in range(0x41, 0x1EFA) if chr(c).isalpha() and chr(c).isupper())

# -- cách thức thực hiện: "Hình thức nộpThời gianPhí, lệ phíMô tả" + rows (channel, time, fees, description) ----

METHODS_HEADER = "Hình thức nộpThời gianPhí, lệ phíMô tả"
_CHANNEL = r"Trực tiếp|Trực tuyến|Dịch vụ bưu chính"
_NUMBER = r"\d+(?:[.,]\d+)*"
_UNIT = r"Ngày làm việc|Giờ làm việc|Ngày|Giờ|Tháng|Năm"
_CURRENCY = r"Việt Nam Đồng|VNĐ|VND|đồng|Đồng|USD"
_FEE_START = rf"Miễn phí|{NO_INFO}|{_NUMBER}\s*(?:{_CURRENCY})"
# A row starts with a channel name directly followed by its time cell (a number, "Không…", or a fee when the
# time cell is empty). A channel name inside a description ("Trực tuyến: nộp hồ sơ…") is followed by other text.
ROW_START = re.compile(rf"({_CHANNEL})(?=\s*(?:\d|Không|Miễn phí|Trong|Theo|Ngay))")
TIME_CELL = re.compile(rf"\s*(?:(?P<amount>{_NUMBER})\s*(?P<unit>{_UNIT})?|(?P<none>{NO_INFO}))\s*")
FEE_ITEM = re.compile(
    rf"\s*(?:(?P<free>Miễn phí)|(?P<none>{NO_INFO})|(?P<amount>{_NUMBER})\s*(?P<cur>{_CURRENCY}))"
)
FEE_START = re.compile(_FEE_START)


def parse_decimal(text: str) -> Decimal | None:
    """A time amount: "7", "0,5", "1.5"; thousands separators are not expected here."""
    text = text.strip()
    if re.fullmatch(r"\d+", text):
        return Decimal(text)
    if re.fullmatch(r"\d+[.,]\d{1,2}", text):
        return Decimal(text.replace(",", "."))
    return None


def parse_vnd(text: str) -> int | None:
    """An amount in đồng: "10,000", "1.000.000", "500"; None for anything else (e.g. "2,5")."""
    text = text.strip()
    if re.fullmatch(r"\d+", text):
        return int(text)
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", text) or re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text):
        return int(re.sub(r"[.,]", "", text))
    return None


def _balanced_parenthesis(text: str, start: int) -> int:
    """Index just after the parenthesised group opening at ``start`` (or len(text) if it never closes)."""
    depth = 0
    for index in range(start, len(text)):
        char = text[index]
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index + 1
    return len(text)


def _fee_kind(note: str) -> str:
    lowered = note.lstrip("(-+*• ").lower()
    if lowered.startswith("lệ phí"):
        return "le_phi"
    if lowered.startswith("phí"):
        return "phi"
    return "khac"


def _unit_from_description(amount: Decimal, description: str) -> str:
    """The unit of a unit-less time limit when the description states the same amount with a unit."""
    number = f"0*{int(amount)}" if amount == amount.to_integral_value() else re.escape(str(amount))
    match = re.search(rf"(?<!\d){number}\s*({_UNIT})", description, flags=re.IGNORECASE)
    if match:
        unit = match.group(1).lower()
        return UNITS.get(unit, "months" if unit == "năm" else "")
    return ""


def parse_methods(text: str, record: ProcedureRecord) -> list[ChannelOptionRecord]:
    text = clean(text)
    if not text:
        return []
    body = text[len(METHODS_HEADER) :] if text.startswith(METHODS_HEADER) else text
    starts = [m.start() for m in ROW_START.finditer(body)]
    if not starts:
        record.flag("channel_options", "Không đọc được bảng cách thức thực hiện.", text)
        return []
    if body[: starts[0]].strip():
        record.flag(
            "channel_options", "Nội dung trước dòng đầu tiên của bảng cách thức thực hiện.", body[: starts[0]]
        )
    options = []
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(body)
        options.append(_parse_method_row(body[start:end], record))
    _complete_limits(options, record)
    return options


LIMIT_IN_TEXT = re.compile(rf"(?<![\d,.])(\d+(?:[.,]\d{{1,2}})?)\s*({_UNIT})(?![{LOWER}])", re.IGNORECASE)


def _complete_limits(options: list[ChannelOptionRecord], record: ProcedureRecord) -> None:
    """Fill in limits the time cell leaves incomplete, from the same table, and flag each one.

    A unit-less amount ("Trực tuyến1Miễn phí") takes the unit of another row with the same amount; an empty time
    cell takes the one limit its description states ("Trong thời hạn 05 ngày làm việc…") when it states only one.
    """
    known = {o.limit_amount: o.limit_unit for o in options if o.has_limit}
    for option in options:
        if option.has_limit:
            continue
        amount = parse_decimal(option.limit_text) if option.limit_text else None
        if amount is not None:
            unit = _unit_from_description(amount, option.description) or known.get(amount, "")
            if unit:
                option.limit_amount, option.limit_unit = amount, unit
                _replace_note(
                    record,
                    option.limit_text,
                    "Thời hạn không ghi đơn vị; đơn vị lấy theo mô tả hoặc dòng khác của bảng, cần kiểm tra.",
                )
            continue
        if option.limit_text:
            continue
        found = {
            (parse_decimal(m.group(1)), m.group(2).lower())
            for m in LIMIT_IN_TEXT.finditer(option.description)
        }
        found = {(a, u) for a, u in found if a is not None}
        if len(found) == 1:
            amount, unit_text = found.pop()
            if unit_text == "năm":
                amount, unit = amount * 12, "months"
            else:
                unit = UNITS[unit_text]
            option.limit_amount, option.limit_unit = amount, unit
            record.flag(
                "limit", "Ô thời hạn trống; thời hạn lấy theo phần mô tả, cần kiểm tra.", option.description
            )
        elif option.description or found:
            record.flag(
                "limit", "Ô thời hạn trống; mô tả không nêu một thời hạn duy nhất.", option.description
            )
        else:
            record.flag("limit", "Không có thời hạn giải quyết.", "")


def _replace_note(record: ProcedureRecord, raw: str, message: str) -> None:
    for note in record.review_notes:
        if (
            note.field == "limit"
            and note.raw == raw
            and note.message.startswith("Thời hạn không ghi đơn vị (")
        ):
            note.message = message
            return
    record.flag("limit", message, raw)


def _parse_method_row(row: str, record: ProcedureRecord) -> ChannelOptionRecord:
    channel_match = re.match(_CHANNEL, row)
    option = ChannelOptionRecord(channel=CHANNELS[channel_match.group(0).lower()])
    position = channel_match.end()

    # Time cell: a number with an optional unit, "Không có thông tin", or free text up to the fee cell.
    time = TIME_CELL.match(row, position)
    if (
        time
        and time.group(0).strip()
        and FEE_START.match(row, time.end())
        and not (
            time.group("amount")
            and re.match(rf"\s*(?:{_CURRENCY})", row[time.start("amount") + len(time.group("amount")) :])
        )
    ):
        time_text = time.group(0).strip()
        position = time.end()
    else:
        fee_at = FEE_START.search(row, position)
        stop = fee_at.start() if fee_at else len(row)
        time_text = row[position:stop].strip()
        position = stop
        time = None
    option.limit_text = time_text

    # Fee cell: one or more "amount currency(note)" / "Miễn phí(note)" items.
    while True:
        item = FEE_ITEM.match(row, position)
        if not item:
            break
        position = item.end()
        note = ""
        if position < len(row) and row[position] == "(":
            close = _balanced_parenthesis(row, position)
            note = row[position + 1 : close - 1 if row[close - 1] == ")" else close].strip()
            position = close
        if item.group("free"):
            option.fees.append(FeeRecord(amount=0, text="Miễn phí", note=note, kind=_fee_kind(note)))
        elif item.group("none"):
            if note:
                option.fees.append(FeeRecord(amount=None, text=NO_INFO, note=note, kind=_fee_kind(note)))
                record.flag("fees", "Phí, lệ phí không có mức thu nhưng có ghi chú.", note)
        else:
            raw = f"{item.group('amount')} {item.group('cur')}"
            amount = parse_vnd(item.group("amount")) if item.group("cur") != "USD" else None
            option.fees.append(FeeRecord(amount=amount, text=raw, note=note, kind=_fee_kind(note)))
            if amount is None:
                record.flag("fees", "Mức thu không phải số tiền đồng đọc được; giữ nguyên văn.", raw)
    option.description = row[position:].strip()

    # Interpret the time cell.
    if time is not None and time.group("amount"):
        amount = parse_decimal(time.group("amount"))
        unit_text = (time.group("unit") or "").lower()
        if amount is None:
            record.flag("limit", "Thời hạn giải quyết không đọc được.", time_text)
        elif unit_text == "năm":
            option.limit_amount, option.limit_unit = amount * 12, "months"
        elif unit_text:
            option.limit_amount, option.limit_unit = amount, UNITS[unit_text]
        else:
            unit = _unit_from_description(amount, option.description)
            if unit:
                option.limit_amount, option.limit_unit = amount, unit
                record.flag(
                    "limit", "Thời hạn không ghi đơn vị; đơn vị lấy theo phần mô tả, cần kiểm tra.", time_text
                )
            else:
                record.flag(
                    "limit", "Thời hạn không ghi đơn vị (ngày, ngày làm việc…); giữ nguyên văn.", time_text
                )
    elif time_text and time_text != NO_INFO:
        if re.fullmatch(r"(?i)(trong ngày|ngay trong ngày.*)", time_text):
            option.limit_amount, option.limit_unit = Decimal(1), "same_day"
        else:
            record.flag("limit", "Thời hạn giải quyết ghi bằng lời; giữ nguyên văn.", time_text)
    if option.limit_text == NO_INFO:
        option.limit_text = ""
    return option


# -- thành phần hồ sơ: per case "<case name>Tên giấy tờMẫu đơn, tờ khaiSố lượng" + rows ending in counts -------

COMPONENTS_HEADER = "Tên giấy tờMẫu đơn, tờ khaiSố lượng"
# A count cell ends a row: what follows is the next document's name (capital, bullet, numbering) or the end.
_COUNT_FOLLOW = (
    rf"(?!\s*\d+\s*bản\s*(?:chính|sao)(?:\s*$|\s*,|[{UPPER}]))"
    rf"(?=\s*$|[{UPPER}]|[-+*•(\[“\"]|\d+\s*[.)/]|\d+\s*bản\s+(?!chính|sao)|\d+\s*[{UPPER}]|\d+\s*bản\s*(?:chính|sao)\s+[{LOWER}]|[a-zđ]{{1,3}}\)|\s+[-+*•])"
)
COUNT = re.compile(
    r"(?:(?P<o1>\d+)\s*bản chính(?:\s*(?:,|hoặc)\s*(?P<c1>\d+)\s*bản sao)?"
    r"|(?P<c2>\d+)\s*bản sao"
    r"|Bản chính:\s*(?P<o3>\d+)\s*,?\s*Bản sao:\s*(?P<c3>\d+))" + _COUNT_FOLLOW
)
FORM_FILE = re.compile(r"\.(?:docx?|pdf|xlsx?|rtf|odt|zip|rar)$", re.IGNORECASE)


def _split_form(text: str) -> tuple[str, str]:
    """Split "<name><form file name>.doc" into name and form file name."""
    if not FORM_FILE.search(text):
        return text, ""
    # The file name starts after the last ")" or "." or ":" or ";" glued to it, or at a lowercase→uppercase
    # junction without a space ("…khaiMẫu 01.doc").
    candidates = [m.end() for m in re.finditer(r"[).;:](?=\S)", text[:-5])]
    candidates += [m.start() + 1 for m in re.finditer(rf"[{LOWER}0-9](?=[{UPPER}])", text[:-5])]
    candidates = [c for c in candidates if 3 <= c < len(text) - 4]
    if not candidates:
        return "", text
    cut = max(candidates)
    return text[:cut].strip(), text[cut:].strip()


def parse_components(text: str, record: ProcedureRecord) -> list[CaseRecord]:
    text = clean(text)
    if not text:
        return []
    sections = text.split(COMPONENTS_HEADER)
    if len(sections) == 1:
        record.flag(
            "cases", "Thành phần hồ sơ không theo dạng bảng; giữ nguyên văn làm một thành phần.", text
        )
        return [CaseRecord(name="", components=[ComponentRecord(name=text)])]
    cases: list[CaseRecord] = []
    case_name = sections[0]
    for index, section in enumerate(sections[1:], start=1):
        case = CaseRecord(name=_case_name(case_name))
        position = 0
        for count in COUNT.finditer(section):
            chunk = section[position : count.start()].strip()
            position = count.end()
            name, form = _split_form(chunk)
            originals = int(count.group("o1") or count.group("o3") or 0)
            copies = int(count.group("c1") or count.group("c2") or count.group("c3") or 0)
            if not chunk:
                record.flag("cases", "Số lượng không có tên giấy tờ đi kèm.", count.group(0))
                continue
            case.components.append(
                ComponentRecord(
                    name=name or chunk,
                    originals=originals,
                    copies=copies,
                    count_text=count.group(0)[:200],
                    form_name=form[:500],
                )
            )
        rest = section[position:].strip()
        if index < len(sections) - 1:
            case_name = rest  # the text before the next header names the next case
        elif rest:
            record.flag(
                "cases", "Đoạn văn sau bảng thành phần hồ sơ không có số lượng; giữ nguyên văn.", rest
            )
            case.components.append(ComponentRecord(name=rest, count_text=""))
        if not case.components and not (index < len(sections) - 1 and not rest):
            pass
        cases.append(case)
    return cases


def _case_name(text: str) -> str:
    text = text.strip()
    return "" if set(text) <= set("-– ") else text


# -- căn cứ pháp lý: "Tên văn bản pháp lýMã văn bản" + rows "<title><number>" ------------------------------------

LEGAL_HEADER = "Tên văn bản pháp lýMã văn bản"
# A document number: 68/2013/TT-BCA, 02/2011/QH13, 66.7/2025/NQ-CP, 1234/QĐ-BTP, 766/QĐ-TTg. Its first digits
# follow a non-digit, or a four-digit year the title ends with ("Luật Khiếu nại năm 201102/2011/QH13").
_DOC_NUMBER = (
    r"(?:(?<!\d)|(?<=\D(?:19|20)\d\d))"
    r"\d{1,4}(?:\.\d+)?(?:/\d{4})?/(?:TTg|[A-ZĐ0-9\-])*?(?:[A-ZĐ0-9]|TTg)"
)
LEGAL_ROW = re.compile(
    rf"(?P<title>.+?)(?P<number>{_DOC_NUMBER})(?=(?!Tg)[{UPPER}][{LOWER}]|[{UPPER}]{{2,}}\s|\s*$|[\"“(]|\d+\.)",
    re.DOTALL,
)


def parse_legal_bases(text: str, record: ProcedureRecord) -> list[LegalBasisRecord]:
    text = clean(text)
    if not text:
        return []
    if not text.startswith(LEGAL_HEADER):
        record.flag("legal_bases", "Căn cứ pháp lý không theo dạng bảng; giữ nguyên văn.", text)
        return [LegalBasisRecord(title=text)]
    body = text[len(LEGAL_HEADER) :]
    bases, position = [], 0
    for match in LEGAL_ROW.finditer(body):
        bases.append(LegalBasisRecord(title=match.group("title").strip(), number=match.group("number")[:100]))
        position = match.end()
    rest = body[position:].strip()
    if rest:
        bases.append(LegalBasisRecord(title=rest))
        record.flag("legal_bases", "Không tách được số, ký hiệu văn bản; giữ nguyên văn.", rest)
    return bases


# -- kết quả: "<name>Mã: KQ.G01.000064" repeated, then page junk ("Từ khóa…Mô tả…Chọn cơ quan thực hiện…") -----

RESULT_CODE = re.compile(
    rf"Mã:\s*(?P<code>[A-Z0-9][A-Za-z0-9.\-]*\d|[A-Za-z0-9][A-Za-z0-9_.\-]*?(?=[{UPPER}][{LOWER}]|\s*$))?"
)
JUNK_START = "Từ khóa"
JUNK_TAIL = "Chọn cơ quan thực hiện"


def parse_results(text: str, record: ProcedureRecord) -> list[ResultRecord]:
    text = clean(text)
    if not text:
        return []
    head, _, tail = text.partition(JUNK_START) if JUNK_START in text else (text, "", "")
    if tail:
        tail = tail.split(JUNK_TAIL)[0]
        keywords, _, description = tail.partition("Mô tả")
        for label, value in (("Từ khóa", keywords), ("Mô tả", description)):
            value = clean(value)
            if value:
                record.flag("results", f"{label} của kết quả (không có trường riêng); giữ nguyên văn.", value)
    results, position = [], 0
    for match in RESULT_CODE.finditer(head):
        name = head[position : match.start()].strip()
        code = match.group("code") or ""
        position = match.end()
        if not name:
            record.flag("results", "Mã kết quả không có tên kết quả đi kèm.", match.group(0))
            continue
        if not code:
            record.flag("results", "Không đọc được mã kết quả.", head[match.start() : match.start() + 80])
        results.append(ResultRecord(name=name, code=code[:32]))
    rest = head[position:].strip()
    if rest:
        results.append(ResultRecord(name=rest))
        if position:
            record.flag("results", "Kết quả không có mã; giữ nguyên văn.", rest)
    return results


# -- the whole record ---------------------------------------------------------------------------------------------


def parse_record(data: dict) -> ProcedureRecord:
    """A normalised record from one flattened detail record (a dict from one line of the jsonl)."""
    record = ProcedureRecord(
        code=clean(data.get("ma_thu_tuc")),
        name=clean(data.get("ten_thu_tuc")),
        field_name=clean(data.get("linh_vuc")),
        kind=parse_kind(data.get("loai_thu_tuc", "")),
        kind_text=clean(data.get("loai_thu_tuc")),
        decision_number=clean(data.get("so_quyet_dinh")),
        subjects=clean(data.get("doi_tuong_thuc_hien")),
        competent_agency=clean(data.get("co_quan_co_tham_quyen")),
        implementing_agency=clean(data.get("co_quan_thuc_hien")),
        authorized_agency=clean(data.get("co_quan_duoc_uy_quyen")),
        coordinating_agency=clean(data.get("co_quan_phoi_hop")),
        receiving_place=clean(data.get("dia_chi_tiep_nhan")),
        steps=clean(data.get("trinh_tu_thuc_hien")),
        requirements=clean(data.get("yeu_cau_dieu_kien")),
        related_procedures=clean(data.get("thu_tuc_lien_quan")),
        source=SOURCE,
        source_url=clean(data.get("detail_url")),
        raw=data,
    )
    record.levels = parse_levels(data.get("cap_thuc_hien", ""), record)
    if record.kind == "other" and record.kind_text and record.kind_text != "Loại khác":
        record.flag("kind", "Không nhận ra loại thủ tục.", record.kind_text)
    record.channel_options = parse_methods(data.get("cach_thuc_thuc_hien", ""), record)
    record.cases = parse_components(data.get("thanh_phan_ho_so", ""), record)
    record.legal_bases = parse_legal_bases(data.get("can_cu_phap_ly", ""), record)
    record.results = parse_results(data.get("ket_qua_xu_ly", ""), record)
    # The flattened page says nothing on the online level beyond the channels offered.
    record.online_level = (
        "partial" if any(o.channel == "2" for o in record.channel_options) else "information"
    )
    return record


def looks_like(data: dict) -> bool:
    return isinstance(data, dict) and "ma_thu_tuc" in data
