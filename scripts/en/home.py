"""English of the home page tiles and the header links added with the portal (issue 8) and PAKN (issue 9) — see
scripts/fill_en_po.py."""

EN = {
    "Chọn thủ tục, khai tờ khai điện tử, đính kèm giấy tờ hoặc dùng lại giấy tờ trong kho dữ liệu, thanh toán phí, "
    "lệ phí.": (
        "Choose a procedure, fill in the e-form, attach documents or reuse them from your data store, pay the fees."
    ),
    "Hồ sơ đã nộp, kết quả giải quyết, việc cần làm và kho dữ liệu giấy tờ của bạn.": (
        "Your submitted dossiers, their results, what to do next and your document store."
    ),
    "Gửi phản ánh, kiến nghị về quy định hành chính và việc giải quyết thủ tục; xem các câu trả lời đã công khai.": (
        "Send feedback on administrative regulations and on how procedures are handled; read the published answers."
    ),
    "Tài khoản của tôi": "My account",
    "Thông tin cá nhân, định danh điện tử, mật khẩu.": "Personal details, electronic identity, password.",
    "Công dân, tổ chức: bằng tài khoản định danh điện tử VNeID hoặc thư điện tử. Cán bộ: bằng tên đăng nhập.": (
        "Citizens and organisations: with a VNeID electronic identity or an e-mail address. Officers: with a username."
    ),
    # PAKN: the state of a feedback that does not exist yet, in refusals
    "mới": "new",
}
