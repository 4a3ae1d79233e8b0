"""English of the workspace shell, queues, overview and notifications (see scripts/fill_en_po.py)."""

EN = {
    "đang tạm dừng": "paused",
    "Tiếp nhận hồ sơ, việc của tôi, hồ sơ của đơn vị, trả kết quả và tổng quan cho lãnh đạo.": (
        "Dossier intake, my work, my unit's dossiers, returning results and the leaders' overview."
    ),
    "Không gian làm việc của cán bộ": "Officers' workspace",
    "Không gian làm việc": "Workspace",
    "Việc của tôi": "My work",
    "Chờ tiếp nhận": "Waiting for reception",
    "Chờ trả kết quả": "Waiting to be returned",
    "Tổng quan": "Overview",
    "Không có quyền truy cập": "No access",
    "Bạn chưa được phân công vai trò": "You have no role assignment",
    "Không gian làm việc chỉ dành cho cán bộ, công chức đang được phân công vai trò tại một cơ quan, đơn vị. Hãy "
    "liên hệ quản trị hệ thống của đơn vị để được phân công.": (
        "The workspace is for officers who currently hold a role in an agency or unit. Ask your unit's system "
        "administrator to assign you one."
    ),
    "Về trang chủ": "Back to the home page",
    "Xem tất cả": "Show all",
    "Chỉ xem thông báo chưa đọc": "Show unread notifications only",
    "Đánh dấu tất cả là đã đọc": "Mark all as read",
    "Mở hồ sơ": "Open the dossier",
    "Đã đọc": "Read",
    "Hiển thị %(shown)s thông báo mới nhất.": "Showing the %(shown)s latest notifications.",
    "Không có thông báo.": "No notifications.",
    "Tổng quan hồ sơ đang giải quyết": "Overview of dossiers in progress",
    "Chọn đơn vị": "Choose a unit",
    "Đơn vị": "Unit",
    "Số liệu tại thời điểm %(at)s; chỉ gồm hồ sơ chưa kết thúc.": "Figures as of %(at)s; open dossiers only.",
    "hồ sơ đang giải quyết": "dossiers in progress",
    "sắp đến hạn": "due soon",
    "đã quá hạn": "overdue",
    "chờ lãnh đạo ký duyệt": "waiting for the leader's signature",
    "Theo trạng thái": "By status",
    "Số hồ sơ": "Dossiers",
    "Quá hạn theo người xử lý": "Overdue by handler",
    "(chưa phân công)": "(not assigned)",
    "Không có hồ sơ quá hạn.": "No overdue dossiers.",
    "Quá hạn theo bước xử lý": "Overdue by step",
    "(chưa vào bước nội bộ)": "(no internal step yet)",
    "Bộ lọc chưa hợp lệ, hãy sửa các ô được đánh dấu.": "The filter is not valid: correct the marked fields.",
    "Mã hồ sơ": "Dossier code",
    "Người nộp": "Applicant",
    "Không có hồ sơ nào phù hợp.": "No dossier matches.",
    "Xem tiếp": "Show more",
    "Lọc hồ sơ": "Filter dossiers",
    "Thông báo không hợp lệ.": "Invalid notification.",
    "Ngày không hợp lệ, hãy nhập theo dạng ngày/tháng/năm (ví dụ 01/07/2025).": (
        "Invalid date: enter it as day/month/year (for example 01/07/2025)."
    ),
    "Mặc định của hàng đợi": "The queue's default",
    "Tiếp nhận từ ngày": "Received from",
    "đến ngày": "to",
    "Ngày kết thúc phải sau ngày bắt đầu.": "The end date must be after the start date.",
    "Liên kết trang không hợp lệ; đang hiển thị trang đầu.": "Invalid page link; showing the first page.",
}
EN_COUNT = {
    "%(n)s thông báo chưa đọc": ("%(n)s unread notification", "%(n)s unread notifications"),
}
