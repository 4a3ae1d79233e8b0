"""English of the input guards (no input makes a 500: NUL bytes, out-of-calendar dates, ASCII numbers), of the
race loser's answer and of the intake's Idempotency-Key — see scripts/fill_en_po.py."""

EN = {
    "Dữ liệu gửi lên chứa ký tự không lưu được (ký tự NUL hoặc mã UTF-16 đứng lẻ); "
    "yêu cầu bị từ chối, không có gì thay đổi.": (
        "The data sent contains a character that cannot be stored (a NUL character or a lone UTF-16 code unit); "
        "the request was refused and nothing was changed."
    ),
    "Thân yêu cầu không phải JSON hợp lệ mã hóa UTF-8; không có gì thay đổi.": (
        "The request body is not valid JSON in UTF-8; nothing was changed."
    ),
    "Ngày phải trong khoảng %(first)s đến %(last)s.": "The date must be between %(first)s and %(last)s.",
    "Ngày phải theo định dạng YYYY-MM-DD, ví dụ 2026-03-09.": "Dates are written YYYY-MM-DD, e.g. 2026-03-09.",
    "Ngày không có trong lịch: %(value)s.": "There is no such day in the calendar: %(value)s.",
    "Thời điểm phải theo ISO 8601, ví dụ 2026-03-09T08:00:00+07:00 hoặc 2026-03-09.": (
        "Times are written in ISO 8601, e.g. 2026-03-09T08:00:00+07:00 or 2026-03-09."
    ),
    "Thời điểm không có trong lịch: %(value)s.": "There is no such time in the calendar: %(value)s.",
    "Một yêu cầu khác vừa ghi cùng dữ liệu này; không có gì thay đổi, hãy tải lại rồi thử lại.": (
        "Another request has just written the same data; nothing was changed: reload and try again."
    ),
    "Khóa Idempotency-Key này đã được dùng cho một yêu cầu khác; mỗi yêu cầu mới cần một khóa mới "
    "(gửi lại đúng yêu cầu cũ thì nhận lại đúng kết quả cũ).": (
        "This Idempotency-Key was used for another request; each new request needs a new key (sending the same "
        "request again returns the same answer)."
    ),
    "Idempotency-Key phải gồm 1 đến 200 ký tự ASCII nhìn thấy được (không có khoảng trắng).": (
        "The Idempotency-Key must be 1 to 200 visible ASCII characters (no spaces)."
    ),
    # model
    "điểm cuối": "endpoint",
    "khóa": "key",
    "mã băm yêu cầu": "request hash",
    "mã trạng thái": "status code",
    "khóa chống gửi trùng": "intake idempotency key",
}

EN_PLURAL = {"khóa chống gửi trùng": "intake idempotency keys"}  # verbose_name_plural
