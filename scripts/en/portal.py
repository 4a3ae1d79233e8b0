"""English of the public portal: dossier tracking (tra cứu hồ sơ) — see scripts/fill_en_po.py. “Mã kiểm tra” is the
“check value”; “tra cứu” is “track”; the national status labels are translated with motcua.dossiers.choices."""

EN = {
    # app
    "Cổng dịch vụ công": "Public service portal",
    # links from the header and the home page
    "Tra cứu hồ sơ": "Track a dossier",
    "Xem tình trạng giải quyết, ngày hẹn trả và việc cần làm tiếp theo bằng mã hồ sơ và mã kiểm tra.": (
        "See the progress, the appointment and what to do next with the dossier code and the check value."
    ),
    # the form
    "Xem tình trạng giải quyết hồ sơ thủ tục hành chính mà không cần đăng nhập.": (
        "See the progress of an administrative procedure dossier without signing in."
    ),
    "Bạn đã nhập sai quá nhiều lần.": "Too many wrong attempts.",
    "Để bảo vệ thông tin hồ sơ, việc tra cứu tạm khóa. Vui lòng thử lại sau %(minutes)s phút, hoặc liên hệ bộ phận "
    "một cửa nơi đã nộp hồ sơ.": (
        "To protect dossier information, tracking is locked for now. Please try again in %(minutes)s minutes, or "
        "contact the one-stop counter where the dossier was submitted."
    ),
    "Không tìm thấy hồ sơ với mã và mã kiểm tra đã nhập.": "No dossier was found with the code and check value entered.",
    "Hãy kiểm tra lại mã hồ sơ trên giấy tiếp nhận hồ sơ và hẹn trả kết quả (hoặc mã tham chiếu khi nộp trực tuyến) "
    "và 4 chữ số cuối của số điện thoại hoặc số định danh đã khai khi nộp hồ sơ.": (
        "Check the dossier code on the receipt and appointment slip (or the reference of an online submission) and "
        "the last 4 digits of the phone or ID number given when the dossier was submitted."
    ),
    "Mã hồ sơ": "Dossier code",
    "Nhập mã kiểm tra để xem hồ sơ này.": "Enter the check value to see this dossier.",
    "Tra cứu mã hồ sơ khác": "Track another dossier code",
    "Ghi trên giấy tiếp nhận hồ sơ và hẹn trả kết quả, ví dụ 000.00.02.H56-260309-0001; hồ sơ nộp trực tuyến chưa "
    "được tiếp nhận: mã tham chiếu, ví dụ HS-260309-1A2B3C4D.": (
        "Printed on the receipt and appointment slip, e.g. 000.00.02.H56-260309-0001; an online dossier not yet "
        "received: its reference, e.g. HS-260309-1A2B3C4D."
    ),
    "Mã kiểm tra": "Check value",
    "4 chữ số cuối của số điện thoại, hoặc của số định danh cá nhân (CCCD) hay mã số doanh nghiệp, của người nộp "
    "hồ sơ.": (
        "The last 4 digits of the applicant's phone number, or of their personal ID number (CCCD) or enterprise "
        "code."
    ),
    "Tra cứu": "Track",
    "Mã kiểm tra dùng để làm gì?": "What is the check value for?",
    "Mã kiểm tra giúp chỉ người nộp hồ sơ xem được tình trạng hồ sơ. Trang tra cứu chỉ hiển thị tên đã được che "
    "bớt của người nộp, không hiển thị số định danh, số điện thoại hay địa chỉ.": (
        "The check value lets only the applicant see the dossier's progress. The tracking page shows only the "
        "applicant's shortened name, never an ID number, phone number or address."
    ),
    "Mã QR trên giấy tiếp nhận hồ sơ và hẹn trả kết quả dẫn thẳng đến trang này với mã hồ sơ đã điền sẵn.": (
        "The QR code on the receipt and appointment slip opens this page with the dossier code filled in."
    ),
    "Nhập mã hồ sơ ghi trên giấy tiếp nhận hồ sơ và hẹn trả kết quả.": (
        "Enter the dossier code printed on the receipt and appointment slip."
    ),
    "Nhập 4 chữ số cuối của số điện thoại hoặc số định danh của người nộp hồ sơ.": (
        "Enter the last 4 digits of the applicant's phone or ID number."
    ),
    "Mã hồ sơ chỉ gồm chữ cái không dấu, chữ số, dấu chấm và dấu gạch ngang, như trên giấy tiếp nhận.": (
        "A dossier code has only unaccented letters, digits, dots and hyphens, as on the receipt."
    ),
    "Mã kiểm tra gồm đúng 4 chữ số.": "The check value is exactly 4 digits.",
    # the dossier's page
    "Hồ sơ %(code)s": "Dossier %(code)s",
    "Hồ sơ trực tuyến %(code)s": "Online dossier %(code)s",
    "mã thủ tục": "procedure code",
    "Tình trạng": "Status",
    "Bạn cần làm gì bây giờ?": "What do you need to do now?",
    "Thông tin hồ sơ": "Dossier details",
    "Mã tham chiếu": "Reference",
    "Thủ tục": "Procedure",
    "Người nộp hồ sơ": "Applicant",
    "Kênh nộp": "Submission channel",
    "Đơn vị tiếp nhận": "Receiving unit",
    "Cơ quan giải quyết": "Competent agency",
    "Đơn vị đang xử lý": "Current unit",
    "Ngày nộp": "Submitted",
    "Hạn tiếp nhận": "Reception deadline",
    "Ngày tiếp nhận": "Received",
    "Ngày hẹn trả kết quả": "Appointment date for the result",
    "đang tạm dừng tính thời gian; ngày hẹn sẽ được tính lại khi tiếp tục giải quyết": (
        "the clock is paused; the appointment will be recomputed when processing resumes"
    ),
    "Ngày hẹn trả ban đầu": "Original appointment date",
    "cơ quan giải quyết đã xin lỗi và hẹn lại ngày trả kết quả": (
        "the competent agency apologised and set a new appointment"
    ),
    "Hình thức nhận kết quả": "How the result is returned",
    "Xử lý xong lúc": "Finished at",
    "Trả kết quả lúc": "Result returned at",
    "Quá trình giải quyết": "Progress",
    "Cập nhật hồ sơ": "Dossier updated",
    "Tra cứu hồ sơ khác": "Track another dossier",
    "Kết thúc xem hồ sơ này": "Stop viewing this dossier",
    "Trên máy dùng chung, hãy bấm “Kết thúc xem hồ sơ này” khi xem xong. Trang tự hết hiệu lực sau %(minutes)s "
    "phút.": (
        "On a shared computer, press “Stop viewing this dossier” when you are done. Access ends by itself after "
        "%(minutes)s minutes."
    ),
    "Nội dung thông báo": "The notice says",
    "Giấy tờ cần bổ sung": "Documents to supplement",
    # what to do now
    "%(unit)s đề nghị bạn bổ sung, hoàn thiện hồ sơ trước khi tiếp nhận.": (
        "%(unit)s asks you to complete the dossier before it can be received."
    ),
    "Hồ sơ chưa được tiếp nhận. Hãy bổ sung theo hướng dẫn và nộp lại qua nơi bạn đã nộp hồ sơ trực tuyến.": (
        "The dossier has not been received yet. Complete it as instructed and submit it again where you submitted "
        "it online."
    ),
    "Hồ sơ trực tuyến của bạn đang chờ %(unit)s kiểm tra.": "Your online dossier is waiting to be checked by %(unit)s.",
    "Hạn tiếp nhận: %(due)s.": "Reception deadline: %(due)s.",
    "Bạn chưa cần làm gì. Khi hồ sơ được tiếp nhận, bạn sẽ nhận mã hồ sơ và ngày hẹn trả kết quả; nếu hồ sơ cần "
    "bổ sung, bộ phận một cửa sẽ hướng dẫn.": (
        "Nothing to do yet. When the dossier is received you will get a dossier code and an appointment for the "
        "result; if it needs completing, the one-stop counter will tell you how."
    ),
    "Bạn không cần làm gì thêm. Hồ sơ đang được giải quyết.": "Nothing more to do. The dossier is being processed.",
    "Kết quả được hẹn trả ngày %(due)s.": "The result is due on %(due)s.",
    "Cơ quan giải quyết yêu cầu bạn bổ sung giấy tờ.": "The competent agency asks you to supplement documents.",
    'Nộp bổ sung qua nơi bạn đã nộp hồ sơ trực tuyến, hoặc mang giấy tờ đến <a href="%(url)s">%(unit)s</a>, nơi '
    "đã tiếp nhận hồ sơ.": (
        'Submit them where you submitted the dossier online, or bring them to <a href="%(url)s">%(unit)s</a>, '
        "which received the dossier."
    ),
    'Mang giấy tờ bổ sung đến <a href="%(url)s">%(unit)s</a>, nơi đã tiếp nhận hồ sơ.': (
        'Bring the documents to <a href="%(url)s">%(unit)s</a>, which received the dossier.'
    ),
    "Thời gian giải quyết tạm dừng cho đến khi bạn bổ sung đủ; ngày hẹn trả sẽ được tính lại.": (
        "The clock is paused until you have supplemented everything; the appointment will be recomputed."
    ),
    "Bạn cần thực hiện nghĩa vụ tài chính (nộp phí, lệ phí, thuế…) theo thông báo của cơ quan giải quyết.": (
        "You need to pay what the competent agency's notice asks (fees, charges, taxes…)."
    ),
    'Sau khi nộp, hãy giữ chứng từ; <a href="%(url)s">%(unit)s</a> xác nhận rồi tiếp tục giải quyết. Thời gian '
    "giải quyết tạm dừng cho đến khi bạn hoàn thành nghĩa vụ tài chính.": (
        'Keep the payment receipt; <a href="%(url)s">%(unit)s</a> confirms the payment and resumes processing. The '
        "clock is paused until the payment is made."
    ),
    "Đã có kết quả.": "The result is ready.",
    "Kết quả sẽ được gửi đến bạn qua dịch vụ bưu chính công ích theo địa chỉ đã đăng ký khi nộp hồ sơ.": (
        "It will be sent to you by public postal service at the address given when the dossier was submitted."
    ),
    "Kết quả điện tử được gửi đến bạn theo thông tin liên hệ đã đăng ký; nếu chưa nhận được, hãy liên hệ "
    '<a href="%(url)s">%(unit)s</a>.': (
        "The electronic result is sent to the contact details you gave; if it has not arrived, contact "
        '<a href="%(url)s">%(unit)s</a>.'
    ),
    'Mời bạn đến <a href="%(url)s">%(unit)s</a> để nhận kết quả; mang theo giấy tiếp nhận hồ sơ và hẹn trả kết '
    "quả và giấy tờ tùy thân.": (
        'Please come to <a href="%(url)s">%(unit)s</a> to collect it; bring the receipt and appointment slip and '
        "an identity document."
    ),
    "Kết quả đã được trả ngày %(day)s. Bạn không cần làm gì thêm.": (
        "The result was handed over on %(day)s. Nothing more to do."
    ),
    "Hồ sơ không được tiếp nhận.": "The dossier was not accepted.",
    "Bạn có thể hoàn thiện hồ sơ theo lý do trên và nộp hồ sơ mới.": (
        "You may complete the dossier according to the reason above and submit a new one."
    ),
    "Hồ sơ đã được rút theo đề nghị của người nộp. Bạn không cần làm gì thêm; nếu chưa nhận lại giấy tờ đã nộp, "
    'hãy liên hệ <a href="%(url)s">%(unit)s</a>.': (
        "The dossier was withdrawn at the applicant's request. Nothing more to do; if you have not had your "
        'documents back, contact <a href="%(url)s">%(unit)s</a>.'
    ),
    "Cơ quan giải quyết đã dừng xử lý hồ sơ.": "The competent agency has stopped processing the dossier.",
    'Nếu cần giải thích thêm, hãy liên hệ <a href="%(url)s">%(unit)s</a>. Bạn có thể nộp hồ sơ mới khi đủ điều '
    "kiện.": (
        'For more explanation, contact <a href="%(url)s">%(unit)s</a>. You may submit a new dossier once you meet '
        "the conditions."
    ),
}

