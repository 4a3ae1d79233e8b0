"""English of citizens' accounts on the portal (tài khoản công dân, tổ chức) and of the applicant's own actions on a
dossier — see scripts/fill_en_po.py. “Định danh” is “identification”; VNeID is the national e-identity."""

EN = {
    # app and model
    "Tài khoản công dân, tổ chức": "Citizen and organisation accounts",
    "tài khoản công dân, tổ chức": "citizen or organisation account",
    "tài khoản": "account",
    "đã xác thực định danh": "identity verified",
    "Định danh do nhà cung cấp định danh điện tử (VNeID) xác nhận, không phải tự khai.": (
        "The identity was confirmed by the electronic identity provider (VNeID), not self-declared."
    ),
    "xác nhận thư điện tử lúc": "e-mail confirmed at",
    "nhà cung cấp định danh": "identity provider",
    "mã định danh tại nhà cung cấp": "subject at the identity provider",
    # access
    "Không dùng được trang này": "This page is not available to you",
    "Trang này dành cho tài khoản công dân, tổ chức; tài khoản cán bộ không dùng được.": (
        "This page is for citizen and organisation accounts; an officer's account cannot use it."
    ),
    "Về trang chủ": "Back to the home page",
    # the dossier: applicant's actions and fields
    "tài khoản nộp trực tuyến": "online submitting account",
    "Tài khoản trên Cổng dịch vụ công đã nộp hồ sơ; người này thao tác với vai trò người nộp.": (
        "The public service portal account that submitted the dossier; it acts on it as the applicant."
    ),
    "thanh toán trực tuyến lúc": "paid online at",
    "Phí, lệ phí đã nộp qua cổng thanh toán (ghi bởi thao tác “pay_online”).": (
        "Fees paid through the payment gateway (recorded by the “pay_online” action)."
    ),
    "số tiền đã thanh toán trực tuyến (đồng)": "amount paid online (VND)",
    "công dân đề nghị rút lúc": "withdrawal requested by the citizen at",
    "Công dân gửi hồ sơ bổ sung trực tuyến": "Citizen sends the supplement online",
    "Công dân đề nghị rút hồ sơ": "Citizen asks to withdraw the dossier",
    "Thanh toán phí, lệ phí trực tuyến": "Pay fees online",
    "Người nộp hồ sơ": "Applicant",
    "T11: đã có đề nghị rút hồ sơ này, đang chờ bộ phận một cửa xác nhận.": (
        "T11: a withdrawal of this dossier has already been requested and awaits the one-stop counter's confirmation."
    ),
    "Số tiền thanh toán phải là số đồng dương.": "The amount paid must be a positive number of dong.",
    "số tiền": "amount",
    "mã giao dịch": "transaction code",
}
EN_PLURAL = {"tài khoản công dân, tổ chức": "citizen and organisation accounts"}  # verbose_name_plural

# the apps of the portal issue and of PAKN (their verbose names; each app's own file holds the rest)
EN.update(
    {
        "Thanh toán trực tuyến": "Online payment",
        "Đánh giá sự hài lòng": "Satisfaction rating",
        "Phản ánh, kiến nghị": "Feedback and petitions",
    }
)
