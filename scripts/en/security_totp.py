"""English of the officers' second factor (xác thực hai bước: two-step verification) — see scripts/fill_en_po.py.
“Mã xác thực” is the code of the authenticator app; “mã dự phòng” a single-use recovery code."""

EN = {
    # sign-in's second step
    "Xác thực hai bước": "Two-step verification",
    "Mở ứng dụng xác thực trên điện thoại và nhập mã 6 chữ số đang hiện cho tài khoản <strong>%(name)s</strong>.": (
        "Open the authenticator app on your phone and enter the 6-digit code it shows for the account "
        "<strong>%(name)s</strong>."
    ),
    "Mã xác thực (6 chữ số)": "Verification code (6 digits)",
    "Xác nhận": "Confirm",
    "Không có điện thoại? Dùng mã dự phòng": "No phone? Use a recovery code",
    "Mã dự phòng (8 ký tự, mỗi mã dùng một lần)": "Recovery code (8 characters, each usable once)",
    "Dùng mã dự phòng": "Use the recovery code",
    "Mất cả điện thoại và mã dự phòng? Hãy liên hệ quản trị hệ thống để được cài lại.": (
        "Lost both your phone and your recovery codes? Ask the system administrator to reset them."
    ),
    "Hủy, đăng nhập bằng tài khoản khác": "Cancel and sign in with another account",
    "Phiên đăng nhập đã hết hạn, hãy đăng nhập lại.": "The sign-in has expired; please sign in again.",
    "Nhập sai quá nhiều lần nên tạm bị khóa. Hãy thử lại sau %(minutes)s phút hoặc liên hệ quản trị hệ thống.": (
        "Too many wrong attempts: sign-in is locked for a while. Try again in %(minutes)s minutes or contact the "
        "system administrator."
    ),
    "Mã không đúng hoặc đã được dùng. Hãy nhập mã đang hiện trong ứng dụng xác thực.": (
        "The code is wrong or has already been used. Enter the code the authenticator app shows now."
    ),
    "Bạn vừa dùng một mã dự phòng (mỗi mã chỉ dùng được một lần); còn %(left)s mã. Hãy tạo bộ mã mới trong trang "
    "Tài khoản nếu sắp hết.": (
        "You have just used a recovery code (each code works once); %(left)s codes are left. Make a new set on your "
        "account page if you are running out."
    ),
    # enrolment
    "Cài đặt xác thực hai bước": "Set up two-step verification",
    "Tài khoản <strong>%(name)s</strong> bắt buộc đăng nhập bằng hai bước: mật khẩu và mã từ ứng dụng xác thực "
    "trên điện thoại. Hãy cài đặt một lần, mất khoảng một phút.": (
        "The account <strong>%(name)s</strong> must sign in in two steps: the password and a code from an "
        "authenticator app on your phone. Set it up once; it takes about a minute."
    ),
    "Bật xác thực hai bước cho tài khoản <strong>%(name)s</strong>: mỗi lần đăng nhập, ngoài mật khẩu bạn nhập "
    "thêm mã từ ứng dụng xác thực trên điện thoại.": (
        "Turn on two-step verification for the account <strong>%(name)s</strong>: at every sign-in, besides the "
        "password, you enter a code from an authenticator app on your phone."
    ),
    "Cài một ứng dụng xác thực trên điện thoại (ví dụ Google Authenticator, Microsoft Authenticator, FreeOTP).": (
        "Install an authenticator app on your phone (for example Google Authenticator, Microsoft Authenticator, "
        "FreeOTP)."
    ),
    "Trong ứng dụng, chọn thêm tài khoản rồi quét mã QR dưới đây.": (
        "In the app, choose to add an account, then scan the QR code below."
    ),
    "Không quét được? Chọn nhập khóa thủ công và gõ khóa bí mật này (loại: theo thời gian):": (
        "Cannot scan it? Choose to enter a setup key and type this secret key (type: time-based):"
    ),
    "Nhập mã 6 chữ số ứng dụng vừa hiện để xác nhận.": "Enter the 6-digit code the app now shows, to confirm.",
    "Xác nhận và tiếp tục": "Confirm and continue",
    "Khóa bí mật chỉ hiện trên trang này; đừng chụp gửi cho người khác.": (
        "The secret key is shown only on this page; do not photograph it or send it to anyone."
    ),
    "Mã QR để thêm tài khoản vào ứng dụng xác thực": "QR code to add the account to the authenticator app",
    "Mã không đúng. Hãy kiểm tra giờ của điện thoại và nhập mã đang hiện trong ứng dụng xác thực.": (
        "The code is wrong. Check the phone's clock and enter the code the authenticator app shows now."
    ),
    # recovery codes
    "Mã dự phòng": "Recovery codes",
    "Khi không có điện thoại, bạn đăng nhập bằng một trong các mã này thay cho mã của ứng dụng. Mỗi mã chỉ dùng "
    "được một lần.": (
        "Without your phone, you sign in with one of these codes instead of the app's code. Each code works once."
    ),
    "Các mã chỉ hiện một lần, ngay bây giờ.": "The codes are shown only once, now.",
    "Hãy tải về hoặc chép lại và cất ở nơi an toàn, tách khỏi điện thoại.": (
        "Download or copy them and keep them somewhere safe, away from your phone."
    ),
    "Tải các mã về (tệp văn bản)": "Download the codes (text file)",
    "Tôi đã cất các mã, tiếp tục": "I have kept the codes, continue",
    "Mã dự phòng đăng nhập motcua — tài khoản %(name)s": "motcua sign-in recovery codes — account %(name)s",
    "Mỗi mã chỉ dùng được một lần, khi không có điện thoại.": "Each code works once, when you do not have your phone.",
    # settings page
    "Đang bật": "On",
    "Mỗi lần đăng nhập, bạn nhập thêm mã từ ứng dụng xác thực.": (
        "At every sign-in you also enter a code from the authenticator app."
    ),
    "Tạo bộ mã dự phòng mới (bộ cũ hết hiệu lực)": "Make a new set of recovery codes (the old set stops working)",
    "Chuyển sang điện thoại khác": "Move to another phone",
    "Vai trò của bạn bắt buộc dùng xác thực hai bước.": "Your role requires two-step verification.",
    "Tắt xác thực hai bước": "Turn off two-step verification",
    "Xác thực hai bước đang tắt: chỉ cần mật khẩu để đăng nhập.": (
        "Two-step verification is off: the password alone signs you in."
    ),
    "Bật xác thực hai bước": "Turn on two-step verification",
    "Mất điện thoại và hết mã dự phòng? Quản trị hệ thống có thể xóa thiết bị của bạn để bạn cài đặt lại.": (
        "Lost your phone and out of recovery codes? The system administrator can remove your devices so that you "
        "set it up again."
    ),
    "Tài khoản công dân đăng nhập bằng VNeID, không dùng xác thực hai bước tại đây.": (
        "Citizen accounts sign in with VNeID and do not use two-step verification here."
    ),
    "Vai trò của bạn bắt buộc dùng xác thực hai bước: không tắt được.": (
        "Your role requires two-step verification: it cannot be turned off."
    ),
    "Đã tắt xác thực hai bước.": "Two-step verification is off.",
    # officer's account page
    "Đăng nhập bằng mật khẩu và mã từ ứng dụng xác thực trên điện thoại; mã dự phòng khi không có điện thoại.": (
        "Sign in with your password and a code from an authenticator app on your phone; recovery codes when you do "
        "not have it."
    ),
    # admin
    "Xóa thiết bị xác thực hai bước (mất điện thoại)": "Remove two-step verification devices (lost phone)",
    "Xóa thiết bị xác thực hai bước: người dùng cài đặt lại ở lần đăng nhập tới.": (
        "Two-step verification devices removed: the user sets it up again at the next sign-in."
    ),
    "Đã xóa thiết bị xác thực hai bước của %(count)s tài khoản.": (
        "Removed the two-step verification devices of %(count)s accounts."
    ),
}

EN_COUNT = {
    "Còn %(left)s mã dự phòng chưa dùng.": (
        "%(left)s unused recovery code left.",
        "%(left)s unused recovery codes left.",
    ),
}