EN_COUNT = {}

# --- the signed-in citizen's pages: Hồ sơ của tôi, online submission, answering online, the data store ------------
EN.update(
    {
        "Không tìm thấy hồ sơ.": "Dossier not found.",
        "Hồ sơ đã kết thúc; không gửi thêm giấy tờ được nữa.": (
            "The dossier is closed; no more documents can be sent."
        ),
        "Không tìm thấy giấy tờ đã chọn trong kho dữ liệu của bạn.": (
            "The chosen document was not found in your data store."
        ),
        "Không tìm thấy hồ sơ này trong các hồ sơ của bạn.": "This dossier was not found among your dossiers.",
        "Tệp gửi lên quá lớn: mỗi tệp tối đa %(mb)s MB. Hãy quay lại và chọn tệp nhỏ hơn.": (
            "The upload is too large: at most %(mb)s MB per file. Go back and choose a smaller file."
        ),
        "Không tìm thấy tệp này trong các hồ sơ của bạn.": "This file was not found in your dossiers.",
        "Tệp không còn trong kho lưu trữ; hãy liên hệ bộ phận một cửa.": (
            "The file is no longer in storage; please contact the one-stop counter."
        ),
        "Hồ sơ này hiện không chờ bạn bổ sung giấy tờ.": "This dossier is not waiting for documents from you.",
        "Hãy chọn ít nhất một tệp giấy tờ bổ sung.": "Choose at least one file to send.",
        "Đã gửi hồ sơ đã hoàn thiện. Bộ phận một cửa sẽ kiểm tra lại để tiếp nhận.": (
            "The completed dossier was sent. The one-stop counter will check it again for reception."
        ),
        "Đã gửi giấy tờ bổ sung. Bộ phận một cửa sẽ tiếp nhận phần bổ sung và hồ sơ được giải quyết tiếp.": (
            "The supplement was sent. The one-stop counter will receive it and processing will resume."
        ),
        "Không thể đề nghị rút hồ sơ này lúc này.": "This dossier cannot be withdrawn now.",
        "Đã gửi đề nghị rút hồ sơ. Bộ phận một cửa sẽ xác nhận và thông báo cho bạn.": (
            "Your withdrawal request was sent. The one-stop counter will confirm it and let you know."
        ),
        "Cần tải lên tệp hoặc chọn từ kho dữ liệu cho giấy tờ bắt buộc này.": (
            "Upload a file or choose one from your data store for this required document."
        ),
        "Kết quả %(number)s (%(code)s)": "Result %(number)s (%(code)s)",
        "Nơi tiếp nhận hồ sơ": "Where the dossier is received",
        "Số định danh cá nhân / mã số doanh nghiệp": "Personal identification number / enterprise code",
        "Nội dung đề nghị (không bắt buộc)": "What you request (optional)",
        "Theo định danh điện tử (VNeID), không sửa được.": "From your electronic identity (VNeID); cannot be changed.",
        "Ghi chú gửi bộ phận một cửa (không bắt buộc)": "Note to the one-stop counter (optional)",
        "Lý do đề nghị rút hồ sơ": "Reason for withdrawing the dossier",
        "Cần ghi lý do đề nghị rút hồ sơ.": "Give the reason for withdrawing the dossier.",
        "Giấy tờ chọn từ kho dữ liệu không còn dùng được; hãy chọn lại.": (
            "A document chosen from the data store can no longer be used; choose again."
        ),
        "Tệp đã tải lên không còn dùng được; hãy tải lên lại.": (
            "An uploaded file can no longer be used; upload it again."
        ),
        "Trang của tôi": "My pages",
        "Hồ sơ của tôi": "My dossiers",
        "Kho dữ liệu": "Data store",
        "Về Hồ sơ của tôi": "Back to My dossiers",
        "Kho dữ liệu của tôi": "My data store",
        "Giấy tờ đã nộp và kết quả điện tử của các hồ sơ trước. Khi nộp hồ sơ mới, bạn có thể chọn lại từ đây thay "
        "vì tải lên.": (
            "Documents submitted and electronic results of earlier dossiers. When you submit a new dossier you can "
            "choose them here instead of uploading."
        ),
        "Giấy tờ đã nộp": "Documents submitted",
        "Hồ sơ %(code)s, ngày %(day)s": "Dossier %(code)s, %(day)s",
        "Chưa có giấy tờ nào.": "No documents yet.",
        "Hồ sơ %(code)s, ký ngày %(day)s": "Dossier %(code)s, signed on %(day)s",
        "Chưa có kết quả điện tử nào.": "No electronic results yet.",
        "Hồ sơ đã được tiếp nhận.": "The dossier has been accepted.",
        "Mã hồ sơ: %(code)s.": "Dossier code: %(code)s.",
        "Bạn đã gửi bổ sung trực tuyến. Bộ phận một cửa sẽ tiếp nhận phần bổ sung; sau đó hồ sơ được giải quyết "
        "tiếp.": (
            "You sent the supplement online. The one-stop counter will receive it; processing then resumes."
        ),
        "Nếu còn thiếu, bạn có thể gửi thêm ở mục “Gửi bổ sung” bên dưới.": (
            "If something is still missing, you can send more under “Send documents” below."
        ),
        "Gửi giấy tờ bổ sung ngay trên trang này (mục “Gửi bổ sung” bên dưới).": (
            "Send the documents on this page (“Send documents” below)."
        ),
        "Bạn đã đề nghị rút hồ sơ lúc %(at)s.": "You asked to withdraw the dossier at %(at)s.",
        "Bộ phận một cửa sẽ xác nhận việc rút hồ sơ.": "The one-stop counter will confirm the withdrawal.",
        "Gửi bổ sung": "Send a supplement",
        "Nộp lại hồ sơ đã hoàn thiện": "Resubmit the completed dossier",
        "Gửi giấy tờ bổ sung": "Send the supplement",
        "Đề nghị rút hồ sơ": "Ask to withdraw the dossier",
        "Bộ phận một cửa sẽ xác nhận việc rút hồ sơ; phí, lệ phí đã nộp được xử lý theo quy định.": (
            "The one-stop counter will confirm the withdrawal; fees paid are handled as the rules say."
        ),
        "Gửi đề nghị rút hồ sơ": "Send the withdrawal request",
        "Nộp": "Submitted",
        "Hẹn trả": "Appointment",
        "Trang": "Pages",
        "Bạn chưa có hồ sơ nào.": "You have no dossiers yet.",
        "Chọn trường hợp của bạn": "Choose your case",
        "Tiếp tục": "Continue",
        "Bước 1/3: chọn thủ tục": "Step 1/3: choose the procedure",
        "Tìm thủ tục theo tên hoặc mã": "Find a procedure by name or code",
        "Không có thủ tục nộp trực tuyến nào khớp với “%(q)s”.": "No online procedure matches “%(q)s”.",
        "Chưa có thủ tục nào nộp được trực tuyến.": "No procedure can be submitted online yet.",
        "Bước 2/3: điền tờ khai và đính kèm giấy tờ": "Step 2/3: fill in the form and attach the documents",
        "Hồ sơ chưa hợp lệ; hãy sửa các mục được đánh dấu bên dưới. Tệp đã chọn cần chọn lại.": (
            "The dossier is not valid yet; correct the marked items below. Choose the files again."
        ),
        "Nơi tiếp nhận": "Receiving unit",
        "Người nộp hồ sơ": "Applicant",
        "Thông tin định danh lấy từ tài khoản định danh điện tử của bạn.": (
            "Identity details come from your electronic identity account."
        ),
        "Tệp PDF, JPG, PNG, DOCX hoặc XLSX, mỗi tệp tối đa %(mb)s MB.": (
            "PDF, JPG, PNG, DOCX or XLSX files, at most %(mb)s MB each."
        ),
        "Giữ tệp đã tải lên: %(name)s": "Keep the uploaded file: %(name)s",
        "hoặc chọn từ kho dữ liệu": "or choose from your data store",
        "Tiếp tục: xem lại hồ sơ": "Continue: review the dossier",
        "Xem lại hồ sơ": "Review the dossier",
        "Bước 3/3: kiểm tra và nộp": "Step 3/3: check and submit",
        "Chưa nộp được hồ sơ.": "The dossier could not be submitted.",
        "Số định danh": "Identification number",
        "Giấy tờ đính kèm": "Attached documents",
        "Chọn từ kho dữ liệu": "Chosen from the data store",
        "Không đính kèm giấy tờ nào.": "No documents attached.",
        "Sửa lại": "Edit",
        "Nộp hồ sơ": "Submit the dossier",
        "Đã nộp hồ sơ": "Dossier submitted",
        "Mã tham chiếu: %(ref)s": "Reference: %(ref)s",
        "Hồ sơ đã được gửi đến %(unit)s. Bộ phận một cửa sẽ kiểm tra và tiếp nhận; khi đó bạn nhận được mã hồ sơ và "
        "ngày hẹn trả kết quả.": (
            "The dossier was sent to %(unit)s. The one-stop counter will check and accept it; you then get the "
            "dossier code and the appointment."
        ),
        "Cần hoàn thiện hồ sơ: mở hồ sơ để xem yêu cầu và nộp lại.": (
            "The dossier must be completed: open it to see the request and resubmit."
        ),
        "Chờ bộ phận một cửa kiểm tra, tiếp nhận.": "Waiting for the one-stop counter to check and accept it.",
        "Đang giải quyết; bạn chưa cần làm gì.": "Being processed; nothing to do for now.",
        "Cần bổ sung giấy tờ: mở hồ sơ để gửi bổ sung.": "Documents needed: open the dossier to send them.",
        "Cần thực hiện nghĩa vụ tài chính.": "Financial obligations to fulfil.",
        "Đã trả kết quả.": "Result handed over.",
        "Không được tiếp nhận: xem lý do.": "Not accepted: see the reason.",
        "Đã rút hồ sơ.": "Withdrawn.",
        "Đã dừng xử lý: xem lý do.": "Processing stopped: see the reason.",
        "Công dân đề nghị rút hồ sơ lúc %(at)s.": "The applicant asked to withdraw the dossier at %(at)s.",
        "Công dân đã gửi bổ sung trực tuyến lúc %(at)s.": "The applicant sent documents online at %(at)s.",
        "Ghi chú:": "Note:",
    }
)
