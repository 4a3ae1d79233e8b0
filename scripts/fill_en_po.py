"""Fill the English catalogue (src/motcua/locale/en/LC_MESSAGES/django.po) from the table in this file.

Vietnamese is the source language of every string; English is a translation. After `make messages` adds new
msgids, add their English here and run: python scripts/fill_en_po.py && make messages
Fails (exit 1) listing every msgid that still has no English, so an untranslated string cannot slip through.
Model names whose Vietnamese plural equals the singular are marked ``pgettext_lazy("plural", …)`` in
``verbose_name_plural``; their English plural is in ``EN_PLURAL`` (other contexts in ``CONTEXTS``). Strings counted
with ``{% blocktranslate count %}`` have their English singular and plural in ``EN_COUNT``.

Newer screens keep their English beside this file, one module per screen in ``scripts/en/`` (each may define
``EN``, ``EN_COUNT`` and ``EN_PLURAL``); they are merged into the tables here.
"""

import importlib.util
import re
import sys
from pathlib import Path

PO = Path(__file__).resolve().parents[1] / "src/motcua/locale/en/LC_MESSAGES/django.po"

EN = {
    "Hồ sơ đang ở cơ quan phối hợp: chờ cơ quan phối hợp trả kết quả liên thông.": (
        "The dossier is with the partner body: wait for it to return its part."
    ),
    "Không có đơn vị “%(unit)s”.": "There is no unit “%(unit)s”.",
    "Con trỏ trang không hợp lệ.": "Invalid page cursor.",
    "hạn hiện hành": "current deadline",
    "Hạn mà hồ sơ đang chạy theo: ngày hẹn trả nếu đã tiếp nhận, hạn tiếp nhận nếu đang chờ tiếp nhận, thời điểm "
    "nộp nếu không có hạn. Dùng để sắp xếp các hàng đợi.": "The deadline the dossier currently runs against: the "
    "appointment once received, the reception deadline while waiting for reception, the submission time if there is "
    "no deadline. Queues are sorted by it.",
    "Trong ngày": "Same day",
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
    # --- catalogue of administrative procedures (catalog) ---
    # app, navigation, permission
    "Thủ tục hành chính": "Administrative procedures",
    "Kiểm soát thủ tục hành chính": "Procedure control",
    "Kiểm soát TTHC": "Procedure control",
    "Tra cứu thủ tục: thành phần hồ sơ, thời hạn giải quyết, phí, lệ phí, nơi nộp và căn cứ pháp lý.": "Look up "
    "procedures: dossier components, time limits, fees and charges, where to submit and the legal basis.",
    "Rà soát, soạn thảo và công bố phiên bản thủ tục; giao đơn vị thực hiện.": "Review, draft and publish procedure "
    "versions; assign the implementing units.",
    "Soạn thảo, công bố thủ tục hành chính và giao đơn vị thực hiện": "Draft and publish administrative procedures "
    "and assign the implementing units",
    # choices
    "Cấp bộ": "Ministry level",
    "Cơ quan khác": "Other agency",
    "TTHC được luật giao quy định chi tiết": "Procedure detailed by delegation of law",
    "TTHC đặc thù, không được luật giao cho địa phương quy định": "Specific procedure, not delegated by law to local "
    "regulation",
    "TTHC nội bộ": "Internal procedure",
    "Loại khác": "Other type",
    "Trực tiếp": "In person",
    "Trực tuyến": "Online",
    "Dịch vụ bưu chính công ích": "Public postal service",
    "Chỉ cung cấp thông tin": "Information only",
    "Dịch vụ công trực tuyến một phần": "Partially online public service",
    "Dịch vụ công trực tuyến toàn trình": "Fully online public service",
    "Theo địa giới hành chính": "Within administrative boundaries",
    "Không phụ thuộc địa giới trong tỉnh": "Regardless of boundaries within the province",
    "Không phụ thuộc địa giới trên toàn quốc": "Regardless of boundaries nationwide",
    "Dự thảo": "Draft",
    "Đã công bố": "Published",
    "Bị thay thế trước khi có hiệu lực": "Superseded before taking effect",
    "Phí": "Fee",
    "Lệ phí": "Charge",
    "Phí, lệ phí": "Fees and charges",
    "Giải quyết": "Handling",
    "Tiếp nhận": "Receiving",
    "ngày làm việc": "working days",
    "tháng": "months",
    "trong ngày": "same day",
    # procedures and fields
    "thủ tục hành chính": "administrative procedure",
    "thủ tục": "procedure",
    "mã thủ tục": "procedure code",
    "phiên bản đang có hiệu lực": "version in force",
    "Phiên bản đã công bố có hiệu lực hôm nay; do hệ thống cập nhật khi công bố.": "The published version in force "
    "today; updated by the system on publication.",
    "ngày tạo": "created on",
    "Mã thủ tục “%(value)s” không đúng định dạng của Cơ sở dữ liệu quốc gia về TTHC (ví dụ 1.004222).": "The "
    "procedure code “%(value)s” does not follow the format of the National Database on Administrative Procedures "
    "(e.g. 1.004222).",
    "lĩnh vực": "field",
    "mã lĩnh vực": "field code",
    "tên lĩnh vực": "field name",
    "đường dẫn": "slug",
    # versions
    "phiên bản thủ tục": "procedure version",
    "phiên bản": "version",
    "phiên bản số": "version number",
    "trạng thái": "status",
    "số quyết định công bố": "publication decision number",
    "ngày quyết định công bố": "publication decision date",
    "tên thủ tục": "procedure name",
    "cấp thực hiện": "implementing level",
    "Danh sách mã cấp: ministry, province, district, commune, other.": "List of level codes: ministry, province, "
    "district, commune, other.",
    "loại thủ tục": "procedure type",
    "đối tượng thực hiện": "applicants",
    "cơ quan có thẩm quyền": "competent authority",
    "cơ quan thực hiện": "implementing agency",
    "cơ quan được ủy quyền": "authorised agency",
    "cơ quan phối hợp": "coordinating agency",
    "địa chỉ tiếp nhận hồ sơ": "dossier receipt address",
    "trình tự thực hiện": "steps",
    "yêu cầu, điều kiện thực hiện": "requirements and conditions",
    "thủ tục liên quan": "related procedures",
    "mức độ dịch vụ công trực tuyến": "online public service level",
    "tiếp nhận không phụ thuộc địa giới": "receipt regardless of administrative boundaries",
    "nguồn": "source",
    "dvcqg_jsonl, dvcqg_json hoặc manual.": "dvcqg_jsonl, dvcqg_json or manual.",
    "địa chỉ nguồn": "source URL",
    "dấu vân tay nội dung": "content fingerprint",
    "bản ghi gốc": "original record",
    "nội dung cần rà soát": "content to review",
    "Các trường không đọc được tự động: giữ nguyên văn bản gốc để công chức kiểm soát TTHC rà soát.": "Fields that "
    "could not be read automatically: their original text is kept for the procedure control officer to review.",
    "ngày công bố trên hệ thống": "published in the system on",
    "người công bố": "published by",
    "Phiên bản đã công bố không được sửa; hãy tạo phiên bản mới (dự thảo) từ phiên bản này.": "A published version "
    "cannot be edited; create a new version (a draft) from this one.",
    "Phiên bản đã công bố không được sửa; hãy tạo phiên bản mới (dự thảo).": "A published version cannot be edited; "
    "create a new version (a draft).",
    "thứ tự": "order",
    "tên văn bản": "document title",
    "số, ký hiệu": "number and symbol",
    "kết quả thực hiện": "result",
    "tên kết quả": "result name",
    "mã kết quả": "result code",
    "Ví dụ KQ.G01.000064.": "For example KQ.G01.000064.",
    "bước quy trình nội bộ": "internal process step",
    "quy trình nội bộ": "internal process",
    "bước": "step",
    "nội dung công việc": "task",
    "vai trò thực hiện": "performing role",
    "loại đơn vị thực hiện": "performing unit type",
    "thời gian": "duration",
    "đơn vị thời gian": "time unit",
    "thông báo cho người nộp": "notify the applicant",
    "Bước %(order)s: %(name)s": "Step %(order)s: %(name)s",
    # cases, components, ways to submit, fees
    "trường hợp": "case",
    "tên trường hợp": "case name",
    "Để trống nếu thủ tục chỉ có một trường hợp.": "Leave empty if the procedure has only one case.",
    "Trường hợp chung": "General case",
    "thành phần hồ sơ": "dossier component",
    "tên giấy tờ": "document name",
    "mã thành phần": "component code",
    "số bản chính": "number of originals",
    "số bản sao": "number of copies",
    "số lượng (nguyên văn)": "quantity (verbatim)",
    "bắt buộc": "required",
    "mẫu đơn, tờ khai": "application form",
    "tệp mẫu": "form file",
    "cách thức thực hiện": "way to submit",
    "hình thức nộp": "channel",
    "thời hạn giải quyết": "time limit",
    "đơn vị thời hạn": "time limit unit",
    "thời hạn (nguyên văn)": "time limit (verbatim)",
    "mô tả": "description",
    "Không quy định": "Not specified",
    "phí, lệ phí": "fee or charge",
    "mức thu (đồng)": "amount (VND)",
    "mức thu (nguyên văn)": "amount (verbatim)",
    "ghi chú, miễn giảm": "notes, exemptions and reductions",
    "Miễn phí": "Free of charge",
    "%(amount)s đồng": "%(amount)s VND",
    # assignments
    "giao thực hiện thủ tục": "procedure assignment",
    "nhiệm vụ": "responsibility",
    "quyết định giao": "assignment decision",
    "Cơ quan đã được giao nhiệm vụ này với thủ tục này trong thời gian %(period)s.": "The agency already has this "
    "responsibility for this procedure during %(period)s.",
    # search index
    "chỉ mục tìm kiếm thủ tục": "procedure search index entry",
    "tên (đã chuẩn hóa)": "name (normalised)",
    "lĩnh vực (đã chuẩn hóa)": "field (normalised)",
    "nội dung (đã chuẩn hóa)": "content (normalised)",
    "cập nhật": "updated",
    # services
    "Chỉ công bố được phiên bản đang là dự thảo.": "Only a draft version can be published.",
    "Thiếu tên thủ tục.": "The procedure name is missing.",
    "Cần ít nhất một trường hợp với thành phần hồ sơ.": "At least one case with dossier components is required.",
    "Cần ít nhất một cách thức thực hiện (trực tiếp, trực tuyến hoặc bưu chính).": "At least one way to submit (in "
    "person, online or by post) is required.",
    "Ngày quyết định công bố không được sau ngày có hiệu lực.": "The date of the publication decision cannot be later "
    "than the effective date.",
    # public pages
    "Tìm thủ tục": "Find a procedure",
    "Ví dụ: đăng ký thường trú, khai sinh, 1.004222": "For example: đăng ký thường trú, khai sinh, 1.004222",
    "Tìm": "Search",
    "Tất cả": "All",
    "Cơ quan": "Agency",
    "Có dịch vụ công trực tuyến": "Available online",
    "Không tìm thấy thủ tục nào. Hãy thử từ khóa khác, bỏ dấu cũng được.": "No procedure found. Try other keywords; "
    "Vietnamese without diacritics works too.",
    "Phân trang": "Pagination",
    "Trang trước": "Previous page",
    "Trang %(n)s/%(total)s": "Page %(n)s of %(total)s",
    "Trang sau": "Next page",
    "Nguồn: Cơ sở dữ liệu quốc gia về thủ tục hành chính (Cổng Dịch vụ công quốc gia).": "Source: National Database "
    "on Administrative Procedures (National Public Service Portal).",
    "Không có lĩnh vực này.": "There is no such field.",
    "Cấp thực hiện không hợp lệ.": "Invalid implementing level.",
    "Không có cơ quan này.": "There is no such agency.",
    "Thủ tục này không có phiên bản có hiệu lực vào ngày đã chọn.": "This procedure has no version in force on the "
    "chosen date.",
    "Đây là phiên bản %(n)s, có hiệu lực ngày %(day)s; không phải phiên bản đang áp dụng.": "This is version %(n)s, "
    "in force on %(day)s; it is not the version currently applied.",
    "Xem phiên bản hiện hành": "See the current version",
    "Mã thủ tục": "Procedure code",
    "Lĩnh vực": "Field",
    "Cấp thực hiện": "Implementing level",
    "Loại thủ tục": "Procedure type",
    "Dịch vụ công trực tuyến": "Online public service",
    "Phạm vi tiếp nhận": "Scope of receipt",
    "Đối tượng thực hiện": "Applicants",
    "Cơ quan có thẩm quyền": "Competent authority",
    "Cơ quan thực hiện": "Implementing agency",
    "Cơ quan được ủy quyền": "Authorised agency",
    "Cơ quan phối hợp": "Coordinating agency",
    "Quyết định công bố": "Publication decision",
    "hiệu lực từ": "in force from",
    "đến": "until",
    "Nơi tiếp nhận và giải quyết": "Where to submit and who handles it",
    "Nộp hồ sơ tại:": "Submit at:",
    "Cơ quan giải quyết:": "Handled by:",
    "Chưa có đơn vị nào trong tỉnh được giao thực hiện thủ tục này.": "No unit in the province has been assigned "
    "this procedure yet.",
    "Trình tự thực hiện": "Steps",
    "Cách thức thực hiện, thời hạn giải quyết, phí và lệ phí": "Ways to submit, time limits, fees and charges",
    "Hình thức nộp": "Channel",
    "Thời hạn giải quyết": "Time limit",
    "Mô tả": "Description",
    "Không": "None",
    "Thành phần hồ sơ": "Dossier components",
    "TT": "No.",
    "Tên giấy tờ": "Document",
    "Mẫu đơn, tờ khai": "Form",
    "Số lượng": "Quantity",
    "nếu có": "if any",
    "Tải mẫu": "Download the form",
    "Yêu cầu, điều kiện thực hiện": "Requirements and conditions",
    "Kết quả thực hiện": "Result",
    "Căn cứ pháp lý": "Legal basis",
    "Quy trình nội bộ": "Internal process",
    "Bước": "Step",
    "Nội dung": "Task",
    "Thực hiện": "Performed by",
    "Thời gian": "Time",
    "Các phiên bản khác": "Other versions",
    "Phiên bản %(n)s, hiệu lực từ %(day)s": "Version %(n)s, in force from %(day)s",
    # controller screens
    "cần rà soát": "needs review",
    "quản lý phiên bản": "version management",
    "Phiên bản, công bố, giao thực hiện": "Versions, publication, assignments",
    "%(all)s thủ tục; %(review)s thủ tục có nội dung nhập tự động cần rà soát.": "%(all)s procedures; %(review)s "
    "with imported content to review.",
    "Mã hoặc tên": "Code or name",
    "Lọc": "Filter",
    "Cần rà soát": "Needs review",
    "Có dự thảo": "Has a draft",
    "Mã": "Code",
    "Tên thủ tục": "Procedure name",
    "Phiên bản hiện hành": "Current version",
    "có": "yes",
    "Không có thủ tục nào.": "No procedures.",
    "Xem trang công khai": "View the public page",
    "Các phiên bản": "Versions",
    "Số": "No.",
    "Trạng thái": "Status",
    "đang áp dụng": "current",
    "Soạn thảo": "Edit",
    "Xem chi tiết": "View details",
    "Công bố dự thảo phiên bản %(n)s": "Publish draft version %(n)s",
    "Phiên bản đang áp dụng sẽ hết hiệu lực vào ngày trước ngày có hiệu lực của phiên bản mới. Hồ sơ đã tiếp nhận "
    "giữ nguyên phiên bản cũ.": "The version currently applied ends on the day before the new version takes "
    "effect. Dossiers already received keep the old version.",
    "Tạo dự thảo phiên bản mới từ phiên bản hiện hành": "Create a new draft version from the current version",
    "Nội dung nhập tự động cần rà soát": "Imported content to review",
    "Trường": "Field",
    "Vấn đề": "Issue",
    "Văn bản gốc": "Original text",
    "Đơn vị được giao thực hiện": "Assigned units",
    "Quyết định": "Decision",
    "Kết thúc": "End",
    "Chưa giao đơn vị nào.": "No unit assigned yet.",
    "Giao thêm đơn vị": "Assign another unit",
    "Giao thực hiện": "Assign",
    "Nhật ký thay đổi": "Change log",
    "hệ thống": "system",
    "Có hiệu lực từ ngày": "In force from",
    "Số quyết định công bố": "Publication decision number",
    "Ngày quyết định": "Decision date",
    "Nhiệm vụ": "Responsibility",
    "Từ ngày": "From",
    "Quyết định giao": "Assignment decision",
    "Kết thúc sau ngày": "Ends after",
    "Cần vai trò Công chức kiểm soát TTHC hoặc Quản trị hệ thống.": "Requires the Administrative procedure control "
    "officer or System administrator role.",
    "Thủ tục đã có một dự thảo đang soạn; hãy hoàn thiện hoặc công bố dự thảo đó.": "The procedure already has a "
    "draft in progress; complete or publish that draft.",
    "Đã tạo dự thảo phiên bản %(number)s từ phiên bản %(source)s.": "Draft version %(number)s created from version "
    "%(source)s.",
    "Đã công bố phiên bản %(number)s, có hiệu lực từ %(day)s.": "Version %(number)s published, in force from "
    "%(day)s.",
    "Đã giao %(agency)s thực hiện thủ tục.": "%(agency)s has been assigned the procedure.",
    "Đã kết thúc việc giao thực hiện.": "The assignment has been ended.",
    "Ngày kết thúc không hợp lệ (dd/mm/yyyy).": "Invalid end date (dd/mm/yyyy).",
    # catalogue API errors
    "Ngày “%(value)s” không hợp lệ; dùng định dạng YYYY-MM-DD, ví dụ 2025-07-01.": "The date “%(value)s” is not "
    "valid; use the format YYYY-MM-DD, e.g. 2025-07-01.",
    "Giá trị “%(value)s” không hợp lệ; dùng information, partial, full hoặc true/false.": "The value “%(value)s” is "
    "not valid; use information, partial, full or true/false.",
    "Từ khóa tìm kiếm dài quá %(limit)d ký tự.": "The search query is longer than %(limit)d characters.",
    "Cấp thực hiện “%(level)s” không hợp lệ; dùng một trong: %(levels)s.": "The implementing level “%(level)s” is "
    "not valid; use one of: %(levels)s.",
    "Không có lĩnh vực “%(field)s”.": "There is no field “%(field)s”.",
    "Không tìm thấy cơ quan có mã định danh “%(identifier)s” vào hôm nay.": "No agency bears the electronic "
    "identifier “%(identifier)s” today.",
    "Không có thủ tục mã “%(code)s”.": "There is no procedure with code “%(code)s”.",
    "Thủ tục %(code)s không có phiên bản có hiệu lực vào ngày %(day)s.": "Procedure %(code)s has no version in force "
    "on %(day)s.",
    # --- dossiers: statuses and enumerations ---
    "Hồ sơ thủ tục hành chính": "Administrative procedure dossiers",
    "Mới đăng ký": "Newly submitted",
    "Được tiếp nhận": "Accepted",
    "Không được tiếp nhận": "Not accepted",
    "Đang xử lý": "Processing",
    "Yêu cầu bổ sung giấy tờ": "Supplement requested",
    "Yêu cầu thực hiện nghĩa vụ tài chính": "Financial obligation requested",
    "Công dân yêu cầu rút hồ sơ": "Withdrawn at the citizen's request",
    "Dừng xử lý": "Processing stopped",
    "Đã xử lý xong": "Processed",
    "Đã trả kết quả": "Result returned",
    "Bưu chính công ích": "Public postal service",
    "Nhận tại bộ phận một cửa": "Collect at the one-stop counter",
    "Nhận qua dịch vụ bưu chính công ích": "Receive by public postal service",
    "Nhận kết quả điện tử": "Receive an electronic result",
    "Công dân": "Citizen",
    "Doanh nghiệp": "Enterprise",
    "Cơ quan nhà nước": "State agency",
    "Tổ chức khác": "Other organisation",
    "Trước hạn": "Early",
    "Đúng hạn": "On time",
    "Quá hạn": "Overdue",
    "Bổ sung hồ sơ": "Dossier supplement",
    "Thực hiện nghĩa vụ tài chính": "Financial obligation",
    "Tạm dừng, tính tiếp thời gian còn lại": "Pause, then continue with the remaining time",
    "Tính lại toàn bộ thời hạn từ khi nhận đủ hồ sơ": "Restart the whole time limit once the dossier is complete",
    "tính thời gian khi bổ sung hồ sơ": "time limit when the dossier is supplemented",
    "Theo quy định của thủ tục (SPEC §8.5): mặc định tạm dừng.": "As the procedure provides (SPEC §8.5): pause by "
    "default.",
    "Bước quy trình nội bộ": "Internal process step",
    "Liên thông với cơ quan khác": "Inter-agency step with another agency",
    "Nghị định 61/2018/NĐ-CP": "Decree 61/2018/ND-CP",
    "Nghị định 118/2025/NĐ-CP": "Decree 118/2025/ND-CP",
    "Thông tư 01/2018/TT-VPCP": "Circular 01/2018/TT-VPCP",
    "Thông tư 03/2025/TT-VPCP": "Circular 03/2025/TT-VPCP",
    # --- dossiers: transitions (lifecycle) ---
    "Nộp hồ sơ trực tuyến": "Submit a dossier online",
    "Tiếp nhận tại bộ phận một cửa": "Accept at the one-stop counter",
    "Từ chối tiếp nhận tại bộ phận một cửa": "Refuse at the one-stop counter",
    "Tiếp nhận hồ sơ": "Accept the dossier",
    "Yêu cầu bổ sung, hoàn thiện hồ sơ khi tiếp nhận": "Request completion of the dossier at reception",
    "Công dân nộp lại hồ sơ đã hoàn thiện": "Citizen resubmits the completed dossier",
    "Từ chối tiếp nhận": "Refuse the dossier",
    "Chuyển hồ sơ đến cơ quan giải quyết": "Transfer the dossier to the competent agency",
    "Phân công xử lý": "Assign a handler",
    "Hoàn thành bước và chuyển bước tiếp theo": "Complete the step and move to the next one",
    "Trả lại bước trước": "Send back to the previous step",
    "Chuyển liên thông sang cơ quan phối hợp": "Send to a coordinating agency (inter-agency)",
    "Cơ quan phối hợp trả kết quả liên thông": "Coordinating agency returns its inter-agency result",
    "Yêu cầu bổ sung hồ sơ trong quá trình giải quyết": "Request a supplement during processing",
    "Tiếp nhận hồ sơ bổ sung": "Receive the supplement",
    "Thông báo thực hiện nghĩa vụ tài chính": "Notify a financial obligation",
    "Xác nhận đã thực hiện nghĩa vụ tài chính": "Confirm the financial obligation is met",
    "Dừng xử lý hồ sơ": "Stop processing the dossier",
    "Rút hồ sơ theo đề nghị của công dân": "Withdraw the dossier at the citizen's request",
    "Xin lỗi và hẹn lại ngày trả kết quả": "Apologise and set a new appointment date",
    "Hoàn thành giải quyết, có kết quả": "Complete processing with a result",
    "Trả kết quả cho công dân": "Return the result to the citizen",
    "Chuyển hồ sơ sang cơ quan kế thừa (sắp xếp tổ chức)": "Move the dossier to the successor agency "
    "(reorganisation)",
    # --- dossiers: models ---
    "Số định danh cá nhân phải gồm đúng 12 chữ số.": "A personal identification number has exactly 12 digits.",
    "Số định danh cá nhân có mã tỉnh nơi đăng ký khai sinh không hợp lệ.": "The personal identification number "
    "has an invalid birth-registration province code.",
    "họ tên / tên tổ chức": "full name / organisation name",
    "số định danh / mã số": "identification number / code",
    "Công dân: số định danh cá nhân 12 chữ số; tổ chức: mã số doanh nghiệp hoặc mã số thuế.": "Citizen: 12-digit "
    "personal identification number; organisation: enterprise code or tax code.",
    "ngày sinh": "date of birth",
    "số điện thoại": "telephone number",
    "thư điện tử": "e-mail",
    "người nộp hồ sơ": "applicant",
    "Mã số tổ chức không hợp lệ.": "The organisation code is not valid.",
    "bộ đếm mã hồ sơ": "dossier code counter",
    "mã hồ sơ": "dossier code",
    "{mã định danh cơ quan}-{yyMMdd}-{số thứ tự}; cấp khi tiếp nhận.": "{agency identifier}-{yyMMdd}-{sequence "
    "number}; issued on acceptance.",
    "mã tham chiếu": "reference",
    "Mã tạm khi nộp trực tuyến hoặc khi chưa tiếp nhận.": "Temporary code for an online submission or before "
    "acceptance.",
    "mã hồ sơ khác": "external dossier code",
    "Mã của hệ thống khác (Cổng DVCQG, hệ thống chuyên ngành).": "The code in another system (National Public "
    "Service Portal, sector systems).",
    "thủ tục (phiên bản)": "procedure (version)",
    "đơn vị tiếp nhận": "receiving unit",
    "cơ quan giải quyết": "competent agency",
    "đơn vị đang xử lý": "current unit",
    "người đang xử lý": "current handler",
    "bước hiện tại": "current step",
    "kênh nộp": "submission channel",
    "hình thức nhận kết quả": "result delivery",
    "chủ hồ sơ": "applicant",
    "người được ủy quyền": "authorised representative",
    "trích yếu": "summary",
    "số bộ hồ sơ": "number of sets",
    "chế độ pháp lý": "legal regime",
    "bộ biểu mẫu": "form set",
    "phiên bản bản ghi": "record version",
    "Tăng mỗi lần chuyển trạng thái; dùng để từ chối thao tác trên trang đã cũ.": "Increases with every status "
    "change; used to refuse an action taken on an outdated page.",
    "mã băm mục nhật ký cuối": "hash of the last log entry",
    "tình trạng bổ sung": "supplement state",
    "cách tính khi bổ sung": "time limit on supplement",
    "thời điểm nộp": "submitted at",
    "hạn tiếp nhận": "reception deadline",
    "thời điểm tiếp nhận": "accepted at",
    "ngày hẹn trả ban đầu": "original appointment date",
    "ngày hẹn trả": "appointment date",
    "thời điểm xử lý xong": "processed at",
    "thời điểm trả kết quả": "result returned at",
    "thời điểm kết thúc": "closed at",
    "Từ chối, rút hồ sơ, dừng xử lý hoặc xử lý xong.": "Refused, withdrawn, stopped or processed.",
    "kết quả về thời hạn": "timeliness",
    "hồ sơ": "dossier",
    "đã nộp": "provided",
    "số thứ tự": "sequence number",
    "họ tên người thực hiện": "name of the actor",
    "đơn vị": "unit",
    "từ trạng thái": "from status",
    "sang trạng thái": "to status",
    "nội dung": "content",
    "hạn của bước": "step deadline",
    "đúng hạn": "on time",
    "dữ liệu": "data",
    "nhật ký xử lý hồ sơ": "dossier process log",
    "người xử lý": "handler",
    "bắt đầu": "started",
    "kết thúc": "finished",
    "bước xử lý": "processing step",
    "lý do": "reason",
    "cách tính": "time limit mode",
    "cơ quan yêu cầu": "requesting agency",
    "nội dung yêu cầu": "request details",
    "tạm dừng tính thời gian": "clock pause",
    "cơ quan xin lỗi": "apologising agency",
    "ngày hẹn trước đó": "previous appointment date",
    "ngày hẹn mới": "new appointment date",
    "người ký": "signer",
    "ngày lập": "issued on",
    "phiếu xin lỗi, hẹn lại": "apology and new appointment letter",
    "ngày ký": "signed on",
    "cơ quan ban hành": "issuing agency",
    "kết quả giải quyết": "processing result",
    # --- dossiers: clock ---
    "còn %(duration)s": "%(duration)s left",
    "quá hạn %(duration)s": "%(duration)s overdue",
    "đến hạn": "due now",
    "%(text)s (đang tạm dừng)": "%(text)s (paused)",
    # --- dossiers: intake ---
    "Không có cơ quan “%(agency)s”.": "There is no agency “%(agency)s”.",
    "Cần chọn cơ quan giải quyết: thủ tục được giao cho %(count)s cơ quan.": "Choose the competent agency: the "
    "procedure is assigned to %(count)s agencies.",
    "Thủ tục chưa được giao cho cơ quan giải quyết nào trong tỉnh.": "The procedure is not yet assigned to any "
    "competent agency in the province.",
    "Không có thủ tục “%(code)s” đang có hiệu lực.": "There is no procedure “%(code)s” in force.",
    "Không có đơn vị tiếp nhận “%(agency)s”.": "There is no receiving unit “%(agency)s”.",
    "%(agency)s không được giao tiếp nhận thủ tục %(code)s.": "%(agency)s is not assigned to receive procedure "
    "%(code)s.",
    "Kênh nộp không hợp lệ.": "The submission channel is not valid.",
    "Hình thức nhận kết quả không hợp lệ.": "The result delivery method is not valid.",
    "Số bộ hồ sơ phải từ 1 đến 50.": "The number of sets must be between 1 and 50.",
    "Cần chọn một trường hợp của thủ tục.": "Choose one case of the procedure.",
    "Trường hợp không thuộc thủ tục này.": "The case does not belong to this procedure.",
    "Chỉ được yêu cầu các thành phần hồ sơ đã công bố của trường hợp này (không có: %(unknown)s).": "Only the "
    "published dossier components of this case may be required (not found: %(unknown)s).",
    # --- dossiers: transitions (refusals) ---
    "Hồ sơ %(dossier)s đã được cập nhật (lần %(version)s) sau khi bạn mở trang (lần %(expected)s); hãy tải lại "
    "trang trước khi thao tác.": "Dossier %(dossier)s was updated (version %(version)s) after you opened the page "
    "(version %(expected)s); reload the page before acting.",
    "chưa có hồ sơ": "no dossier yet",
    "%(rule)s “%(label)s”: chỉ áp dụng cho hồ sơ ở trạng thái %(allowed)s; hồ sơ đang ở trạng thái “%(state)s”.": (
        "%(rule)s “%(label)s”: applies only to a dossier with status %(allowed)s; the dossier's status is "
        "“%(state)s”."
    ),
    "%(rule)s “%(label)s”: bạn không có vai trò phù hợp tại %(agency)s vào thời điểm này.": "%(rule)s “%(label)s”: "
    "you hold no suitable role at %(agency)s at this time.",
    "%(rule)s “%(label)s”: thiếu %(input)s.": "%(rule)s “%(label)s”: %(input)s is missing.",
    "Không có hồ sơ “%(code)s”.": "There is no dossier “%(code)s”.",
    "người được phân công": "assigned handler",
    "thời gian dành cho cơ quan phối hợp": "time allotted to the coordinating agency",
    "ngày hẹn trả mới": "new appointment date",
    "số, ký hiệu văn bản kết quả": "number and reference of the result document",
    "trích yếu kết quả": "result summary",
    "người ký kết quả": "signer of the result",
    "ngày ký kết quả": "signing date of the result",
    "T5: không có cơ quan mã định danh “%(identifier)s”.": "T5: there is no agency with electronic identifier "
    "“%(identifier)s”.",
    "Hồ sơ không có bước xử lý đang mở.": "The dossier has no open processing step.",
    "Không có cán bộ “%(user)s”.": "There is no officer “%(user)s”.",
    "T6: %(person)s không có vai trò xử lý tại %(agency)s.": "T6: %(person)s holds no processing role at "
    "%(agency)s.",
    "Hồ sơ đang ở cơ quan phối hợp: dùng “trả kết quả liên thông”.": "The dossier is with a coordinating agency: "
    "use “return inter-agency result”.",
    "Đây là bước đầu tiên: không có bước trước để trả lại.": "This is the first step: there is no previous step to "
    "send it back to.",
    "Không có cơ quan phối hợp “%(partner)s”.": "There is no coordinating agency “%(partner)s”.",
    "Thời gian liên thông phải là một số.": "The inter-agency time must be a number.",
    "Thời gian liên thông phải dương, với đơn vị hợp lệ.": "The inter-agency time must be positive, with a valid "
    "unit.",
    "Hồ sơ không ở cơ quan phối hợp.": "The dossier is not with a coordinating agency.",
    "T7: %(agency)s đã yêu cầu bổ sung hồ sơ này một lần; mỗi cơ quan chỉ được yêu cầu bổ sung một lần.": "T7: "
    "%(agency)s has already requested a supplement for this dossier; each agency may request a supplement only "
    "once.",
    "Không có yêu cầu đang chờ để kết thúc.": "There is no pending request to end.",
    "%(rule)s: thời điểm “%(value)s” không hợp lệ (ISO 8601).": "%(rule)s: the time “%(value)s” is not valid "
    "(ISO 8601).",
    "T12: ngày hẹn mới phải sau ngày hẹn trả hiện tại.": "T12: the new appointment date must be after the current "
    "appointment date.",
    "T13: ngày ký kết quả không hợp lệ hoặc ở tương lai.": "T13: the signing date of the result is not valid or is "
    "in the future.",
    "Không có cơ quan “%(agency)s” vào ngày này.": "There is no agency “%(agency)s” on this date.",
    # --- dossiers: API ---
    "Không tìm thấy hồ sơ “%(code)s”.": "Dossier “%(code)s” not found.",
    "Trạng thái “%(value)s” không hợp lệ (1–10).": "The status “%(value)s” is not valid (1–10).",
    "Hồ sơ nộp trực tuyến không thể bị từ chối ngay khi nộp.": "An online dossier cannot be refused on "
    "submission.",
    "Từ chối tiếp nhận phải ghi rõ lý do (Mẫu 03).": "A refusal must state its reason (Form 03).",
    "Không có thao tác “%(action)s” đối với hồ sơ.": "There is no dossier action “%(action)s”.",
    # --- notifications ---
    "Thông báo": "Notifications",
    "Sắp đến hạn": "Due soon",
    "Bước xử lý sắp đến hạn": "Processing step due soon",
    "Bước xử lý quá hạn": "Processing step overdue",
    "Được phân công": "Assigned",
    "Công dân đã bổ sung hồ sơ": "Citizen supplemented the dossier",
    "Cơ quan phối hợp đã trả kết quả": "Coordinating agency returned its result",
    "đã đọc lúc": "read at",
    "thông báo": "notification",
    # --- core: API tokens ---
    "người dùng": "user",
    "tiền tố": "prefix",
    "mã băm SHA-256 của khóa": "SHA-256 hash of the key",
    "lần dùng cuối": "last used at",
    "ngày thu hồi": "revoked at",
    "mã truy cập API": "API token",
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
    "giao thực hiện thủ tục": "procedure assignments",
    "trường hợp": "cases",
    "thành phần hồ sơ": "dossier components",
    "cách thức thực hiện": "ways to submit",
    "phí, lệ phí": "fees and charges",
    "lĩnh vực": "fields",
    "thủ tục hành chính": "administrative procedures",
    "chỉ mục tìm kiếm thủ tục": "procedure search index",
    "phiên bản thủ tục": "procedure versions",
    "căn cứ pháp lý": "legal bases",
    "kết quả thực hiện": "results",
    "người nộp hồ sơ": "applicants",
    "bộ đếm mã hồ sơ": "dossier code counters",
    "hồ sơ": "dossiers",
    "nhật ký xử lý hồ sơ": "dossier process logs",
    "bước xử lý": "processing steps",
    "tạm dừng tính thời gian": "clock pauses",
    "phiếu xin lỗi, hẹn lại": "apology and new appointment letters",
    "kết quả giải quyết": "processing results",
    "thông báo": "notifications",
    "mã truy cập API": "API tokens",
}
# Other contexts: one Vietnamese word with several English ones (“ngày” is a date, a unit of time, and “dated”).
CONTEXTS = {
    "plural": EN_PLURAL,
    "time unit": {"ngày": "days"},
    "document date": {"ngày": "of"},
    "dossier status": {"mới": "new"},
}

