"""English of the reports (issue 10): Biểu 06 on screen and its parameters, the leaders' dashboard and its charts,
the overdue list, the public transparency page and its open data, the API's and the roll-up's messages (see
scripts/fill_en_po.py). The .xlsx and PDF of Biểu 06 stay Vietnamese: they are the official form."""

EN = {
    # permission, app, workspace menu
    "Xem báo cáo, thống kê giải quyết TTHC (Biểu 06, tổng quan, danh sách quá hạn) của đơn vị và đơn vị trực thuộc": (
        "View the statistics of administrative procedures (Form 06, overview, overdue list) of the unit and its "
        "subunits"
    ),
    "Báo cáo, thống kê": "Reports and statistics",
    "Báo cáo": "Reports",
    "Công khai": "Transparency",
    "Bạn không có quyền xem báo cáo của %(unit)s (cần vai trò lãnh đạo, kiểm soát TTHC tại đơn vị).": (
        "You may not view the reports of %(unit)s (a leader's or TTHC controller's role in the unit is needed)."
    ),
    "Chỉ lãnh đạo cơ quan, đơn vị, lãnh đạo Trung tâm Phục vụ hành chính công, công chức kiểm soát thủ tục hành "
    "chính và quản trị hệ thống được xem báo cáo thống kê. Bạn chưa được giao vai trò nào trong số này.": (
        "Only heads of agencies and units, heads of Public Administration Service Centres, TTHC controllers and "
        "system administrators may view the statistics. You hold none of these roles."
    ),
    # the parameters
    "Tham số báo cáo": "Report parameters",
    "Kỳ báo cáo": "Reporting period",
    "Năm": "Year",
    "Tháng": "Month",
    "Tháng %(month)s": "Month %(month)s",
    "Tháng %(m)s": "Month %(m)s",
    "Quý": "Quarter",
    "Quý %(quarter)s": "Quarter %(quarter)s",
    "6 tháng": "Half-year",
    "6 tháng đầu năm": "First half of the year",
    "6 tháng cuối năm": "Second half of the year",
    "Cả năm": "Whole year",
    "Từ ngày … đến ngày …": "From … to …",
    "Cách tính kỳ": "Period boundaries",
    "Theo lịch (từ ngày 1)": "Calendar (from the 1st)",
    "Kỳ báo cáo theo Nghị định 09/2019/NĐ-CP (ngày 15 đến ngày 14)": (
        "Reporting window of Decree 09/2019/NĐ-CP (15th to 14th)"
    ),
    "Đến ngày": "To",
    "Số liệu": "Figures",
    "Như tại thời điểm đó": "As they were then",
    "Quy đổi theo đơn vị hiện nay (sau sắp xếp)": "Re-mapped to today's units (after reorganisation)",
    "Mẫu biểu": "Form",
    "Biểu 06: tại cơ quan, đơn vị trực tiếp giải quyết": "Form 06: at the agencies that handle the dossiers",
    "Biểu II.06a: tại Trung tâm Phục vụ hành chính công (hồ sơ tiếp nhận tại đó)": (
        "Form II.06a: at the Public Administration Service Centre (dossiers received there)"
    ),
    "%(name)s (đến %(day)s)": "%(name)s (until %(day)s)",
    "Chỉ dùng khi chọn kỳ “Từ ngày … đến ngày …” (dd/mm/yyyy).": "Only for the period “From … to …” (dd/mm/yyyy).",
    "Xem báo cáo": "Show the report",
    "Ngày không hợp lệ: nhập theo dạng dd/mm/yyyy.": "Invalid date: type it as dd/mm/yyyy.",
    "Bạn không có quyền xem báo cáo của đơn vị này, hoặc đơn vị không tồn tại.": (
        "You may not view the reports of this unit, or it does not exist."
    ),
    "Kỳ báo cáo chưa bắt đầu.": "The reporting period has not begun.",
    "%(unit)s đã kết thúc hoạt động ngày %(day)s: không quy đổi được theo đơn vị hiện nay.": (
        "%(unit)s ceased on %(day)s: its figures cannot be re-mapped to today's units."
    ),
    "Hãy chọn đơn vị kế thừa (%(successor)s), hoặc xem số liệu như tại thời điểm đó.": (
        "Choose its successor (%(successor)s), or view the figures as they were then."
    ),
    "Cách tính kỳ phải là “calendar” (theo lịch) hoặc “nd09” (ngày 15 đến ngày 14).": (
        "The window must be “calendar” or “nd09” (15th to 14th)."
    ),
    "Cách tính theo đơn vị phải là “then” (như tại thời điểm đó) hoặc “today” (quy đổi).": (
        "The mapping must be “then” (as then) or “today” (re-mapped)."
    ),
    "Mẫu biểu phải là “agency” (Biểu 06) hoặc “centre” (Biểu II.06a).": (
        "The variant must be “agency” (Form 06) or “centre” (Form II.06a)."
    ),
    "Chỉ dùng một trong hai: kỳ (period) hoặc khoảng ngày (from, to).": (
        "Use one of the two: a period (period) or a range of days (from, to)."
    ),
    "Cần ngày bắt đầu (YYYY-MM-DD) hoặc một kỳ (period).": "A start date (YYYY-MM-DD) or a period is needed.",
    "Cần ngày kết thúc (YYYY-MM-DD) hoặc một kỳ (period).": "An end date (YYYY-MM-DD) or a period is needed.",
    "Cần mã định danh của đơn vị (ví dụ 000.00.00.H56).": "The unit's identifier is needed (e.g. 000.00.00.H56).",
    "Không có đơn vị mã định danh “%(unit)s”.": "There is no unit with the identifier “%(unit)s”.",
    "Loại kỳ báo cáo không hợp lệ.": "Invalid kind of reporting period.",
    "Cách tính kỳ phải là theo lịch hoặc theo Nghị định 09/2019/NĐ-CP.": (
        "The period must follow the calendar or Decree 09/2019/NĐ-CP."
    ),
    "Cần ngày bắt đầu kỳ báo cáo.": "The first day of the period is needed.",
    "Cần ngày kết thúc kỳ báo cáo.": "The last day of the period is needed.",
    "Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.": "The last day must be on or after the first day.",
    "Kỳ báo cáo dài quá 5 năm.": "The period is longer than 5 years.",
    "Năm phải từ 2000 đến 2100.": "The year must be between 2000 and 2100.",
    "Quý phải từ 1 đến 4.": "The quarter must be between 1 and 4.",
    "Tháng phải từ 1 đến 12.": "The month must be between 1 and 12.",
    "Chọn 6 tháng đầu năm (1) hoặc cuối năm (2).": "Choose the first (1) or the second (2) half of the year.",
    "Kỳ “%(code)s” không hợp lệ: dùng YYYY-MM, YYYY-Qn, YYYY-Hn hoặc YYYY (ví dụ 2026-Q1).": (
        "Invalid period “%(code)s”: use YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY (e.g. 2026-Q1)."
    ),
    "Ngày “%(value)s” không hợp lệ: cần dạng YYYY-MM-DD.": "Invalid date “%(value)s”: use YYYY-MM-DD.",
    "Năm phải là một số, ví dụ %(year)s.": "The year must be a number, e.g. %(year)s.",
    "Kỳ này chưa bắt đầu: chưa có số liệu.": "This period has not begun: there are no figures yet.",
    # periods
    "Tháng %(month)s năm %(year)s": "Month %(month)s of %(year)s",
    "Quý %(quarter)s năm %(year)s": "Quarter %(quarter)s of %(year)s",
    "6 tháng đầu năm %(year)s": "First half of %(year)s",
    "6 tháng cuối năm %(year)s": "Second half of %(year)s",
    "Năm %(year)s": "Year %(year)s",
    "Từ ngày %(start)s đến ngày %(end)s": "From %(start)s to %(end)s",
    # levels, units, fields
    "Cấp huyện": "District level",
    "Cơ quan ngành dọc": "Vertical agencies",
    "Văn phòng Chính phủ": "Government Office",
    "Chưa xác định lĩnh vực": "Field not set",
    "Các lĩnh vực khác": "Other fields",
    "(chưa vào bước xử lý nội bộ)": "(not yet in an internal step)",
    # Biểu 06
    "Biểu 06": "Form 06",
    "Biểu 06 — Tình hình, kết quả giải quyết TTHC": "Form 06 — Handling of administrative procedures",
    "Tình hình, kết quả giải quyết thủ tục hành chính": "Handling of administrative procedures and its results",
    "Lĩnh vực, công việc giải quyết theo cấp": "Field, work handled, by level",
    "Số hồ sơ nhận giải quyết": "Dossiers to handle",
    "Số hồ sơ đã giải quyết": "Dossiers resolved",
    "Số lượng hồ sơ đang giải quyết": "Dossiers being handled",
    "Trong đó": "Of which",
    "Tổng số": "Total",
    "Trực tiếp, dịch vụ bưu chính": "In person, by post",
    "Từ kỳ trước": "From the previous period",
    "Trong hạn": "Within time",
    "STT": "No.",
    "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT TTHC": (
        "HANDLING OF ADMINISTRATIVE PROCEDURES AT THE AGENCIES THAT HANDLE THEM"
    ),
    "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC TẠI TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG": (
        "HANDLING OF ADMINISTRATIVE PROCEDURES AT THE PUBLIC ADMINISTRATION SERVICE CENTRE"
    ),
    "Ban hành kèm theo Thông tư số 01/2020/TT-VPCP ngày 21/10/2020": (
        "Issued with Circular 01/2020/TT-VPCP of 21/10/2020"
    ),
    "Đơn vị tính: Số hồ sơ TTHC.": "Unit: number of dossiers.",
    "Ghi chú: cột (9) gồm cả hồ sơ công dân xin rút và hồ sơ dừng xử lý; cột (12) gồm cả hồ sơ đang tạm dừng chờ "
    "bổ sung hoặc thực hiện nghĩa vụ tài chính. Trước hạn, đúng hạn, quá hạn: so ngày kết thúc xử lý với ngày hẹn "
    "trả ban đầu (không tính ngày hẹn lại trong phiếu xin lỗi).": (
        "Note: column (9) includes dossiers withdrawn by the citizen and dossiers whose processing was stopped; "
        "column (12) includes dossiers paused for a supplement or a financial obligation. Early, on time, late: the "
        "day processing ended against the day of the original appointment (not the new date of an apology letter)."
    ),
    "Kỳ báo cáo:": "Reporting period:",
    "Đơn vị báo cáo:": "Reporting unit:",
    "Đơn vị nhận báo cáo:": "Report sent to:",
    "Đơn vị tính:": "Unit:",
    "Số hồ sơ TTHC.": "number of dossiers.",
    "Số liệu quy đổi theo đơn vị hiện nay: hồ sơ của cơ quan đã sắp xếp, hợp nhất được tính cho cơ quan kế thừa.": (
        "Figures re-mapped to today's units: the dossiers of reorganised or merged bodies count for their successor."
    ),
    "Số liệu như tại thời điểm phát sinh: hồ sơ tính cho cơ quan đã giải quyết khi đó.": (
        "Figures as they were then: each dossier counts for the body that handled it."
    ),
    "Kỳ chưa kết thúc: số liệu đến hết ngày %(day)s.": "The period has not ended: figures up to the end of %(day)s.",
    "Hạn gửi báo cáo: %(day)s.": "Report due on %(day)s.",
    "Tải về .xlsx (mẫu chính thức)": "Download .xlsx (official layout)",
    "Tải về .pdf": "Download .pdf",
    "Số liệu không thỏa mãn đẳng thức:": "The figures break an identity:",
    "Đã kiểm tra: (3) = (4) + (5) + (6); (7) = (8) + (9) + (10); (11) = (12) + (13); (3) = (7) + (11) ở mọi dòng.": (
        "Checked on every row: (3) = (4) + (5) + (6); (7) = (8) + (9) + (10); (11) = (12) + (13); (3) = (7) + (11)."
    ),
    # dashboard
    "Tổng quan tình hình giải quyết TTHC": "Overview of administrative procedures",
    "Tổng quan tình hình giải quyết thủ tục hành chính": "Overview of the handling of administrative procedures",
    "Số liệu đến hết ngày %(day)s.": "Figures up to the end of %(day)s.",
    "hồ sơ tiếp nhận mới": "dossiers received",
    "và %(n)s từ kỳ trước": "and %(n)s from the previous period",
    "giải quyết trước hạn và đúng hạn (trên %(n)s hồ sơ đã giải quyết)": "resolved early or on time (of %(n)s resolved)",
    "giải quyết quá hạn (%(share)s), %(n)s có văn bản xin lỗi": "resolved late (%(share)s), %(n)s with an apology letter",
    "đang giải quyết cuối kỳ, trong đó %(n)s quá hạn": "being handled at the end, of which %(n)s overdue",
    "đang tạm dừng (chờ bổ sung, nghĩa vụ tài chính)": "paused (waiting for a supplement or a financial obligation)",
    "từ chối tiếp nhận; %(w)s xin rút; %(s)s dừng xử lý": "refused at reception; %(w)s withdrawn; %(s)s stopped",
    "hồ sơ nộp trực tuyến": "of dossiers submitted online",
    "hồ sơ có thành phần được số hóa": "of dossiers with digitised components",
    "Tóm tắt": "Summary",
    "Ngoài ra: %(refused)s hồ sơ bị từ chối tiếp nhận; %(withdrawn)s hồ sơ công dân xin rút và %(stopped)s hồ sơ "
    "dừng xử lý (tính vào số đã giải quyết, cột đúng hạn của Biểu 06).": (
        "Besides: %(refused)s dossiers refused at reception; %(withdrawn)s withdrawn by the citizen and %(stopped)s "
        "stopped (counted as resolved, in the on-time column of Form 06)."
    ),
    "Diễn biến trong kỳ": "Over the period",
    "Bảng số liệu": "Data table",
    "Đã tiếp nhận": "Received",
    "Đang giải quyết cuối kỳ": "Being handled at the end",
    "Trong đó quá hạn": "Of which overdue",
    "Theo kênh tiếp nhận": "By channel",
    "Kênh": "Channel",
    "Tỷ lệ": "Share",
    "Hồ sơ đang quá hạn": "Dossiers overdue now",
    "Tại thời điểm %(at)s: %(n)s hồ sơ đang giải quyết đã qua ngày hẹn trả (không tính hồ sơ đang tạm dừng).": (
        "At %(at)s: %(n)s dossiers being handled are past their appointment (paused dossiers not counted)."
    ),
    "Theo bước xử lý": "By step",
    "Bước xử lý": "Step",
    "Theo người xử lý": "By handler",
    "Không có hồ sơ đang quá hạn.": "No dossier is overdue.",
    "Danh sách hồ sơ quá hạn, lý do và văn bản xin lỗi": "Overdue dossiers, reasons and apology letters",
    "Theo lĩnh vực": "By field",
    "Theo đơn vị": "By unit",
    "Trước hạn, đúng hạn": "Early or on time",
    "Đang quá hạn": "Overdue now",
    "Không có số liệu.": "No figures.",
    "Kết quả giải quyết theo thời gian": "Results over time",
    "Số hồ sơ đã giải quyết trước hạn, đúng hạn và quá hạn (cột chồng) và số hồ sơ tiếp nhận (đường) theo từng "
    "ngày của kỳ; bảng số liệu ở dưới.": (
        "Dossiers resolved early, on time and late (stacked bars) and dossiers received (line) for each day of the "
        "period; the data table is below."
    ),
    "Số hồ sơ đã giải quyết trước hạn, đúng hạn và quá hạn (cột chồng) và số hồ sơ tiếp nhận (đường) theo từng "
    "tháng của kỳ; bảng số liệu ở dưới.": (
        "Dossiers resolved early, on time and late (stacked bars) and dossiers received (line) for each month of "
        "the period; the data table is below."
    ),
    "Hồ sơ đang giải quyết cuối mỗi kỳ con": "Dossiers being handled at the end of each day or month",
    "Số hồ sơ đang giải quyết trong hạn và quá hạn vào cuối mỗi ngày, tháng của kỳ.": (
        "Dossiers being handled within time and overdue at the end of each day or month of the period."
    ),
    "Hồ sơ tiếp nhận theo kênh": "Dossiers received by channel",
    "Số hồ sơ tiếp nhận trực tiếp, trực tuyến và qua bưu chính công ích trong kỳ.": (
        "Dossiers received in person, online and by public post in the period."
    ),
    "Kết quả giải quyết theo lĩnh vực": "Results by field",
    "Số hồ sơ đã giải quyết trong hạn (trước hạn, đúng hạn) và quá hạn của các lĩnh vực nhiều hồ sơ nhất.": (
        "Dossiers resolved within time (early, on time) and late in the fields with the most dossiers."
    ),
    "Kết quả giải quyết theo đơn vị": "Results by unit",
    "Số hồ sơ đã giải quyết trong hạn và quá hạn của từng đơn vị trực thuộc.": (
        "Dossiers resolved within time and late by each subunit."
    ),
    # overdue list
    "Hồ sơ quá hạn": "Overdue dossiers",
    "Hồ sơ giải quyết quá hạn và đang quá hạn": "Dossiers resolved late and dossiers overdue",
    "%(unit)s và đơn vị trực thuộc, %(period)s: %(n)s hồ sơ giải quyết quá hạn trong kỳ hoặc còn quá hạn cuối ngày "
    "%(day)s (so với ngày hẹn trả ban đầu).": (
        "%(unit)s and its subunits, %(period)s: %(n)s dossiers resolved late in the period or still overdue at the "
        "end of %(day)s (against the original appointment)."
    ),
    "Hiển thị %(n)s hồ sơ quá hạn nhiều nhất.": "Showing the %(n)s most overdue.",
    "Hẹn trả ban đầu": "Original appointment",
    "Quá hạn (ngày làm việc)": "Late (working days)",
    "Lý do, văn bản xin lỗi": "Reasons, apology letters",
    "đang chờ": "waiting",
    "Xin lỗi ngày %(day)s, hẹn lại %(new)s": "Apology of %(day)s, new date %(new)s",
    "Chưa có văn bản xin lỗi": "No apology letter yet",
    "Không có hồ sơ quá hạn trong kỳ.": "No overdue dossier in the period.",
    # public page and open data
    "Công khai kết quả giải quyết thủ tục hành chính": "Public results of administrative procedures",
    "Công khai kết quả giải quyết TTHC": "Public results of administrative procedures",
    "Số hồ sơ tiếp nhận, đã giải quyết, tỷ lệ giải quyết đúng hạn và số hồ sơ quá hạn của từng cơ quan, đơn vị. Số "
    "liệu cập nhật ngay khi hồ sơ thay đổi trạng thái; chỉ gồm số lượng, không có thông tin cá nhân.": (
        "Dossiers received and resolved, the on-time rate and late dossiers of every agency and unit. The figures "
        "change as soon as a dossier changes status; they are counts only, with no personal data."
    ),
    "Chọn kỳ": "Choose the period",
    "Dữ liệu mở": "Open data",
    "Cùng số liệu, để tải về và sử dụng lại:": "The same figures, to download and reuse:",
    "(tham số: nam=YYYY, thang=1–12).": "(parameters: nam=YYYY, thang=1–12).",
    "từ %(start)s đến %(end)s": "from %(start)s to %(end)s",
    "cập nhật lúc %(at)s": "updated at %(at)s",
    "Kết quả giải quyết thủ tục hành chính theo cơ quan, đơn vị": "Results of administrative procedures by agency",
    "Đã giải quyết": "Resolved",
    "Tỷ lệ đúng hạn": "On-time rate",
    "Quá hạn có xin lỗi": "Late, with apology",
    "Đang giải quyết": "In progress",
    "Chưa có số liệu trong kỳ này.": "No figures in this period yet.",
    "Tổng cộng": "Total",
    "Đúng hạn: hồ sơ giải quyết trước hạn hoặc đúng hạn (kể cả hồ sơ công dân xin rút, dừng xử lý) trên tổng số hồ "
    "sơ đã giải quyết; quá hạn so với ngày hẹn trả ban đầu. Hồ sơ của cơ quan đã sắp xếp, hợp nhất được tính cho cơ "
    "quan kế thừa hiện nay.": (
        "On-time rate: dossiers resolved early or on time (withdrawn and stopped ones included) over all dossiers "
        "resolved; late against the original appointment. The dossiers of reorganised or merged bodies count for "
        "today's successor."
    ),
    "Không có cơ quan, đơn vị mã “%(identifier)s”.": "There is no agency or unit “%(identifier)s”.",
    "Mã định danh %(identifier)s thuộc một cơ quan đã sắp xếp; số liệu của cơ quan đó được tính cho %(name)s.": (
        "Identifier %(identifier)s belonged to a reorganised body; its figures count for %(name)s."
    ),
    "Kết quả giải quyết của %(unit)s": "Results of %(unit)s",
    "Số hồ sơ giải quyết trước hạn, đúng hạn, quá hạn (cột chồng) và số tiếp nhận (đường) theo kỳ.": (
        "Dossiers resolved early, on time and late (stacked bars) and received (line) over the period."
    ),
    "hồ sơ tiếp nhận": "dossiers received",
    "hồ sơ đã giải quyết": "dossiers resolved",
    "giải quyết trước hạn, đúng hạn": "resolved early or on time",
    "quá hạn, trong đó %(n)s có văn bản xin lỗi": "late, of which %(n)s with an apology letter",
    "đang giải quyết": "in progress",
    "Theo thời gian": "Over time",
    # models
    "Công dân rút hồ sơ": "Withdrawn by the citizen",
    "Bị từ chối tiếp nhận": "Refused at reception",
    "0: thủ tục chưa gắn lĩnh vực.": "0: the procedure has no field.",
    "ngày tiếp nhận": "day received",
    "ngày kết thúc xử lý": "day processing ended",
    "Xử lý xong, rút, dừng hoặc từ chối; trống: đang giải quyết.": (
        "Finished, withdrawn, stopped or refused; empty: in progress."
    ),
    "kết quả": "outcome",
    "quá hạn từ ngày": "overdue from",
    "Ngày đầu tiên mà cuối ngày hồ sơ còn đang giải quyết và đã qua ngày hẹn trả; trống nếu không.": (
        "The first day at whose end the dossier was still being handled and past its appointment; empty if none."
    ),
    "có phiếu xin lỗi": "has an apology letter",
    "có thành phần được số hóa": "has digitised components",
    "số liệu thống kê của hồ sơ": "dossier statistics",
    "tạm dừng (thống kê)": "pause (statistics)",
    "số liệu tổng hợp theo ngày": "daily roll-up",
}

