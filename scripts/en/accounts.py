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

# sign-in, sign-up, e-mail verification, password reset, VNeID (OpenID Connect), the mock provider, the
# citizen's own page (issue 8 part 2). “Thư điện tử” is “e-mail”; “xác nhận” (of an address) is “confirm”.
EN.update(
    {
        # forms
        "Tên đăng nhập hoặc thư điện tử": "Username or e-mail",
        "Họ và tên": "Full name",
        "Nhập lại mật khẩu": "Password again",
        "Số điện thoại (không bắt buộc)": "Phone (optional)",
        "Số điện thoại chỉ gồm 9 đến 15 chữ số.": "A phone number has 9 to 15 digits only.",
        "Số định danh cá nhân (không bắt buộc)": "Personal identification number (optional)",
        "Số tự khai, chưa được xác thực; đăng nhập bằng định danh điện tử để được xác thực.": (
            "A self-declared number, not verified; sign in with the electronic identity to have it verified."
        ),
        "Số định danh cá nhân gồm 12 chữ số (chứng minh nhân dân cũ: 9 chữ số).": (
            "A personal identification number has 12 digits (an old identity card: 9 digits)."
        ),
        "Thư điện tử này đã dùng cho một tài khoản. Hãy đăng nhập hoặc lấy lại mật khẩu.": (
            "This e-mail address already has an account. Sign in or reset the password."
        ),
        "Hai lần nhập mật khẩu không giống nhau.": "The two passwords differ.",
        "Thư điện tử này đã dùng cho một tài khoản khác.": "This e-mail address is used by another account.",
        "Họ tên": "Full name",
        "Số định danh cá nhân": "Personal identification number",
        "Số định danh cá nhân gồm đúng 12 chữ số.": "A personal identification number has exactly 12 digits.",
        "Hãy chọn một danh tính mẫu hoặc nhập họ tên và số định danh.": (
            "Pick a sample identity or type a name and an identification number."
        ),
        # the lockout model
        "khóa đếm": "counter key",
        "số lần sai": "failures",
        "bắt đầu đếm lúc": "counting since",
        "khóa đến": "locked until",
        "lần đăng nhập sai": "failed sign-in count",
        # OpenID Connect
        "Không liên lạc được với %(label)s. Hãy thử lại sau.": "%(label)s cannot be reached. Please try again later.",
        "Cấu hình của %(label)s không hợp lệ.": "The configuration published by %(label)s is not valid.",
        "Chưa cấu hình đăng nhập bằng định danh điện tử.": "Sign-in with the electronic identity is not configured.",
        "Thông tin định danh do %(label)s gửi về không hợp lệ: %(reason)s. Không có tài khoản nào được tạo.": (
            "The identity sent back by %(label)s is not valid: %(reason)s. No account was created."
        ),
        "khóa ký không có trong bộ khóa của nhà cung cấp": "the signing key is not among the provider's keys",
        "đã hết hạn": "it has expired",
        "không cấp cho hệ thống này": "it was not issued for this system",
        "không do nhà cung cấp đã cấu hình phát hành": "it was not issued by the configured provider",
        "chữ ký không đúng": "the signature is wrong",
        "không đọc được": "it cannot be read",
        "mã dùng một lần (nonce) không khớp": "the one-time value (nonce) does not match",
        "Phiên đăng nhập không khớp hoặc đã hết hạn. Hãy bắt đầu đăng nhập lại.": (
            "This sign-in does not match the one started here, or it has expired. Please start again."
        ),
        "%(label)s đã từ chối hoặc bạn đã hủy đăng nhập.": "%(label)s refused, or you cancelled the sign-in.",
        "thiếu mã cấp quyền": "the authorization code is missing",
        "thiếu thẻ định danh (id_token)": "the identity token (id_token) is missing",
        "không có số định danh cá nhân 12 chữ số": "there is no 12-digit personal identification number",
        "không có họ tên": "there is no name",
        # letters
        "Chúng tôi nhận được yêu cầu đặt lại mật khẩu cho tài khoản %(email)s. Để đặt mật khẩu mới, hãy mở đường "
        "liên kết sau:": "We received a request to reset the password of the account %(email)s. To set a new "
        "password, open this link:",
        "Nếu bạn không yêu cầu, hãy bỏ qua thư này: mật khẩu của bạn không thay đổi.": (
            "If you did not ask for it, ignore this letter: your password does not change."
        ),
        "Đặt lại mật khẩu tài khoản dịch vụ công": "Reset the password of your public service account",
        "Kính gửi %(name)s,\n\nBạn (hoặc ai đó) vừa đăng ký tài khoản dịch vụ công bằng địa chỉ thư điện tử này. Để "
        "kích hoạt tài khoản, hãy mở đường liên kết sau (có hiệu lực %(hours)s giờ):\n\n%(link)s\n\nNếu bạn không "
        "đăng ký, hãy bỏ qua thư này: tài khoản sẽ không dùng được.": (
            "Dear %(name)s,\n\nYou (or someone) just signed up for a public service account with this e-mail "
            "address. To activate the account, open this link (valid for %(hours)s hours):\n\n%(link)s\n\nIf you "
            "did not sign up, ignore this letter: the account cannot be used."
        ),
        "Xác nhận thư điện tử của tài khoản dịch vụ công": "Confirm the e-mail of your public service account",
        # pages
        "Không đăng nhập được": "Sign-in failed",
        "Quay lại trang đăng nhập": "Back to sign-in",
        "Đổi mật khẩu": "Change password",
        "Quay lại tài khoản": "Back to my account",
        "Đã đặt mật khẩu mới": "New password set",
        "Đặt mật khẩu mới": "Set a new password",
        "Đường liên kết đặt lại mật khẩu không hợp lệ hoặc đã được dùng. Hãy yêu cầu thư mới.": (
            "The password-reset link is not valid or was already used. Ask for a new letter."
        ),
        "Quên mật khẩu": "Forgotten password",
        "Kiểm tra hộp thư": "Check your mailbox",
        "Nếu địa chỉ này thuộc một tài khoản có mật khẩu, thư hướng dẫn đặt mật khẩu mới đã được gửi tới đó.": (
            "If this address belongs to an account with a password, a letter explaining how to set a new one was "
            "sent to it."
        ),
        "Nhập thư điện tử của tài khoản; chúng tôi sẽ gửi đường liên kết để đặt mật khẩu mới.": (
            "Enter the account's e-mail; we will send a link to set a new password."
        ),
        "Gửi thư": "Send",
        "Tài khoản của tôi": "My account",
        "Thông tin định danh": "Identity",
        "Đã xác thực bằng định danh điện tử": "Verified by the electronic identity",
        "Tự khai, chưa xác thực": "Self-declared, not verified",
        "Các thông tin này do nhà cung cấp định danh điện tử xác nhận và không sửa được ở đây.": (
            "These details were confirmed by the electronic identity provider and cannot be changed here."
        ),
        "Thông tin liên hệ": "Contact details",
        "Thư điện tử cũng là tên đăng nhập: nếu đổi, bạn cần xác nhận địa chỉ mới.": (
            "The e-mail is also your sign-in name: if you change it, you must confirm the new address."
        ),
        "Lưu": "Save",
        "Tài khoản này đăng nhập bằng định danh điện tử, không có mật khẩu riêng.": (
            "This account signs in with the electronic identity and has no password of its own."
        ),
        "Gửi lại thư xác nhận": "Send the confirmation letter again",
        "Đăng nhập bằng %(label)s": "Sign in with %(label)s",
        "Công dân, tổ chức nên đăng nhập bằng tài khoản định danh điện tử %(label)s: thông tin định danh được xác "
        "thực và bạn xem được mọi hồ sơ mang số định danh của mình.": (
            "Citizens and organisations should sign in with their %(label)s electronic identity: the identity is "
            "verified and you see every dossier under your identification number."
        ),
        "Hoặc bằng tài khoản của hệ thống": "Or with an account of this system",
        "Quên mật khẩu?": "Forgot your password?",
        "Đăng ký tài khoản công dân": "Sign up as a citizen",
        "Cán bộ, công chức đăng nhập bằng tên đăng nhập được cấp.": "Officers sign in with the username they were given.",
        "Đăng ký tài khoản": "Sign up",
        'Có tài khoản %(label)s? Không cần đăng ký: <a href="%(url)s">đăng nhập bằng %(label)s</a> để có định '
        "danh đã xác thực.": (
            'Have a %(label)s account? No need to sign up: <a href="%(url)s">sign in with %(label)s</a> for a '
            "verified identity."
        ),
        "Đăng ký": "Sign up",
        "Chúng tôi sẽ gửi thư xác nhận tới địa chỉ thư điện tử; tài khoản dùng được sau khi bạn mở đường liên kết "
        "trong thư.": "We will send a confirmation letter to the e-mail address; the account works once you open the "
        "link in it.",
        "Chúng tôi đã gửi thư xác nhận tới %(email)s.": "We sent a confirmation letter to %(email)s.",
        "Chúng tôi đã gửi thư xác nhận tới địa chỉ bạn đăng ký.": (
            "We sent a confirmation letter to the address you signed up with."
        ),
        "Mở đường liên kết trong thư (có hiệu lực 48 giờ) để kích hoạt tài khoản, rồi đăng nhập.": (
            "Open the link in the letter (valid for 48 hours) to activate the account, then sign in."
        ),
        "Không nhận được thư? Gửi lại thư xác nhận": "No letter? Send the confirmation letter again",
        "Không xác nhận được": "Confirmation failed",
        "Đường liên kết xác nhận đã hết hạn.": "The confirmation link has expired.",
        "Đường liên kết xác nhận không hợp lệ (sai, bị cắt ngắn hoặc đã thay đổi).": (
            "The confirmation link is not valid (wrong, cut short or altered)."
        ),
        # the mock provider
        "VNeID giả lập — chỉ để thử nghiệm": "Mock VNeID — for testing only",
        "Chọn danh tính để đăng nhập": "Choose the identity to sign in with",
        "Đây không phải VNeID thật: không kiểm tra gì cả, ai cũng đăng nhập được với bất kỳ danh tính nào. Không bao "
        "giờ bật ở môi trường thật.": (
            "This is not the real VNeID: it checks nothing, anyone can sign in as anyone. Never turn it on in "
            "production."
        ),
        "Danh tính mẫu": "Sample identities",
        "Nhập danh tính khác:": "Type another identity:",
        "Đồng ý đăng nhập": "Agree and sign in",
        "Yêu cầu đăng nhập không hợp lệ": "Invalid sign-in request",
        # messages
        "Đăng nhập sai quá nhiều lần nên tạm bị khóa. Hãy thử lại sau %(minutes)s phút hoặc lấy lại mật khẩu.": (
            "Too many failed sign-ins: locked for now. Try again in %(minutes)s minutes or reset the password."
        ),
        "Tài khoản chưa được xác nhận: hãy mở đường liên kết trong thư chúng tôi đã gửi tới %(email)s.": (
            "The account is not confirmed yet: open the link in the letter we sent to %(email)s."
        ),
        "Hãy nhập tên đăng nhập (hoặc thư điện tử) và mật khẩu chính xác.": (
            "Please enter a correct username (or e-mail) and password."
        ),
        "Đã xác nhận thư điện tử. Bạn có thể đăng nhập.": "E-mail confirmed. You can sign in.",
        "Nếu địa chỉ này thuộc một tài khoản chưa xác nhận, thư xác nhận mới đã được gửi tới đó.": (
            "If this address belongs to an unconfirmed account, a new confirmation letter was sent to it."
        ),
        "Đã lưu. Thư điện tử mới là tên đăng nhập của bạn: hãy xác nhận nó qua thư vừa gửi tới %(email)s.": (
            "Saved. The new e-mail is your sign-in name: confirm it through the letter just sent to %(email)s."
        ),
        "Đã lưu thông tin liên hệ.": "Contact details saved.",
        "Đã đổi mật khẩu.": "Password changed.",
    }
)
EN_PLURAL["lần đăng nhập sai"] = "failed sign-in counts"
EN["Tài khoản chưa có thư điện tử đã xác nhận: hãy liên hệ quản trị hệ thống để bổ sung."] = (
    "This account has no confirmed e-mail address: ask the system administrator to add one."
)