# Entries with msgid_plural ({% blocktranslate count %}): English (singular, plural). Vietnamese has one form.
EN_COUNT = {
    "%(amount)s ngày làm việc": ("%(amount)s working day", "%(amount)s working days"),
    "%(amount)s giờ làm việc": ("%(amount)s working hour", "%(amount)s working hours"),
    "%(amount)s ngày": ("%(amount)s day", "%(amount)s days"),
    "%(amount)s tháng": ("%(amount)s month", "%(amount)s months"),
    "%(n)s thủ tục.": ("%(n)s procedure.", "%(n)s procedures."),
    "%(n)s thủ tục phù hợp với “%(q)s”.": (
        "%(n)s procedure matches “%(q)s”.",
        "%(n)s procedures match “%(q)s”.",
    ),
    "%(n)s bản chính": ("%(n)s original", "%(n)s originals"),
    "%(n)s bản sao": ("%(n)s copy", "%(n)s copies"),
    "%(n)s ngày": ("%(n)s day", "%(n)s days"),
    "%(n)s giờ": ("%(n)s hour", "%(n)s hours"),
    "%(n)s phút": ("%(n)s minute", "%(n)s minutes"),
}


def _merge_screen_tables() -> None:
    for path in sorted((Path(__file__).resolve().parent / "en").glob("*.py")):
        spec = importlib.util.spec_from_file_location(f"en_{path.stem}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for name, table in (("EN", EN), ("EN_COUNT", EN_COUNT), ("EN_PLURAL", EN_PLURAL)):
            for msgid, english in getattr(module, name, {}).items():
                if table.get(msgid, english) != english:
                    sys.exit(f"{path.name}: “{msgid}” already has another English: {table[msgid]!r}")
                table[msgid] = english


_merge_screen_tables()

PLURAL_ENTRY = re.compile(
    r'msgid ((?:"(?:[^"\\]|\\.)*"\s*)+)msgid_plural ((?:"(?:[^"\\]|\\.)*"\s*)+)'
    r'msgstr\[0\] ((?:"(?:[^"\\]|\\.)*"\s*)+)msgstr\[1\] ((?:"(?:[^"\\]|\\.)*"\s*)+)',
    re.S,
)
ENTRY = re.compile(
    r'(?:msgctxt ("(?:[^"\\]|\\.)*")\s*)?msgid ((?:"(?:[^"\\]|\\.)*"\s*)+)msgstr ((?:"(?:[^"\\]|\\.)*"\s*)+)',
    re.S,
)


PO_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}


def join(quoted: str) -> str:
    """The text of a (possibly multi-line) PO string, escapes decoded (a letter's ``\\n`` becomes a newline)."""
    raw = "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', quoted))
    return re.sub(r"\\(.)", lambda m: PO_ESCAPES.get(m.group(1), m.group(0)), raw)


def quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return '"' + escaped + '"\n'


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

    def fill_plural(match: re.Match) -> str:
        msgid = join(match.group(1))
        if msgid not in EN_COUNT:
            missing.append(f"{msgid} (plural)")
            return match.group(0)
        one, many = EN_COUNT[msgid]
        return f"msgid {match.group(1)}msgid_plural {match.group(2)}msgstr[0] {quote(one)}msgstr[1] {quote(many)}\n"

    text = PLURAL_ENTRY.sub(fill_plural, text)
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
