"""English of satisfaction rating (đánh giá sự hài lòng) — see scripts/fill_en_po.py. “Đánh giá” is “rating”;
“chỉ số” is “indicator”; “tại quầy” is “at the counter”; “Ông/Bà” is the polite “you”."""

EN = {
    # models
    "mã tiêu chí": "criterion code",
    "Số thứ tự của chỉ số theo bộ 9 chỉ số (ví dụ 1, 2, 3, 4, 6, 7).": (
        "Number of the indicator in the set of 9 indicators (e.g. 1, 2, 3, 4, 6, 7)."
    ),
    "thứ tự hiển thị": "display order",
    "phiên bản": "version",
    "chỉ số": "indicator",
    "câu hỏi cho công dân": "question for citizens",
    "câu trả lời 2 điểm": "2-point answer",
    "câu trả lời 1 điểm": "1-point answer",
    "câu trả lời 0 điểm": "0-point answer",
    "ghi chú thay đổi": "change note",
    "tiêu chí đánh giá": "rating criterion",
    "Chỉ số %(code)s (phiên bản %(version)s): %(title)s": "Indicator %(code)s (version %(version)s): %(title)s",
    "Chỉ số %(code)s đã có một phiên bản có hiệu lực trong khoảng thời gian này.": (
        "Indicator %(code)s already has a version in force during this period."
    ),
    "Đánh giá khi tiếp nhận (tại quầy)": "Rating at reception (at the counter)",
    "Đánh giá sau khi nhận kết quả": "Rating after receiving the result",
    "Rất hài lòng": "Very satisfied",
    "Hài lòng": "Satisfied",
    "Không hài lòng": "Dissatisfied",
    "Chưa hài lòng": "Not satisfied",
    "Màn hình đánh giá tại quầy": "Rating screen at the counter",
    "Tài khoản công dân trên Cổng dịch vụ công": "Citizen account on the public service portal",
    "Trang tra cứu hồ sơ": "Dossier tracking page",
    "hồ sơ": "dossier",
    "loại đánh giá": "kind of rating",
    "mức độ hài lòng": "satisfaction level",
    "ý kiến": "opinion",
    "thời điểm đánh giá": "rated at",
    "tài khoản đánh giá": "rating account",
    "kênh đánh giá": "rating channel",
    "đơn vị được đánh giá": "unit rated",
    "tổng điểm": "total score",
    "điểm tối đa": "maximum score",
    "xếp loại theo điểm": "classification by score",
    "đánh giá sự hài lòng": "satisfaction rating",
    "tiêu chí (phiên bản)": "criterion (version)",
    "điểm": "score",
    "câu trả lời": "answer",
    "cán bộ": "officer",
    "họ tên cán bộ": "officer's name",
    "vai trò": "role",
    "đơn vị": "unit",
    "cán bộ được đánh giá": "officer rated",
    # services and forms
    "Chỉ sửa được phiên bản đang có hiệu lực của tiêu chí.": "Only the version of the criterion in force can be edited.",
    "Tiêu chí này đã được dùng để đánh giá: phiên bản mới phải có hiệu lực sau ngày %(day)s.": (
        "This criterion has been used in ratings: the new version must take effect after %(day)s."
    ),
    "Tiêu chí này đã được dùng để đánh giá: lưu thay đổi sẽ tạo phiên bản mới có hiệu lực từ ngày này; các đánh "
    "giá cũ vẫn giữ nội dung đã trả lời.": (
        "This criterion has been used in ratings: saving a change creates a new version in force from this day; "
        "earlier ratings keep the text they answered."
    ),
    "Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ được đánh giá một lần.": (
        "This dossier has already been rated. Each dossier can be rated only once."
    ),
    "Chọn một mức độ hài lòng.": "Choose a satisfaction level.",
    "Chỉ đánh giá được sau khi hồ sơ đã được trả kết quả.": (
        "A dossier can be rated only after its result has been returned."
    ),
    "Kênh đánh giá không hợp lệ.": "Invalid rating channel.",
    "Tiêu chí không có trong bộ tiêu chí đang áp dụng: %(codes)s.": "Criteria not in the set in force: %(codes)s.",
    "Chọn một câu trả lời cho chỉ số %(code)s: %(title)s.": "Choose an answer for indicator %(code)s: %(title)s.",
    "Ý kiến dài tối đa %(n)s ký tự (đã nhập %(m)s).": "A comment has at most %(n)s characters (%(m)s entered).",
    "Hồ sơ này không phải hồ sơ ông/bà vừa tiếp nhận tại quầy (trong %(n)s phút gần nhất).": (
        "This dossier is not the one you received at the counter (within the last %(n)s minutes)."
    ),
    "Nhìn chung, Ông/Bà hài lòng với việc giải quyết hồ sơ này ở mức nào?": (
        "Overall, how satisfied are you with the handling of this dossier?"
    ),
    "Ý kiến góp ý (không bắt buộc)": "Comments (optional)",
    "Không tìm thấy hồ sơ cần đánh giá. Vui lòng chờ công chức tiếp nhận hồ sơ.": (
        "No dossier to rate. Please wait for the officer to receive the dossier."
    ),
    # statistics
    "Tổng cộng": "Total",
    "Số đánh giá": "Ratings",
    "Tại quầy": "At the counter",
    "Sau trả kết quả": "After the result",
    "Tỷ lệ hài lòng (%)": "Satisfied share (%)",
    "Tỷ lệ hài lòng": "Satisfied share",
    "Điểm trung bình": "Average score",
    "Điểm tối đa": "Maximum score",
    "Theo đơn vị": "By unit",
    "Theo cán bộ": "By officer",
    "Đơn vị": "Unit",
    "Cán bộ": "Officer",
    "Cán bộ (đơn vị)": "Officer (unit)",
    "Kết quả đánh giá sự hài lòng — %(unit)s, %(period)s (đến ngày %(day)s)": (
        "Satisfaction ratings — %(unit)s, %(period)s (through %(day)s)"
    ),
    "Kết quả đánh giá sự hài lòng": "Satisfaction ratings",
    "%(unit)s và đơn vị trực thuộc, %(period)s (số liệu đến hết ngày %(day)s). Điểm trung bình là tổng điểm các chỉ "
    "số do công dân chấm (chỉ số 1, 2, 3, 4, 6, 7; tối đa 12) của các đánh giá sau khi trả kết quả.": (
        "%(unit)s and its subunits, %(period)s (figures through %(day)s). The average score is the total of the "
        "indicators scored by citizens (indicators 1, 2, 3, 4, 6, 7; at most 12) in the ratings after the result."
    ),
    "Tải bảng tính (.xlsx)": "Download the spreadsheet (.xlsx)",
    "Theo đơn vị được đánh giá": "By unit rated",
    "Chưa có đánh giá nào trong kỳ.": "No ratings in the period.",
    "Chưa có cán bộ nào được đánh giá trong kỳ.": "No officer was rated in the period.",
    # the applicant's page
    "Đánh giá sự hài lòng": "Satisfaction rating",
    "Hồ sơ <strong>%(code)s</strong> — %(name)s": "Dossier <strong>%(code)s</strong> — %(name)s",
    "Ông/Bà vui lòng cho biết ý kiến về việc giải quyết hồ sơ. Mỗi hồ sơ được đánh giá một lần; ý kiến của Ông/Bà "
    "giúp cơ quan cải thiện chất lượng phục vụ.": (
        "Please tell us what you think of how your dossier was handled. Each dossier is rated once; your opinion "
        "helps the agency improve its service."
    ),
    "Chưa gửi được đánh giá. Vui lòng kiểm tra các mục dưới đây:": (
        "The rating was not sent. Please check the items below:"
    ),
    "Chỉ số %(code)s": "Indicator %(code)s",
    "Đánh giá được gắn với hồ sơ và các cán bộ đã giải quyết hồ sơ; không hiển thị công khai thông tin cá nhân của "
    "Ông/Bà.": (
        "The rating is linked to the dossier and the officers who handled it; your personal data is never shown "
        "publicly."
    ),
    "Gửi đánh giá": "Send the rating",
    "Cảm ơn Ông/Bà đã đánh giá. Đánh giá đã được ghi nhận.": "Thank you for your rating. It has been recorded.",
    "Hồ sơ này đã được đánh giá lúc %(time)s ngày %(day)s. Mỗi hồ sơ chỉ được đánh giá một lần.": (
        "This dossier was rated at %(time)s on %(day)s. Each dossier can be rated only once."
    ),
    "Mức độ hài lòng": "Satisfaction level",
    "Tổng điểm các chỉ số": "Total score of the indicators",
    "Ý kiến": "Comment",
    "Các chỉ số đã đánh giá": "Indicators rated",
    "Chỉ số": "Indicator",
    "Câu trả lời": "Answer",
    "Điểm": "Score",
    # the kiosk
    "Đánh giá sự hài lòng tại quầy": "Satisfaction rating at the counter",
    "Thoát màn hình đánh giá": "Leave the rating screen",
    "Hồ sơ <strong>%(code)s</strong>": "Dossier <strong>%(code)s</strong>",
    "Ông/Bà đánh giá như thế nào về thái độ công chức khi hướng dẫn và tiếp nhận giải quyết hồ sơ?": (
        "How do you rate the attitude of the officer who guided you and received your dossier?"
    ),
    "Mời Ông/Bà đánh giá sau khi công chức tiếp nhận hồ sơ.": (
        "Please rate the service once the officer has received your dossier."
    ),
    "Màn hình tự cập nhật khi có hồ sơ mới được tiếp nhận.": "The screen updates itself when a dossier is received.",
    "Cảm ơn Ông/Bà đã đánh giá": "Thank you for your rating",
    "Cảm ơn Ông/Bà đã đánh giá!": "Thank you for your rating!",
    "Ý kiến của Ông/Bà đã được ghi nhận.": "Your opinion has been recorded.",
    "Quay lại màn hình đánh giá": "Back to the rating screen",
    "Không có quyền": "Not allowed",
    "Màn hình đánh giá tại quầy dành cho công chức tiếp nhận, trả kết quả": (
        "The counter rating screen is for reception and result officers"
    ),
    "Tài khoản của ông/bà không có vai trò công chức tiếp nhận, trả kết quả tại bộ phận một cửa.": (
        "Your account does not hold the role of reception and result officer at a one-stop counter."
    ),
    "Về trang làm việc": "Back to the workspace",
    # the receipt
    "Mời công dân đánh giá": "Invite the citizen to rate",
    "(mở màn hình đánh giá trong cửa sổ riêng)": "(opens the rating screen in its own window)",
}

EN_PLURAL: dict = {}

EN_COUNT = {
    "%(n)s điểm": ("%(n)s point", "%(n)s points"),
}

EN.update(
    {
        "Mở màn hình đánh giá sự hài lòng tại quầy cho hồ sơ mình vừa tiếp nhận": (
            "Open the counter's satisfaction rating screen for the dossier one has just received"
        ),
        "Mời Ông/Bà đánh giá việc giải quyết hồ sơ (một lần, khoảng 1 phút).": (
            "Please rate how your dossier was handled (once, about a minute)."
        ),
    }
)
