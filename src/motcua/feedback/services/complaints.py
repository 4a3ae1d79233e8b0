"""Complaints and denunciations (khiếu nại, tố cáo) are not PAKN (SPEC §6.1): they follow the Luật Khiếu nại 2011
and the Luật Tố cáo 2018. The form asks the sender to choose the type; :func:`looks_like_complaint` warns when
the words of a PAKN suggest one; a complaint is recorded as redirected with :func:`explanation`."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from motcua.core.text import fold
from motcua.feedback.choices import Kind

# folded (no tones) words that suggest a complaint or a denunciation
KEYWORDS = (
    "khieu nai",
    "to cao",
    "khoi kien",
    "dieu tra",
    "tham nhung",
    "nhan hoi lo",
    "quyet dinh hanh chinh trai phap luat",
)
_KEYWORD_RE = re.compile(r"\b(" + "|".join(re.escape(k) for k in KEYWORDS) + r")\b")


def looks_like_complaint(*texts: str) -> list[str]:
    """The complaint words found in ``texts`` (folded), each once, in order."""
    found: list[str] = []
    for text in texts:
        for match in _KEYWORD_RE.finditer(fold(text)):
            if match.group(1) not in found:
                found.append(match.group(1))
    return found


def explanation(kind: str) -> str:
    if kind == Kind.DENUNCIATION:
        return _(
            "Tố cáo là việc báo cho cơ quan, tổ chức, cá nhân có thẩm quyền biết về hành vi vi phạm pháp luật "
            "của cơ quan, tổ chức, cá nhân. Tố cáo được giải quyết theo Luật Tố cáo năm 2018, không theo thủ tục "
            "phản ánh, kiến nghị (Nghị định 20/2008/NĐ-CP). Vui lòng gửi đơn tố cáo (ghi rõ họ tên, địa chỉ, nội "
            "dung, ký tên) đến người đứng đầu cơ quan, tổ chức quản lý người bị tố cáo, hoặc đến Ban Tiếp công dân "
            "tỉnh, Thanh tra tỉnh. Đơn này không được xử lý như phản ánh, kiến nghị."
        )
    return _(
        "Khiếu nại là việc đề nghị xem xét lại quyết định hành chính, hành vi hành chính khi cho rằng quyết định, "
        "hành vi đó trái pháp luật, xâm phạm quyền, lợi ích hợp pháp của mình. Khiếu nại được giải quyết theo Luật "
        "Khiếu nại năm 2011, không theo thủ tục phản ánh, kiến nghị (Nghị định 20/2008/NĐ-CP). Vui lòng gửi đơn "
        "khiếu nại lần đầu đến người đã ra quyết định hoặc thủ trưởng cơ quan có người thực hiện hành vi bị khiếu "
        "nại, trong thời hiệu 90 ngày kể từ ngày nhận được quyết định hoặc biết được hành vi; có thể liên hệ Ban "
        "Tiếp công dân tỉnh để được hướng dẫn. Đơn này không được xử lý như phản ánh, kiến nghị."
    )
