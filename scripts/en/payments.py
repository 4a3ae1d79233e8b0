"""English of online payment of fees (thanh toán phí, lệ phí trực tuyến) — see scripts/fill_en_po.py. “Phí, lệ phí”
is “fees and charges”; “biên lai điện tử” is “e-receipt”; “cổng thanh toán” is “payment gateway”."""

EN = {
    # statuses and event sources
    "Đang chờ kết quả": "Awaiting the outcome",
    "Thành công": "Succeeded",
    "Không thành công": "Failed",
    "Đã hủy": "Cancelled",
    "Hết thời gian chờ": "Timed out",
    "Thông báo từ cổng thanh toán (IPN)": "Notification from the payment gateway (IPN)",
    "Trình duyệt quay về": "Browser return",
    "Tra vấn trạng thái": "Status query",
    # models
    "cổng thanh toán": "payment gateway",
    "mã đơn hàng (như nhận được)": "order ID (as received)",
    "nội dung nhận được": "payload received",
    "chữ ký hợp lệ": "valid signature",
    "xử lý": "handling",
    "nhận lúc": "received at",
    "thông báo từ cổng thanh toán": "payment gateway notification",
    "giao dịch": "payment",
    "số tiền (đồng)": "amount (VND)",
    "các khoản phải nộp (bản chụp)": "items due (snapshot)",
    "mã đơn hàng": "order ID",
    "mã giao dịch của cổng": "gateway transaction ID",
    "bắt đầu lúc": "started at",
    "kết thúc lúc": "finished at",
    "số biên lai": "receipt number",
    "ghi vào hồ sơ lúc": "recorded on the dossier at",
    "cần hoàn tiền": "refund required",
    "lý do hoàn tiền": "refund reason",
    "giao dịch thanh toán": "payment",
    "tài khoản thanh toán": "paying account",
    "Các khoản phí, lệ phí, thủ tục và mã hồ sơ tại lúc bắt đầu thanh toán; in trên biên lai.": (
        "The fees and charges, the procedure and the dossier code when the payment started; printed on the receipt."
    ),
    "Thời điểm thao tác “Thanh toán phí, lệ phí trực tuyến” được ghi vào hồ sơ (một lần).": (
        "When the action “Pay fees and charges online” was recorded on the dossier (once)."
    ),
    "Tiền đã thu nhưng hồ sơ đã kết thúc trước khi cổng báo thành công: bộ phận một cửa hoàn trả.": (
        "The money was taken but the dossier had closed before the gateway reported success: the one-stop counter "
        "refunds it."
    ),
    # the e-receipt
    "BIÊN LAI THU PHÍ, LỆ PHÍ ĐIỆN TỬ": "E-RECEIPT FOR FEES AND CHARGES",
    "(Thanh toán trực tuyến)": "(Paid online)",
    "Khoản thu": "Item",
    "Số tiền (đồng)": "Amount (VND)",
    "Số tiền": "Amount",
    "Bằng chữ": "In words",
    "Cổng thanh toán": "Payment gateway",
    "Mã giao dịch": "Transaction ID",
    "Mã đơn hàng": "Order ID",
    "Thời gian thanh toán": "Paid at",
    "Biên lai điện tử do Hệ thống thông tin giải quyết thủ tục hành chính lập khi cổng thanh toán xác nhận giao "
    "dịch thành công.": (
        "E-receipt issued by the administrative procedure information system when the payment gateway confirmed "
        "the transaction."
    ),
    "Biên lai điện tử %(number)s": "E-receipt %(number)s",
    "Số biên lai: %(number)s": "Receipt number: %(number)s",
    "GIAO DỊCH THỬ NGHIỆM — KHÔNG CÓ GIÁ TRỊ THANH TOÁN": "TEST TRANSACTION — NOT A REAL PAYMENT",
    "Đã thanh toán trước đó": "Paid earlier",
    # the service
    "Cổng thanh toán này không được sử dụng.": "This payment gateway is not in use.",
    "Chỉ tài khoản đã nộp hồ sơ trực tuyến mới thanh toán được phí, lệ phí của hồ sơ.": (
        "Only the account that submitted the dossier online can pay its fees and charges."
    ),
    "Hồ sơ đã kết thúc xử lý, không thể thanh toán trực tuyến.": (
        "The dossier is closed; it can no longer be paid online."
    ),
    "Đang có một giao dịch chờ kết quả; vui lòng thử lại sau ít phút.": (
        "A payment is awaiting its outcome; please try again in a few minutes."
    ),
    "Hồ sơ không có khoản phí, lệ phí nào cần thanh toán trực tuyến.": (
        "The dossier has no fee or charge to pay online."
    ),
    "Hồ sơ đã được thanh toán đủ phí, lệ phí.": "The dossier's fees and charges are fully paid.",
    "Phí, lệ phí hồ sơ %(dossier)s": "Fees and charges of dossier %(dossier)s",
    "Hồ sơ đã kết thúc trước khi cổng báo thanh toán thành công: %(reason)s": (
        "The dossier closed before the gateway reported the payment: %(reason)s"
    ),
    "Đánh dấu “Hết thời gian chờ” các giao dịch thanh toán đang chờ quá MOTCUA_PAYMENT_TIMEOUT_MINUTES phút (hỏi "
    "cổng thanh toán trước; giao dịch cổng báo thành công được ghi nhận).": (
        "Mark “Timed out” the payments pending for more than MOTCUA_PAYMENT_TIMEOUT_MINUTES minutes (the gateway is "
        "asked first; a payment it reports as succeeded is recorded)."
    ),
    "Hết thời gian chờ: %(expired)d; ghi nhận thành công: %(recovered)d": (
        "Timed out: %(expired)d; recorded as succeeded: %(recovered)d"
    ),
    # pages
    "Cổng thanh toán thử nghiệm": "Test payment gateway",
    "Thanh toán phí, lệ phí": "Pay fees and charges",
    "Đã thanh toán trực tuyến": "Paid online",
    "Kết quả thanh toán": "Payment outcome",
    "Thanh toán thành công.": "Payment succeeded.",
    "Số biên lai": "Receipt number",
    "Hồ sơ đã kết thúc trước khi thanh toán được xác nhận: bộ phận một cửa sẽ hoàn trả số tiền này.": (
        "The dossier closed before the payment was confirmed: the one-stop counter will refund this amount."
    ),
    "Tải biên lai điện tử": "Download the e-receipt",
    "Chưa nhận được kết quả từ cổng thanh toán. Vui lòng xem lại sau ít phút.": (
        "No outcome from the payment gateway yet. Please check again in a few minutes."
    ),
    "Giao dịch không thành công": "The payment did not go through",
    "Hồ sơ chưa được ghi nhận thanh toán; bạn có thể thanh toán lại.": (
        "Nothing was recorded on the dossier; you can pay again."
    ),
    "Quay lại trang thanh toán của hồ sơ": "Back to the dossier's payment page",
    "Phí, lệ phí nộp trực tuyến": "Fees and charges paid online",
    "Biên lai": "Receipt",
    "Cần hoàn tiền": "Refund required",
    "biên lai": "receipt",
    "Các khoản phải nộp": "Amounts due",
    "Khoản": "Item",
    "Mức thu": "Amount",
    "nộp tại quầy/theo thông báo": "paid at the counter / as notified",
    "Thủ tục này không quy định phí, lệ phí cho cách nộp hồ sơ này.": (
        "This procedure sets no fee or charge for this way of submitting."
    ),
    "Không có khoản nào cần thanh toán trực tuyến.": "There is nothing to pay online.",
    "Bạn đã thanh toán đủ phí, lệ phí trực tuyến cho hồ sơ này.": (
        "You have paid this dossier's fees and charges online in full."
    ),
    "Cần thanh toán": "To pay",
    "Đang có một giao dịch chờ kết quả từ cổng thanh toán.": "A payment is awaiting the gateway's outcome.",
    "Tiếp tục giao dịch đang chờ": "Continue the pending payment",
    "Chọn cổng thanh toán": "Choose a payment gateway",
    "Thanh toán": "Pay",
    "Các khoản không ghi số tiền được nộp tại bộ phận một cửa hoặc theo thông báo của cơ quan giải quyết.": (
        "Items without an amount are paid at the one-stop counter or as the competent body notifies."
    ),
    "Lịch sử thanh toán": "Payment history",
    "Xem tình trạng hồ sơ": "See the dossier's progress",
    "Không xác minh được kết quả thanh toán.": "The payment outcome could not be verified.",
    "Thông tin trả về không có chữ ký hợp lệ của cổng thanh toán hoặc không khớp với giao dịch; hồ sơ không thay "
    "đổi. Kết quả chính thức do cổng thanh toán báo trực tiếp cho hệ thống.": (
        "The returned data has no valid signature of the payment gateway or does not match the payment; the dossier "
        "is unchanged. The official outcome is sent by the gateway directly to the system."
    ),
    "Cổng thanh toán thử nghiệm — không có tiền thật được chuyển": "Test payment gateway — no real money moves",
    "Ngân hàng không phản hồi": "The bank did not answer",
    "Cổng thanh toán không gửi kết quả. Giao dịch đang chờ và sẽ tự chuyển sang “Hết thời gian chờ”; hồ sơ không ghi "
    "nhận thanh toán.": (
        "The gateway sent no outcome. The payment stays pending and will turn “Timed out”; nothing is recorded on the "
        "dossier."
    ),
    "Nội dung thanh toán": "Payment for",
    "Hãy chọn một kết quả.": "Choose an outcome.",
    "Thanh toán thành công": "Payment succeeds",
    "Thất bại": "Payment fails",
    "Hủy giao dịch": "Cancel the payment",
    "Không phản hồi": "No answer",
    "“Không phản hồi” giả lập ngân hàng không gửi kết quả: giao dịch chờ đến khi hết thời gian rồi chuyển sang “Hết "
    "thời gian chờ”.": (
        "“No answer” simulates a bank that sends no outcome: the payment waits until its time runs out, then turns "
        "“Timed out”."
    ),
    "Giao dịch này đã kết thúc.": "This payment is over.",
    "Phí, lệ phí hồ sơ %(ident)s": "Fees and charges of dossier %(ident)s",
}

EN_PLURAL = {  # verbose_name_plural (msgctxt "plural")
    "giao dịch thanh toán": "payments",
    "thông báo từ cổng thanh toán": "payment gateway notifications",
}
