"""English of the applicant registry (verified identity) and the personal-data access log (issue 16, rules 2–3)."""

EN = {
    # the registry
    "Xác thực qua VNeID": "Verified through VNeID",
    "Công chức đối chiếu giấy tờ tại Bộ phận Một cửa": "Checked against the identity card by a one-stop officer",
    "xác thực danh tính": "identity verification",
    "người xác thực": "verified by",
    "Công chức đã đối chiếu giấy tờ, hoặc tài khoản VNeID của chính người nộp.": (
        "The officer who checked the identity card, or the applicant's own VNeID account."
    ),
    "thời điểm xác thực": "verified at",
    "Đã đối chiếu thông tin với thẻ CCCD / giấy tờ tùy thân của chủ hồ sơ": (
        "Checked against the applicant's citizen identity card / identity papers"
    ),
    "Chỉ đánh dấu khi đã xem giấy tờ: họ tên, ngày sinh đã đối chiếu được dùng lại cho các hồ sơ sau của người "
    "này (ghi lại người đối chiếu và thời điểm).": (
        "Tick only after seeing the papers: the checked name and birth date are reused for this person's later "
        "dossiers (who checked and when is recorded)."
    ),
    "Chỉ được tái sử dụng giấy tờ khi danh tính chủ hồ sơ của cả hai hồ sơ đã được xác thực (qua VNeID hoặc công "
    "chức đối chiếu giấy tờ tại Bộ phận Một cửa).": (
        "Papers can only be reused when the applicant's identity of both dossiers is verified (through VNeID or by "
        "a one-stop officer who checked the identity card)."
    ),
    # the counter lookup
    "Chỉ công chức tiếp nhận, trả kết quả tại Bộ phận Một cửa mới được tra cứu người nộp, cho đơn vị mình đang "
    "tiếp nhận.": (
        "Only reception officers of a one-stop unit may look up applicants, for the unit where they receive."
    ),
    "Bạn đã tra cứu người nộp quá %(limit)s lần trong %(minutes)s phút. Hãy nhập thông tin theo giấy tờ người nộp "
    "xuất trình, hoặc thử lại sau.": (
        "You have looked up applicants more than %(limit)s times in %(minutes)s minutes. Type the data from the "
        "papers the applicant shows, or try again later."
    ),
    "Tra cứu số %(number)s: %(outcome)s": "Lookup of number %(number)s: %(outcome)s",
    "có thông tin đã xác thực": "verified data found",
    "không có": "none",
    "Chưa có thông tin đã xác thực của người nộp với số này: hãy nhập thông tin theo giấy tờ xuất trình.": (
        "There is no verified applicant with this number yet: type the data from the papers shown."
    ),
    "Đã điền họ tên, ngày sinh đã xác thực của người nộp; hãy đối chiếu với giấy tờ xuất trình và nhập địa chỉ, số "
    "điện thoại cho hồ sơ này.": (
        "The applicant's verified name and birth date are filled in; check them against the papers shown and type "
        "the address and phone for this dossier."
    ),
    # the access log
    "Người gửi phản ánh, kiến nghị": "Sender of feedback",
    "Tài khoản công dân": "Citizen account",
    "Tra cứu người nộp khi tiếp nhận hồ sơ": "Applicant lookup at intake",
    "Tiếp nhận, giải quyết hồ sơ": "Receiving and handling dossiers",
    "Xử lý phản ánh, kiến nghị": "Handling feedback",
    "In, tải biểu mẫu của hồ sơ": "Printing or downloading a dossier's forms",
    "Xuất sổ theo dõi hồ sơ": "Exporting the dossier register",
    "Nhật ký xem dữ liệu cá nhân không được sửa.": "The personal-data access log cannot be changed.",
    "Nhật ký xem dữ liệu cá nhân không được xóa.": "The personal-data access log cannot be deleted.",
    "Đơn vị mà cán bộ nhân danh khi xem (nơi giữ vai trò cho phép xem).": (
        "The unit the officer acted for when reading (where they hold the role that allows it)."
    ),
    "loại dữ liệu": "kind of data",
    "bản ghi": "records",
    "Dạng “ dossier:12 applicant:34 ” (mỗi mục có dấu cách hai bên).": (
        "As “ dossier:12 applicant:34 ” (a space on both sides of each item)."
    ),
    "Mã hồ sơ, phản ánh hoặc người được xem.": "The dossier, feedback or person read.",
    "đơn vị giữ dữ liệu": "units holding the data",
    "mục đích": "purpose",
    "qua trang / API": "page / API",
    "lượt xem dữ liệu cá nhân": "personal-data read",
    "Sổ theo dõi hồ sơ của %(unit)s từ %(start)s đến %(end)s (%(count)s hồ sơ)": (
        "Dossier register of %(unit)s from %(start)s to %(end)s (%(count)s dossiers)"
    ),
    "Phản ánh, kiến nghị %(code)s": "Feedback %(code)s",
    "Xem nhật ký truy cập dữ liệu cá nhân": "Read the personal-data access log",
    "Nhật ký truy cập dữ liệu cá nhân": "Personal-data access log",
    "Mọi lượt cán bộ xem dữ liệu cá nhân trong toàn tỉnh (Nghị định 13/2023/NĐ-CP).": (
        "Every read of personal data by officers in the province (Decree 13/2023/ND-CP)."
    ),
    "Các lượt cán bộ của đơn vị bạn xem dữ liệu cá nhân, và các lượt xem dữ liệu do đơn vị bạn quản lý (Nghị định "
    "13/2023/NĐ-CP).": (
        "Reads of personal data by your unit's officers, and reads of data your unit holds (Decree "
        "13/2023/ND-CP)."
    ),
    "Các lượt xem, mới nhất trước": "Reads, newest first",
    "Dữ liệu": "Data",
    "Mục đích": "Purpose",
    "Qua trang / API": "Page / API",
    "Không có lượt xem nào.": "No reads.",
    "Nhật ký dữ liệu cá nhân": "Personal-data log",
    "Ngày không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 05/03/2026.": (
        "Invalid date: type it as day/month/year, e.g. 05/03/2026."
    ),
    "Cán bộ (tên đăng nhập)": "Officer (username)",
    "Mã hồ sơ hoặc mã phản ánh": "Dossier or feedback code",
    "Chỉ tra cứu được từ 01/01/2000 đến 31/12/2100.": "Only dates from 01/01/2000 to 31/12/2100 can be searched.",
    "Chỉ lãnh đạo đơn vị, công chức kiểm soát thủ tục hành chính và quản trị hệ thống mới xem được nhật ký truy cập "
    "dữ liệu cá nhân.": (
        "Only unit leaders, administrative-procedure controllers and system administrators can read the "
        "personal-data access log."
    ),
    "Liên kết “Xem tiếp” không hợp lệ: hãy tra cứu lại từ đầu.": (
        "The “More” link is not valid: search again from the start."
    ),
    "Trang hồ sơ": "Dossier page",
    "Giấy tiếp nhận trên màn hình": "Receipt on screen",
    "Tra cứu người nộp tại quầy": "Applicant lookup at the counter",
    "Trang phản ánh, kiến nghị": "Feedback page",
    "Tải biểu mẫu đã phát hành": "Download of an issued form",
    "Tải giấy tiếp nhận": "Download of the receipt",
    "Tải phiếu kiểm soát": "Download of the control sheet",
}

EN_PLURAL = {
    "nhật ký xem dữ liệu cá nhân": "personal-data access log",
}
