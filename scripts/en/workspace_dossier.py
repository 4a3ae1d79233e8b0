"""English of the workspace's dossier page: the page, its action forms and their messages (see scripts/fill_en_po.py).

Some msgids are shared with other workspace screens (layout, queue, overview, intake): “Hồ sơ của đơn vị”,
“Người đang xử lý”, “Đơn vị tiếp nhận”, “Đơn vị đang xử lý”, “Thủ tục”, “Hạn”, “Trường hợp”, “Số bộ hồ sơ”,
“Ngày sinh”, “Kênh nộp”, “Nội dung:”. Their English here follows the model field names already in the catalogue
(“receiving unit”, “current handler”…); a screen that merges another English for them makes fill_en_po.py stop.
"""

EN = {
    # page
    "Hồ sơ %(code)s": "Dossier %(code)s",
    "Hồ sơ": "Dossier",
    "Hồ sơ của đơn vị": "Unit dossiers",
    "Không tìm thấy hồ sơ": "Dossier not found",
    "Về danh sách hồ sơ của đơn vị": "Back to the unit's dossiers",
    "Không tìm thấy hồ sơ “%(code)s”, hoặc hồ sơ không thuộc các đơn vị bạn được xem.": (
        "Dossier “%(code)s” was not found, or it does not belong to the units whose dossiers you may see."
    ),
    "Mã tham chiếu tạm: hồ sơ chưa được tiếp nhận nên chưa có mã hồ sơ.": (
        "Temporary reference: the dossier has not been accepted yet, so it has no dossier code."
    ),
    "Mã tham chiếu: %(reference)s": "Reference: %(reference)s",
    "Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01)": "Receipt and appointment for the result (Form 01)",
    "Thao tác": "Actions",
    "Bạn không có thao tác nào với hồ sơ này ở trạng thái hiện tại.": (
        "You have no action on this dossier in its current status."
    ),
    "Tình trạng xử lý": "Processing status",
    "Đơn vị tiếp nhận": "Receiving unit",
    "Cơ quan giải quyết": "Competent agency",
    "Đơn vị đang xử lý": "Current unit",
    "Bước hiện tại": "Current step",
    "hạn %(due)s": "due %(due)s",
    "Người đang xử lý": "Current handler",
    "chưa phân công": "not assigned",
    "Nộp lúc": "Submitted at",
    "Hạn tiếp nhận": "Reception deadline",
    "Tiếp nhận lúc": "Accepted at",
    "Ngày hẹn trả": "Appointment date",
    "đã hẹn lại": "rescheduled",
    "Ngày hẹn trả ban đầu": "Original appointment date",
    "dùng để đánh giá đúng hạn": "used to judge timeliness",
    "Xử lý xong lúc": "Finished at",
    "Trả kết quả lúc": "Result returned at",
    "Kết thúc lúc": "Closed at",
    "Xin lỗi và hẹn lại ngày trả (Mẫu 04)": "Apology and new appointment (Form 04)",
    "%(at)s — %(agency)s: hẹn lại từ %(before)s sang %(after)s.": (
        "%(at)s — %(agency)s: appointment moved from %(before)s to %(after)s."
    ),
    "Lý do:": "Reason:",
    "Người ký:": "Signed by:",
    "Tạm dừng tính thời gian": "Clock pauses",
    "Từ %(start)s đến %(end)s": "From %(start)s to %(end)s",
    "Từ %(start)s, đang tạm dừng": "From %(start)s, still paused",
    "Nội dung:": "Content:",
    "Kết quả giải quyết": "Processing result",
    "Số, ký hiệu": "Number and symbol",
    "Trích yếu": "Summary",
    "Người ký": "Signer",
    "Ngày ký": "Signed on",
    "Cơ quan ban hành": "Issuing agency",
    "Mã kết quả": "Result code",
    "Chủ hồ sơ": "Applicant",
    "Người được ủy quyền": "Authorised representative",
    "Thủ tục và hồ sơ": "Procedure and dossier",
    "Thủ tục": "Procedure",
    "Trường hợp": "Case",
    "Kênh nộp": "Submission channel",
    "Nhận kết quả": "Result delivery",
    "Số bộ hồ sơ": "Number of sets",
    "Mã hồ sơ khác": "External dossier code",
    "%(originals)s bản chính, %(copies)s bản sao": "%(originals)s original(s), %(copies)s copy(ies)",
    "chưa nộp": "not submitted",
    "Không có thành phần hồ sơ.": "No dossier components.",
    "Các bước xử lý": "Processing steps",
    "Đơn vị, người xử lý": "Unit, handler",
    "Bắt đầu": "Started",
    "Hạn": "Deadline",
    "liên thông": "inter-agency",
    "đang xử lý": "in progress",
    "Quá trình xử lý (Phiếu kiểm soát)": "Processing history (control sheet)",
    "Hạn của bước: %(due)s": "Step deadline: %(due)s",
    "Chưa có mục nào.": "No entries yet.",
    "Họ tên / tên tổ chức": "Full name / organisation name",
    "Số định danh / mã số": "Identification number / code",
    "Ngày sinh": "Date of birth",
    # action forms
    "Tải lại trang hồ sơ": "Reload the dossier page",
    "Thao tác này không cần nhập thêm thông tin. Bấm “Xác nhận” để thực hiện.": (
        "This action needs no further information. Press “Confirm” to carry it out."
    ),
    "Xác nhận": "Confirm",
    "Hủy": "Cancel",
    "Đóng": "Close",
    "Nội dung bạn đã nhập (chưa được lưu)": "What you typed (not saved)",
    "Ngày hẹn trả hiện tại: %(due)s. Ngày hẹn mới phải sau ngày này.": (
        "Current appointment: %(due)s. The new appointment must be later."
    ),
    "“%(label)s” không áp dụng cho hồ sơ đang ở trạng thái “%(state)s”.": (
        "“%(label)s” does not apply to a dossier in status “%(state)s”."
    ),
    "Bạn không có vai trò phù hợp để thực hiện “%(label)s” đối với hồ sơ này vào thời điểm này.": (
        "You do not hold a role that allows “%(label)s” on this dossier at this time."
    ),
    "Đã thực hiện “%(label)s” (%(rule)s).": "Done: “%(label)s” (%(rule)s).",
    "Hồ sơ %(code)s đã chuyển khỏi các đơn vị của bạn.": "Dossier %(code)s has left your units.",
    "Hồ sơ đã được cập nhật bởi người khác sau khi bạn mở trang. Thao tác của bạn chưa được thực hiện: hãy tải lại "
    "trang để xem tình trạng mới nhất rồi thao tác lại.": (
        "Someone else updated the dossier after you opened the page. Your action was not carried out: reload the "
        "page to see its current state, then act again."
    ),
    "Nội dung cần bổ sung, hoàn thiện (Mẫu 02)": "What must be added or completed (Form 02)",
    "Lý do từ chối tiếp nhận (Mẫu 03)": "Reason for refusing the dossier (Form 03)",
    "Lý do trả lại bước trước": "Reason for sending it back to the previous step",
    "Lý do và giấy tờ cần bổ sung (Mẫu 02)": "Reasons and documents to supplement (Form 02)",
    "Nội dung nghĩa vụ tài chính (loại phí, thuế, số tiền)": "Financial obligation (kind of fee or tax, amount)",
    "Lý do dừng xử lý": "Reason for stopping",
    "Lý do rút hồ sơ (theo đề nghị của công dân)": "Reason for the withdrawal (at the citizen's request)",
    "Lý do chậm trễ (Mẫu 04)": "Reason for the delay (Form 04)",
    "Lý do": "Reason",
    "Chưa chọn %(input)s.": "Choose the %(input)s.",
    "Chưa nhập %(input)s.": "Enter the %(input)s.",
    "Trang không ghi phiên bản hồ sơ: hãy tải lại trang.": (
        "The page did not send the dossier's version: reload the page."
    ),
    "— Chọn —": "— Choose —",
    "Cán bộ được phân công": "Officer assigned",
    "Cán bộ này không có vai trò xử lý tại đơn vị đang giữ hồ sơ.": (
        "This officer holds no processing role in the unit that holds the dossier."
    ),
    "Cơ quan kế thừa": "Successor agency",
    "Không có cơ quan này vào ngày hôm nay.": "There is no such agency today.",
    "Thời gian dành cho cơ quan phối hợp (ngày làm việc)": "Time given to the coordinating agency (working days)",
    "Thời gian liên thông phải là một số ngày làm việc, ví dụ 2 hoặc 1,5.": (
        "The inter-agency time must be a number of working days, for example 2 or 1.5."
    ),
    "Ngày hẹn trả mới (giờ Việt Nam)": "New appointment (Vietnam time)",
    "Ngày giờ không hợp lệ: ghi theo dạng dd/mm/yyyy hh:mm.": "Invalid date and time: write dd/mm/yyyy hh:mm.",
    "Ngày không hợp lệ: ghi theo dạng dd/mm/yyyy.": "Invalid date: write dd/mm/yyyy.",
    "Số, ký hiệu văn bản kết quả": "Number and symbol of the result document",
    "Mã kết quả (nếu có)": "Result code (if any)",
}

EN_COUNT = {}