EN_COUNT = {
    "Trong kỳ, tiếp nhận mới %(received)s hồ sơ (trực tuyến %(online)s, chiếm %(online_share)s; trực tiếp và qua dịch "
    "vụ bưu chính công ích %(offline)s); từ kỳ trước chuyển sang %(carried)s hồ sơ.": (
        "In the period, %(received)s new dossier was received (online %(online)s, %(online_share)s; in person and by "
        "public post %(offline)s); %(carried)s dossiers were carried over from the previous period.",
        "In the period, %(received)s new dossiers were received (online %(online)s, %(online_share)s; in person and "
        "by public post %(offline)s); %(carried)s dossiers were carried over from the previous period.",
    ),
    "Đã giải quyết %(resolved)s hồ sơ, trong đó trước hạn và đúng hạn %(in_time)s hồ sơ, đạt %(in_time_share)s; quá "
    "hạn %(late)s hồ sơ, chiếm %(late_share)s.": (
        "%(resolved)s dossier was resolved, %(in_time)s of them early or on time (%(in_time_share)s); %(late)s late "
        "(%(late_share)s).",
        "%(resolved)s dossiers were resolved, %(in_time)s of them early or on time (%(in_time_share)s); %(late)s late "
        "(%(late_share)s).",
    ),
    "Đang giải quyết %(pending)s hồ sơ, trong đó trong hạn %(within)s hồ sơ (kể cả %(paused)s hồ sơ đang tạm dừng chờ "
    "bổ sung hoặc thực hiện nghĩa vụ tài chính), quá hạn %(overdue)s hồ sơ.": (
        "%(pending)s dossier is being handled: %(within)s within time (including %(paused)s paused for a supplement or "
        "a financial obligation), %(overdue)s overdue.",
        "%(pending)s dossiers are being handled: %(within)s within time (including %(paused)s paused for a supplement "
        "or a financial obligation), %(overdue)s overdue.",
    ),
}

EN_PLURAL = {
    "số liệu thống kê của hồ sơ": "dossier statistics",
    "tạm dừng (thống kê)": "pauses (statistics)",
    "số liệu tổng hợp theo ngày": "daily roll-up",
}
