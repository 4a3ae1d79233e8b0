"""Fill the English catalogue (src/motcua/locale/en/LC_MESSAGES/django.po) from the table in this file.

Vietnamese is the source language of every string; English is a translation. After `make messages` adds new
msgids, add their English here and run: python scripts/fill_en_po.py && make messages
Fails (exit 1) listing every msgid that still has no English, so an untranslated string cannot slip through.
"""

import re
import sys
from pathlib import Path

PO = Path(__file__).resolve().parents[1] / "src/motcua/locale/en/LC_MESSAGES/django.po"

EN = {
    "Tiếng Việt": "Tiếng Việt",
    "English": "English",
    "Đăng nhập": "Sign in",
    "Đăng nhập cán bộ": "Officer sign-in",
    "Tên đăng nhập": "Username",
    "Mật khẩu": "Password",
    "Vị trí": "Breadcrumb",
    "Cơ quan, đơn vị": "Agencies and units",
    "Cơ quan này bắt đầu hoạt động từ ngày %(day)s.": "This agency starts operating on %(day)s.",
    "Cơ quan này đã kết thúc hoạt động sau ngày %(day)s.": "This agency ceased operating after %(day)s.",
    "Nay do:": "Its work is now done by:",
    "đảm nhiệm.": ".",
    "Mã định danh": "Identifier",
    "Loại": "Type",
    "Cơ quan cấp trên": "Parent agency",
    "Địa bàn": "Territory",
    "Hiệu lực": "Validity",
    "Địa chỉ": "Address",
    "Điện thoại": "Telephone",
    "Thư điện tử": "E-mail",
    "Giờ làm việc": "Working hours",
    "thứ Hai đến thứ Sáu, trừ ngày nghỉ lễ": "Monday to Friday, except public holidays",
    "Đơn vị trực thuộc": "Subordinate units",
    "Lịch sử sắp xếp": "Reorganisation history",
    "Từ %(day)s (%(kind)s) kế thừa": "From %(day)s (%(kind)s) succeeded",
    "Từ %(day)s (%(kind)s) chuyển sang": "From %(day)s (%(kind)s) passed to",
    "Tại ngày": "As of",
    "Xem": "Show",
    "Xem tổ chức bộ máy như tại một ngày trong quá khứ, ví dụ 30/06/2025.": "See the organisation as it was on a past date, e.g. 30/06/2025.",
    "%(count)s cơ quan, đơn vị có hiệu lực ngày %(day)s.": "%(count)s agencies and units in force on %(day)s.",
    "Tên": "Name",
    "Không có cơ quan nào có hiệu lực vào ngày này.": "No agency was in force on this date.",
    "Hệ thống thông tin giải quyết thủ tục hành chính": "Administrative Procedure Information System",
    "Chuyển đến nội dung chính": "Skip to main content",
    "Một cửa điện tử": "Electronic one-stop shop",
    "Điều hướng chính": "Main navigation",
    "API": "API",
    "Quản trị": "Administration",
    "Đăng xuất": "Sign out",
    "Ngôn ngữ": "Language",
    "Đổi": "Change",
    "motcua — phần mềm nguồn mở cho Bộ phận Một cửa, Cổng dịch vụ công và báo cáo thống kê giải quyết thủ tục "
    "hành chính.": "motcua — open-source software for one-stop counters, the public service portal and statistics "
    "on administrative procedures.",
    "Giờ hiển thị theo múi giờ Việt Nam (UTC+7).": "Times are shown in Vietnam time (UTC+7).",
    "Tiếp nhận hồ sơ một cửa, theo dõi giải quyết đúng hạn, trả kết quả và báo cáo thống kê cho Trung tâm Phục vụ "
    "hành chính công cấp tỉnh, cấp xã và các cơ quan chuyên môn.": "One-stop dossier intake, on-time processing, "
    "result return and statistics for provincial and commune Public Administration Service Centres and the "
    "competent agencies.",
    "Vai trò của bạn hôm nay": "Your roles today",
    "cả đơn vị trực thuộc": "including subordinate units",
    "Bạn chưa được phân công vai trò nào có hiệu lực hôm nay. Hãy liên hệ quản trị hệ thống của đơn vị.": "You hold no role in force today. Please contact your unit's system administrator.",
    "Lối tắt": "Shortcuts",
    "Danh bạ các sở, ngành, trung tâm phục vụ hành chính công và UBND cấp xã, với giờ làm việc và lịch sử sắp "
    "xếp.": "Directory of departments, public administration service centres and commune People's Committees, "
    "with working hours and reorganisation history.",
    "API cho hệ thống kết nối": "API for connected systems",
    "Tài liệu OpenAPI 3.1 của các dịch vụ tích hợp.": "OpenAPI 3.1 documentation of the integration services.",
    "Tài khoản cán bộ": "Officer account",
    "Vai trò và đơn vị được phân công theo thời gian.": "Roles and units assigned over time.",
    "Dành cho công chức, viên chức tại bộ phận một cửa và cơ quan giải quyết.": "For civil servants at one-stop counters and competent agencies.",
    "Vai trò có hiệu lực hôm nay": "Roles in force today",
    "Chưa có vai trò nào có hiệu lực hôm nay.": "No role is in force today.",
    "Lịch sử phân công": "Assignment history",
    "Vai trò": "Role",
    "Ghi chú": "Note",
}

ENTRY = re.compile(r'msgid ((?:"(?:[^"\\]|\\.)*"\s*)+)msgstr ((?:"(?:[^"\\]|\\.)*"\s*)+)', re.S)


def join(quoted: str) -> str:
    return "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', quoted)).replace('\\"', '"')


def quote(text: str) -> str:
    return '"' + text.replace('"', '\\"') + '"\n'


def main() -> int:
    text = PO.read_text(encoding="utf-8")
    missing = []

    def fill(match: re.Match) -> str:
        msgid = join(match.group(1))
        if not msgid:
            return match.group(0)
        if msgid not in EN:
            missing.append(msgid)
            return match.group(0)
        return f"msgid {match.group(1)}msgstr {quote(EN[msgid])}\n"

    text = ENTRY.sub(fill, text)
    text = text.replace("#, fuzzy\n", "")
    PO.write_text(text, encoding="utf-8")
    for msgid in missing:
        print(f"no English for: {msgid!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
