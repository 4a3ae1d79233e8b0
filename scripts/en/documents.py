"""English of the printed forms' screens: the issued forms on the dossier page, the downloads, the Sổ theo dõi hồ
sơ page and the form templates in the admin (see scripts/fill_en_po.py). The printed forms themselves are always
Vietnamese (legal documents) and are data, not messages."""

EN = {
    # app, models, admin
    "Biểu mẫu, giấy tờ": "Forms and documents",
    "mẫu in": "form template",
    "mẫu in (phiên bản)": "form template (version)",
    "bộ biểu mẫu": "form set",
    "số hiệu mẫu": "form number",
    "Ví dụ: 01.": "For example: 01.",
    "tên mẫu": "form title",
    "nội dung mẫu": "layout",
    "Ngôn ngữ trình bày của biểu mẫu: mỗi dòng là một khối (@title, @kv, @item, @table, @sign…); giá trị của hồ sơ "
    "được chèn bằng {{ … }}. Xem hướng dẫn trong motcua/documents/layout.py.": "The form's layout language: each "
    "line is a block (@title, @kv, @item, @table, @sign…); the dossier's values are inserted with {{ … }}. See the "
    "guide in motcua/documents/layout.py.",
    "phiên bản": "version",
    "lý do thay đổi": "reason for the change",
    "ngày tạo": "created on",
    "người tạo": "created by",
    "giấy tờ đã lập": "issued form",
    "hồ sơ": "dossier",
    "loại giấy tờ": "kind of form",
    "thao tác đã lập": "issuing action",
    "thời điểm lập": "issued at",
    "người lập": "issued by",
    "nội dung in": "printed values",
    "Mọi giá trị in trên giấy, lấy lúc lập.": "Every value printed on the form, taken when it was issued.",
    "bản PDF": "PDF file",
    "bản Word": "Word file",
    "Bộ biểu mẫu này không có mẫu số “%(code)s” được in theo mẫu.": (
        "This form set has no templated form number “%(code)s”."
    ),
    "Không có mẫu %(code)s của %(set)s có hiệu lực ngày %(day)s.": (
        "There is no form %(code)s of %(set)s in force on %(day)s."
    ),
    "Mẫu vừa được người khác sửa; hãy tải lại trang.": "Someone else has just changed this template; reload the page.",
    "Phiên bản %(version)s của mẫu %(code)s thay cho phiên bản %(old)s.": (
        "Version %(version)s of form %(code)s replaces version %(old)s."
    ),
    "Xem thử": "Preview",
    "Lưu thay đổi sẽ tạo phiên bản mới có hiệu lực từ ngày đã chọn; phiên bản cũ vẫn được dùng để in lại các giấy tờ "
    "đã lập.": "Saving creates a new version in force from the chosen date; the old version is still used to "
    "re-print the forms already issued.",
    "Đã tạo phiên bản %(version)s; phiên bản cũ được giữ nguyên.": (
        "Version %(version)s created; the old version is kept unchanged."
    ),
    # the dossier page
    "Giấy tờ đã lập": "Issued forms",
    "Lập lúc %(at)s": "Issued at %(at)s",
    "In (PDF)": "Print (PDF)",
    "Tải bản Word (.docx)": "Download the Word file (.docx)",
    "In theo quá trình xử lý đến thời điểm in.": "Printed from the processing history as it is at the time of printing.",
    "Chưa có giấy tờ nào được lập cho hồ sơ này.": "No form has been issued for this dossier yet.",
    # downloads
    "Không tìm thấy hồ sơ “%(code)s”, hoặc hồ sơ không thuộc các đơn vị bạn được xem.": (
        "Dossier “%(code)s” was not found, or it does not belong to the units whose dossiers you may see."
    ),
    "Không tìm thấy giấy tờ này, hoặc hồ sơ không thuộc các đơn vị bạn được xem.": (
        "This form was not found, or its dossier does not belong to the units whose dossiers you may see."
    ),
    "Hồ sơ “%(code)s” chưa được tiếp nhận nên chưa có giấy tiếp nhận.": (
        "Dossier “%(code)s” has not been accepted, so it has no receipt."
    ),
    "Hồ sơ “%(code)s” chưa được tiếp nhận nên chưa có phiếu kiểm soát.": (
        "Dossier “%(code)s” has not been accepted, so it has no control sheet."
    ),
    # the book
    "Sổ theo dõi hồ sơ": "Dossier register",
    "Hồ sơ đơn vị đã tiếp nhận, theo thứ tự tiếp nhận. Mỗi đơn vị một quyển mỗi năm; số thứ tự trùng với số in trên "
    "giấy tiếp nhận.": "The dossiers the unit received, in order of receipt. One book per unit and year; the serial "
    "numbers are those printed on the receipts.",
    "Bạn không có đơn vị nào được xem hồ sơ.": "You have no unit whose dossiers you may see.",
    "Chọn đơn vị và khoảng thời gian": "Choose the unit and the period",
    "Đơn vị": "Unit",
    "Tiếp nhận từ ngày": "Received from",
    "đến ngày": "to",
    "ngày/tháng/năm": "dd/mm/yyyy",
    "Ngày không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 01/03/2026.": (
        "Invalid date: enter it as day/month/year, e.g. 01/03/2026."
    ),
    "Ngày không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 31/03/2026.": (
        "Invalid date: enter it as day/month/year, e.g. 31/03/2026."
    ),
    "Ngày kết thúc phải từ ngày bắt đầu trở đi.": "The end date must not be before the start date.",
    "Xem sổ": "Show the register",
    "tiếp nhận từ ngày %(start)s đến ngày %(end)s": "received from %(start)s to %(end)s",
    "Tải sổ (.xlsx)": "Download the register (.xlsx)",
    "Quyển số": "Book",
    "TT": "No.",
    "Mã hồ sơ": "Dossier code",
    "Tên TTHC": "Procedure",
    "Số lượng hồ sơ (bộ)": "Number of sets",
    "Tên cá nhân, tổ chức": "Person or organisation",
    "Địa chỉ, số điện thoại": "Address, telephone",
    "Cơ quan chủ trì giải quyết": "Competent agency",
    "Ngày, tháng, năm": "Dates",
    "Nhận hồ sơ": "Dossier received",
    "Hẹn trả kết quả": "Result promised for",
    "Nhận kết quả từ cơ quan giải quyết": "Result received from the competent agency",
    "Trả kết quả cho cá nhân, tổ chức": "Result returned to the applicant",
    "Ghi chú": "Note",
    "Xem tiếp": "Show more",
    "Không còn hồ sơ nào.": "No more dossiers.",
    "Đơn vị không tiếp nhận hồ sơ nào trong khoảng thời gian này.": "The unit received no dossier in this period.",
    "Khoảng thời gian có %(count)s hồ sơ, quá %(max)s hồ sơ của một tệp: hãy chọn khoảng ngắn hơn.": (
        "The period has %(count)s dossiers, more than the %(max)s of one file: choose a shorter period."
    ),
}

EN_PLURAL = {"mẫu in": "form templates", "giấy tờ đã lập": "issued forms"}
EN_COUNT = {}
