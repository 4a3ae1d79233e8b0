"""Fill the English catalogue (src/motcua/locale/en/LC_MESSAGES/django.po) from the table in this file.

Vietnamese is the source language of every string; English is a translation. After `make messages` adds new
msgids, add their English here and run: python scripts/fill_en_po.py && make messages
Fails (exit 1) listing every msgid that still has no English, so an untranslated string cannot slip through.
Model names whose Vietnamese plural equals the singular are marked ``pgettext_lazy("plural", …)`` in
``verbose_name_plural``; their English plural is in ``EN_PLURAL``.
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
    "Mã định danh": "Electronic identifier",
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
    # --- models, fields, choices, admin and messages (core, org, worktime, web, demo) ---
    # apps
    "Dùng chung": "Common",
    "Tổ chức, đơn vị": "Organisation",
    "Thời gian làm việc": "Working time",
    "Giao diện web": "Web interface",
    "Dữ liệu minh họa": "Demo data",
    # dated records
    "hiệu lực": "validity",
    "hiệu lực từ ngày": "valid from",
    "hiệu lực đến hết ngày": "valid through",
    "Để trống nếu còn hiệu lực.": "Leave empty while still in force.",
    "nay": "present",
    "Còn hiệu lực hôm nay": "In force today",
    "Đã hết hiệu lực": "No longer in force",
    "Ngày hết hiệu lực (%(end)s) trước ngày bắt đầu hiệu lực (%(start)s).": "The end of validity (%(end)s) is "
    "before the start of validity (%(start)s).",
    "Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.": "The end of validity must be after the start of validity.",
    "%(label)s %(key)s đã được dùng cho “%(name)s” trong thời gian %(period)s, trùng với thời gian hiệu lực "
    "này.": "%(label)s %(key)s is already used for “%(name)s” during %(period)s, which overlaps this validity "
    "period.",
    # audit log
    "nhật ký thay đổi": "change log entry",
    "Tạo mới": "Create",
    "Sửa": "Update",
    "Xóa": "Delete",
    "Công bố": "Publish",
    "Khác": "Other",
    "thời điểm": "time",
    "người thực hiện": "performed by",
    "thao tác": "action",
    "loại đối tượng": "object type",
    "mã đối tượng": "object ID",
    "đối tượng": "object",
    "thay đổi": "changes",
    "ghi chú": "note",
    # administrative units
    "đơn vị hành chính": "administrative unit",
    "mã đơn vị hành chính": "administrative unit code",
    "Mã đơn vị hành chính": "Administrative unit code",
    "tên": "name",
    "loại": "type",
    "đơn vị cấp trên": "parent unit",
    "Cấp tỉnh": "Provincial level",
    "Cấp huyện (đến 30/6/2025)": "District level (until 30/6/2025)",
    "Cấp xã": "Commune level",
    "Tỉnh": "Province",
    "Thành phố trực thuộc trung ương": "Centrally governed city",
    "Huyện": "Rural district",
    "Quận": "Urban district",
    "Thị xã": "District-level town",
    "Thành phố thuộc tỉnh": "Provincial city",
    "Xã": "Commune",
    "Phường": "Ward",
    "Thị trấn": "Township",
    "Đặc khu": "Special zone",
    "Mã đơn vị hành chính đã có bản ghi bắt đầu cùng ngày.": "This administrative unit code already has a record "
    "starting on the same day.",
    "Mã đơn vị hành chính chỉ gồm 2 đến 5 chữ số (ví dụ 38, 14845).": "An administrative unit code consists of 2 to "
    "5 digits (e.g. 38, 14845).",
    "Đơn vị cấp trên phải ở cấp cao hơn đơn vị này.": "The parent unit must be at a higher level than this unit.",
    "Đơn vị cấp trên tạo thành vòng lặp (đơn vị là cấp trên của chính nó).": "The parent unit creates a cycle (the "
    "unit would be its own parent).",
    "Chuỗi đơn vị cấp trên có vòng lặp.": "The chain of parent units contains a cycle.",
    # successions (reorganisations)
    "sắp xếp đơn vị hành chính": "administrative unit reorganisation",
    "đơn vị cũ": "former unit",
    "đơn vị kế thừa": "successor unit",
    "kế thừa cơ quan": "agency succession",
    "cơ quan cũ": "former agency",
    "cơ quan kế thừa": "successor agency",
    "hình thức": "form",
    "ngày có hiệu lực": "effective date",
    "căn cứ pháp lý": "legal basis",
    "Đổi tên": "Renaming",
    "Hợp nhất, sáp nhập": "Merger",
    "Chia tách": "Split",
    "Giải thể, kết thúc hoạt động (chuyển giao nhiệm vụ)": "Dissolution, cessation (duties transferred)",
    "Quan hệ kế thừa này đã được ghi nhận.": "This succession has already been recorded.",
    "Đơn vị kế thừa phải khác đơn vị cũ.": "The successor must differ from the former unit.",
    "Ngày hiệu lực phải sau ngày đơn vị cũ bắt đầu hoạt động (%(day)s).": "The effective date must be after the "
    "former unit started operating (%(day)s).",
    "Đơn vị cũ còn hiệu lực đến %(end)s, sau ngày kế thừa %(day)s.": "The former unit remains in force until "
    "%(end)s, after the succession date %(day)s.",
    "Đơn vị kế thừa không có hiệu lực vào ngày %(day)s.": "The successor is not in force on %(day)s.",
    "Cần ít nhất một cơ quan cũ và một cơ quan kế thừa.": "At least one former agency and one successor agency are "
    "required.",
    "Hình thức kế thừa không hợp lệ: %(kind)s.": "Invalid form of succession: %(kind)s.",
    "Đổi tên hoặc hợp nhất phải có đúng một cơ quan kế thừa.": "A renaming or a merger must have exactly one "
    "successor agency.",
    "Đổi tên chỉ áp dụng cho một cơ quan.": "A renaming applies to a single agency only.",
    "Chia tách chỉ áp dụng cho một cơ quan cũ.": "A split applies to a single former agency only.",
    "Cần ghi căn cứ pháp lý (số, ngày văn bản).": "The legal basis is required (number and date of the document).",
    # agencies
    "cơ quan, đơn vị": "agency",
    "cơ quan": "agency",
    "mã định danh": "electronic identifier",
    "tên viết tắt": "short name",
    "loại cơ quan": "agency type",
    "cấp": "level",
    "cơ quan cấp trên": "parent agency",
    "địa bàn": "territory",
    "địa chỉ": "address",
    "điện thoại cơ quan": "agency telephone",
    "thư điện tử cơ quan": "agency e-mail",
    "Liên hệ": "Contact",
    "UBND tỉnh": "Provincial People's Committee",
    "Văn phòng UBND tỉnh": "Office of the Provincial People's Committee",
    "Sở, ban, ngành": "Provincial department",
    "Phòng chuyên môn": "Specialised division",
    "Trung tâm Phục vụ hành chính công cấp tỉnh": "Provincial Public Administration Service Centre",
    "Trung tâm Phục vụ hành chính công cấp xã": "Commune Public Administration Service Centre",
    "Điểm tiếp nhận và trả kết quả": "Dossier receipt and result return point",
    "UBND xã, phường, đặc khu": "Commune/ward People's Committee",
    "UBND huyện (đến 30/6/2025)": "District People's Committee (until 30/6/2025)",
    "Bộ phận Tiếp nhận và Trả kết quả cấp huyện (đến 30/6/2025)": "District one-stop unit for receipt and return "
    "of results (until 30/6/2025)",
    "Bộ phận Tiếp nhận và Trả kết quả cấp xã (đến 30/6/2025)": "Commune one-stop unit for receipt and return of "
    "results (until 30/6/2025)",
    "Văn phòng đăng ký đất đai": "Land Registration Office",
    "Chi nhánh Văn phòng đăng ký đất đai": "Land Registration Office branch",
    "Cơ quan ngành dọc (Thuế, Công an, BHXH…)": "Vertically managed agency (Tax, Police, Social Insurance…)",
    "Trung ương, ngành dọc": "Central or vertically managed",
    "Mã định danh “%(value)s” không đúng định dạng (ví dụ hợp lệ: 000.00.06.H56).": "The electronic identifier "
    "“%(value)s” is not correctly formatted (a valid example: 000.00.06.H56).",
    "Mã định danh điện tử theo QĐ 20/2020/QĐ-TTg (sửa đổi bởi QĐ 09/2025/QĐ-TTg), ví dụ 000.00.06.H56.": "Electronic "
    "identifier under Decision 20/2020/QĐ-TTg (as amended by Decision 09/2025/QĐ-TTg), e.g. 000.00.06.H56.",
    "Mã định danh đã có bản ghi bắt đầu hiệu lực cùng ngày.": "This electronic identifier already has a record "
    "coming into force on the same day.",
    # officers and roles
    "cán bộ": "officer",
    "vai trò": "role",
    "phân công vai trò": "role assignment",
    "áp dụng cả đơn vị trực thuộc": "applies to subordinate units too",
    "Vai trò có hiệu lực cả ở các cơ quan, đơn vị cấp dưới (ví dụ: kiểm soát TTHC toàn tỉnh).": "The role is also in "
    "force in subordinate agencies and units (e.g. province-wide administrative procedure control).",
    "ghi chú (quyết định phân công)": "note (assignment decision)",
    "Cán bộ đã được phân công vai trò này tại đơn vị này trong thời gian %(period)s.": "The officer is already "
    "assigned this role in this unit for %(period)s.",
    "Cơ quan “%(agency)s” không hoạt động vào ngày bắt đầu phân công.": "The agency “%(agency)s” is not operating on "
    "the first day of the assignment.",
    "Công chức tiếp nhận, trả kết quả": "Dossier receipt and result return officer",
    "Cán bộ số hóa": "Digitisation officer",
    "Cán bộ thu phí, lệ phí": "Fee and charge collection officer",
    "Chuyên viên thụ lý": "Case-handling specialist",
    "Lãnh đạo phòng chuyên môn": "Head of specialised division",
    "Lãnh đạo cơ quan": "Head of agency",
    "Văn thư": "Records clerk",
    "Lãnh đạo Trung tâm Phục vụ hành chính công": "Head of the Public Administration Service Centre",
    "Công chức kiểm soát TTHC": "Administrative procedure control officer",
    "Cán bộ xử lý phản ánh, kiến nghị": "Feedback and petition handling officer",
    "Quản trị hệ thống": "System administrator",
    "Quản lý danh mục cơ quan, đơn vị, giờ làm việc và phân công vai trò": "Manage the registry of agencies and "
    "units, working hours and role assignments",
    "Xem danh sách cán bộ và vai trò của đơn vị": "View the unit's officers and their roles",
    # working hours
    "giờ làm việc": "working hours",
    "áp dụng từ ngày": "applies from",
    "sáng từ": "morning from",
    "sáng đến": "morning until",
    "chiều từ": "afternoon from",
    "chiều đến": "afternoon until",
    "căn cứ": "basis",
    "%(sessions)s (từ %(day)s)": "%(sessions)s (from %(day)s)",
    "Cơ quan đã có lịch làm việc áp dụng từ ngày này.": "The agency already has working hours applying from this "
    "date.",
    "Buổi sáng phải kết thúc sau khi bắt đầu.": "The morning session must end after it starts.",
    "Buổi chiều phải kết thúc sau khi bắt đầu.": "The afternoon session must end after it starts.",
    "Buổi chiều phải bắt đầu sau khi buổi sáng kết thúc.": "The afternoon session must start after the morning "
    "session ends.",
    # working calendar
    "Nghỉ lễ, Tết": "Public holiday, Tết",
    "Nghỉ bù": "Compensatory day off",
    "Nghỉ hoán đổi": "Swapped day off",
    "Làm bù": "Make-up working day",
    "Nghỉ riêng của địa phương, đơn vị": "Local or unit day off",
    "Ngày làm việc (điều chỉnh)": "Working day (adjusted)",
    "ngày": "date",
    "loại ngày": "day type",
    "thứ": "weekday",
    "Thứ Hai": "Monday",
    "Thứ Ba": "Tuesday",
    "Thứ Tư": "Wednesday",
    "Thứ Năm": "Thursday",
    "Thứ Sáu": "Friday",
    "Thứ Bảy": "Saturday",
    "Chủ nhật": "Sunday",
    "tên gọi": "name",
    "áp dụng riêng cho cơ quan": "applies only to agency",
    "tạo lúc": "created at",
    "sửa lúc": "updated at",
    "người tạo": "created by",
    "người sửa": "updated by",
    "điều chỉnh lịch làm việc": "working calendar adjustment",
    "điều chỉnh lịch làm việc (ngày nghỉ, làm bù)": "working calendar adjustments (days off, make-up working days)",
    "“Ngày làm việc (điều chỉnh)” hủy một ngày nghỉ do thư viện ngày lễ đưa ra; “Làm bù” biến một ngày thứ Bảy, Chủ "
    "nhật thành ngày làm việc.": "“Working day (adjusted)” cancels a day off given by the holidays library; "
    "“Make-up working day” turns a Saturday or Sunday into a working day.",
    "Ví dụ: Nghỉ bù Quốc khánh, Làm bù ngày 02/05.": "For example: Compensatory day off for National Day, Make-up "
    "working day for 02/05.",
    "Số, ngày, cơ quan ban hành văn bản (ví dụ: Thông báo số …/TB-BNV ngày …).": "Number, date and issuing body of "
    "the document (e.g. Notice No. …/TB-BNV of …).",
    "Để trống: áp dụng cho toàn tỉnh. Chọn cơ quan: chỉ áp dụng cho cơ quan đó và các đơn vị trực thuộc.": "Empty: "
    "applies to the whole province. An agency: applies only to that agency and its subordinate units.",
    "Dạng dd/mm/yyyy, ví dụ 02/09/2026.": "Format dd/mm/yyyy, e.g. 02/09/2026.",
    "Ngày này đã có điều chỉnh cho cùng phạm vi áp dụng.": "This date already has an adjustment for the same scope.",
    "Ngày này đã có điều chỉnh áp dụng cho toàn tỉnh.": "This date already has a province-wide adjustment.",
    "Ngày làm bù phải là thứ Bảy hoặc Chủ nhật; để hủy một ngày nghỉ, chọn “Ngày làm việc (điều chỉnh)”.": "A "
    "make-up working day must be a Saturday or Sunday; to cancel a day off, choose “Working day (adjusted)”.",
    "Lịch làm việc chỉ quản lý các năm %(first)s–%(last)s.": "The working calendar covers only the years "
    "%(first)s–%(last)s.",
    "Lịch làm việc đã thay đổi cho các lần tính hạn từ nay. Ngày hẹn trả đã cấp cho hồ sơ không tự thay đổi.": "The "
    "working calendar has changed for deadlines computed from now on. Appointment dates already given to dossiers "
    "do not change.",
    "Quản lý lịch làm việc, ngày nghỉ": "Manage the working calendar and days off",
    # API, admin site and pages
    "motcua — Quản trị hệ thống": "motcua — Administration",
    "Quản trị hệ thống thông tin giải quyết TTHC": "Administration of the administrative procedure information "
    "system",
    "Bạn không có quyền thực hiện thao tác này tại đơn vị này.": "You are not allowed to perform this action in this "
    "unit.",
    "Cần đăng nhập hoặc mã truy cập API hợp lệ.": "Sign-in or a valid API access token is required.",
    "Không tìm thấy.": "Not found.",
    "Cần vai trò Quản trị hệ thống tại cơ quan cấp trên để thay đổi danh mục cơ quan.": "Changing the agency "
    "registry requires the System administrator role in the parent agency.",
    "Không tìm thấy %(label)s có mã định danh “%(identifier)s” vào ngày %(day)s.": "No %(label)s with electronic "
    "identifier “%(identifier)s” was found on %(day)s.",
    "Không tìm thấy đơn vị hành chính mã “%(code)s” vào ngày %(day)s.": "No administrative unit with code "
    "“%(code)s” was found on %(day)s.",
    "Không có cơ quan nào mang mã định danh “%(identifier)s”.": "No agency bears the electronic identifier "
    "“%(identifier)s”.",
    "Không có cơ quan mang mã định danh “%(identifier)s” vào ngày %(day)s.": "No agency bore the electronic "
    "identifier “%(identifier)s” on %(day)s.",
    "Không có đơn vị hành chính mã “%(code)s”.": "There is no administrative unit with code “%(code)s”.",
    "Ngày “%(value)s” không hợp lệ, hãy nhập theo dạng ngày/tháng/năm (ví dụ 01/07/2025).": "The date “%(value)s” "
    "is not valid; enter it as day/month/year (e.g. 01/07/2025).",
    "Không có cơ quan nào mang mã định danh này.": "No agency bears this electronic identifier.",
}

# Entries with msgctxt "plural": model names whose Vietnamese plural is the singular (verbose_name_plural).
EN_PLURAL = {
    "cơ quan, đơn vị": "agencies and units",
    "kế thừa cơ quan": "agency successions",
    "cơ quan kế thừa": "successor agencies",
    "đơn vị hành chính": "administrative units",
    "sắp xếp đơn vị hành chính": "administrative unit reorganisations",
    "phân công vai trò": "role assignments",
    "nhật ký thay đổi": "change log",
}
CONTEXTS = {"plural": EN_PLURAL}

ENTRY = re.compile(
    r'(?:msgctxt ("(?:[^"\\]|\\.)*")\s*)?msgid ((?:"(?:[^"\\]|\\.)*"\s*)+)msgstr ((?:"(?:[^"\\]|\\.)*"\s*)+)',
    re.S,
)


def join(quoted: str) -> str:
    return "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', quoted)).replace('\\"', '"')


def quote(text: str) -> str:
    return '"' + text.replace('"', '\\"') + '"\n'


def unfuzzy(match: re.Match) -> str:
    flags = [f.strip() for f in match.group(1).split(",") if f.strip() != "fuzzy"]
    return f"#, {', '.join(flags)}\n" if flags else ""


def main() -> int:
    text = PO.read_text(encoding="utf-8")
    missing = []

    def fill(match: re.Match) -> str:
        context = join(match.group(1)) if match.group(1) else None
        msgid = join(match.group(2))
        if not msgid:
            return match.group(0)
        table = CONTEXTS.get(context, {}) if context else EN
        if msgid not in table:
            missing.append(f"{context}|{msgid}" if context else msgid)
            return match.group(0)
        head = f"msgctxt {match.group(1)}\n" if context else ""
        return f"{head}msgid {match.group(2)}msgstr {quote(table[msgid])}\n"

    text = ENTRY.sub(fill, text)
    # Every msgstr now comes from the tables above, so msgmerge's guesses are gone: drop their "fuzzy" flag
    # (alone or among others, e.g. "#, fuzzy, python-format") and the "#| msgid" of the string it guessed from.
    text = re.sub(r"^#\|.*\n", "", text, flags=re.M)
    text = re.sub(r"^#, (.*)\n", unfuzzy, text, flags=re.M)
    PO.write_text(text, encoding="utf-8")
    for msgid in missing:
        print(f"no English for: {msgid!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
