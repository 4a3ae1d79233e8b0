"""English of the counter intake screen, the guidance slip (Mẫu 02), the receipt (Mẫu 01) and the refusal slip
(Mẫu 03) (see scripts/fill_en_po.py). The printed forms themselves are rendered in Vietnamese whatever the
interface language (they are legal documents); their English here serves the catalogue's completeness."""

EN = {
    "Tải PDF (Mẫu 01)": "Download PDF (Form 01)",
    "Tải .docx": "Download .docx",
    # the form's fields and messages
    "Thành phần hồ sơ không hợp lệ.": "Invalid dossier component.",
    "Giá trị không hợp lệ.": "Invalid value.",
    "ngày/tháng/năm": "dd/mm/yyyy",
    "Loại đối tượng": "Type of applicant",
    "Họ tên hoặc tên tổ chức": "Full name or organisation name",
    "Số định danh cá nhân hoặc mã số tổ chức": "Personal identification number or organisation code",
    "Công dân: số định danh cá nhân (số CCCD) gồm 12 chữ số.": "Citizens: the personal identification number "
    "(citizen ID card number) has 12 digits.",
    "Ngày sinh": "Date of birth",
    "Ngày sinh không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 05/09/1990.": "Invalid date of birth: enter it "
    "as day/month/year, e.g. 05/09/1990.",
    "Số điện thoại": "Telephone number",
    "Đơn vị tiếp nhận": "Receiving unit",
    "Cần chọn đơn vị tiếp nhận.": "Choose the receiving unit.",
    "Tìm thủ tục (mã hoặc tên, có dấu hoặc không dấu)": "Find the procedure (code or name, with or without "
    "Vietnamese diacritics)",
    "Cần chọn thủ tục hành chính.": "Choose the administrative procedure.",
    "Trường hợp": "Case",
    "Thành phần hồ sơ đã nộp": "Dossier components provided",
    "Số bộ hồ sơ": "Number of sets",
    "Số bộ hồ sơ phải là một số nguyên.": "The number of sets must be a whole number.",
    "Cần nhập số bộ hồ sơ.": "Enter the number of sets.",
    "Hình thức nhận kết quả": "How the result is returned",
    "Trích yếu (nội dung yêu cầu giải quyết)": "Summary (what the applicant requests)",
    "Để trống thì dùng tên thủ tục.": "Leave empty to use the procedure's name.",
    "Người nộp là người được ủy quyền": "The person submitting is an authorised representative",
    "Lý do từ chối tiếp nhận": "Reason for refusing the dossier",
    "Nội dung hướng dẫn thêm": "Further guidance",
    "Ghi những điểm cần sửa, bổ sung ngoài các giấy tờ còn thiếu.": "Note what must be corrected or added "
    "besides the missing documents.",
    # the page
    "Tiếp nhận hồ sơ tại Bộ phận Một cửa": "Receive a dossier at the one-stop counter",
    "Kiểm tra hồ sơ theo danh mục thành phần đã công bố của thủ tục, rồi chọn một trong ba kết quả ở cuối trang: "
    "tiếp nhận, hướng dẫn bổ sung, hoàn thiện, hoặc từ chối tiếp nhận.": "Check the dossier against the "
    "procedure's published list of components, then choose one of the three outcomes at the bottom of the page: "
    "accept it, guide the applicant to complete it, or refuse it.",
    "Thủ tục hành chính và thành phần hồ sơ": "Administrative procedure and dossier components",
    "Ví dụ: 1.004222, đăng ký thường trú, dang ky thuong tru. Phím mũi tên xuống đưa đến danh sách kết quả.": (
        "For example: 1.004222, đăng ký thường trú, dang ky thuong tru. The down arrow key moves to the results."
    ),
    "Hình thức nộp và nhận kết quả": "Submission and result return",
    "Ngày hẹn trả kết quả": "Appointment date for the result",
    "Người nộp hồ sơ (chủ hồ sơ)": "Applicant (dossier owner)",
    "Các mục có dấu * là bắt buộc khi tiếp nhận hoặc từ chối tiếp nhận.": "Fields marked * are required to "
    "accept or to refuse the dossier.",
    "Người được ủy quyền (nếu có)": "Authorised representative (if any)",
    "Đánh dấu khi người đến nộp không phải chủ hồ sơ mà được chủ hồ sơ ủy quyền; ghi thông tin người được ủy quyền "
    "dưới đây.": "Tick when the person submitting is not the dossier owner but authorised by them; enter the "
    "representative's details below.",
    "Thông tin người được ủy quyền": "Authorised representative's details",
    "Kết quả kiểm tra hồ sơ": "Outcome of the check",
    "Hồ sơ đầy đủ, hợp lệ": "The dossier is complete and valid",
    "Tiếp nhận hồ sơ: cấp mã hồ sơ, ngày hẹn trả và in Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01).": (
        "Accept the dossier: issue the dossier code and the appointment date, and print the dossier receipt and "
        "appointment slip (Form 01)."
    ),
    "Hồ sơ chưa đầy đủ": "The dossier is incomplete",
    "In Phiếu hướng dẫn bổ sung, hoàn thiện hồ sơ (Mẫu 02) liệt kê các giấy tờ bắt buộc chưa đánh dấu và nội dung "
    "hướng dẫn. Hồ sơ nộp trực tiếp chưa đầy đủ thì không được tạo và không cấp mã: người nộp hoàn thiện rồi nộp "
    "lại.": "Print the guidance for completing the dossier (Form 02), listing the required documents not ticked "
    "and your guidance. An incomplete dossier submitted in person is not created and gets no code: the applicant "
    "completes it and submits it again.",
    "In phiếu hướng dẫn hoàn thiện": "Print the completion guidance",
    "Không đủ điều kiện tiếp nhận": "The dossier cannot be accepted",
    "Từ chối tiếp nhận (ví dụ: không thuộc thẩm quyền): ghi nhận việc từ chối với lý do cụ thể và in Phiếu từ "
    "chối tiếp nhận giải quyết hồ sơ (Mẫu 03).": "Refuse the dossier (for example, outside the competence of "
    "the province): record the refusal with its specific reason and print the refusal notice (Form 03).",
    "Tra cứu người nộp đã có": "Look up a returning applicant",
    "Nhập số định danh hoặc mã số để tra cứu người nộp đã có.": "Enter the identification number or code to "
    "look up a returning applicant.",
    "Chưa có người nộp nào với số này: hãy nhập thông tin người nộp.": "No applicant has this number yet: enter "
    "the applicant's details.",
    "Đã điền thông tin của người nộp đã có trong hệ thống; hãy đối chiếu với giấy tờ xuất trình.": "The details "
    "of the applicant already in the system have been filled in; check them against the documents presented.",
    # the 403 page
    "Không có quyền tiếp nhận hồ sơ": "Not allowed to receive dossiers",
    "Bạn không có vai trò tiếp nhận hồ sơ": "You do not hold the role that receives dossiers",
    "Màn hình này dành cho công chức được phân công vai trò “Công chức tiếp nhận, trả kết quả” tại Bộ phận Một cửa "
    "(Trung tâm Phục vụ hành chính công). Chỉ vai trò này được tiếp nhận hoặc từ chối tiếp nhận hồ sơ.": "This "
    "screen is for officers assigned the role “Dossier receipt and result return officer” at a one-stop counter "
    "(Public Administrative Service Centre). Only this role may accept or refuse dossiers.",
    "Vai trò đang được phân công cho bạn:": "Your current role assignments:",
    "Nếu bạn cần tiếp nhận hồ sơ, hãy đề nghị quản trị hệ thống của đơn vị phân công vai trò này.": "If you need "
    "to receive dossiers, ask your unit's system administrator to assign you this role.",
    "Về không gian làm việc": "Back to the workspace",
    "Chỉ công chức tiếp nhận, trả kết quả mới được tiếp nhận hồ sơ.": "Only dossier receipt and result return "
    "officers may receive dossiers.",
    # the steps (partials)
    "Thủ tục đã chọn": "Chosen procedure",
    "công bố tại %(number)s": "published by %(number)s",
    "Cập nhật danh sách giấy tờ và ngày hẹn trả": "Update the documents list and the appointment date",
    "Chưa chọn thủ tục: tìm theo mã hoặc tên rồi chọn trong danh sách kết quả.": "No procedure chosen yet: "
    "search by code or name, then choose one in the results.",
    "Kết quả tìm thủ tục": "Procedure search results",
    "Đơn vị chưa được giao tiếp nhận thủ tục này": "This unit is not assigned to receive this procedure",
    "Không tìm thấy thủ tục nào phù hợp với “%(q)s”. Hãy thử từ khóa khác hoặc mã thủ tục (ví dụ 1.004222).": (
        "No procedure matches “%(q)s”. Try other keywords or the procedure's code (e.g. 1.004222)."
    ),
    "Đánh dấu các giấy tờ người nộp đã xuất trình. Giấy tờ bắt buộc (*) được đánh dấu sẵn: bỏ đánh dấu giấy tờ "
    "còn thiếu.": "Tick the documents the applicant has presented. Required documents (*) are ticked already: "
    "untick those missing.",
    "Đã nộp": "Provided",
    "Bản chính": "Originals",
    "Bản sao": "Copies",
    "Mẫu đơn, tờ khai: %(form)s": "Application form: %(form)s",
    "Danh mục không có thành phần hồ sơ nào cho trường hợp này.": "The catalogue lists no dossier component for "
    "this case.",
    "Chọn trường hợp để xem danh sách thành phần hồ sơ.": "Choose the case to see its dossier components.",
    "Ngày hẹn trả kết quả: <strong>%(day)s</strong> lúc <strong>%(time)s</strong>": "Result due on "
    "<strong>%(day)s</strong> at <strong>%(time)s</strong>",
    "Thủ tục không quy định thời hạn giải quyết cho hình thức nộp này: không có ngày hẹn trả.": "The procedure "
    "sets no time limit for this channel: there is no appointment date.",
    "Tính từ": "Counted from",
    "%(at)s (bây giờ). Khi bấm “Tiếp nhận hồ sơ”, ngày hẹn được tính lại theo đúng thời điểm tiếp nhận.": (
        "%(at)s (now). When you press “Accept the dossier”, the date is computed again from the exact time of "
        "acceptance."
    ),
    "Không có": "None",
    "Chưa tính được ngày hẹn trả:": "The appointment date cannot be computed yet:",
    "Chọn thủ tục và trường hợp để xem ngày hẹn trả kết quả.": "Choose the procedure and the case to see the "
    "appointment date.",
    # the printed forms
    "Số: %(number)s": "No.: %(number)s",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM": "SOCIALIST REPUBLIC OF VIETNAM",
    "Độc lập - Tự do - Hạnh phúc": "Independence - Freedom - Happiness",
    "%(place)s, ngày %(day)s tháng %(month)s năm %(year)s": "%(place)s, %(day)s/%(month)s/%(year)s",
    "Ngày %(day)s tháng %(month)s năm %(year)s": "Date: %(day)s/%(month)s/%(year)s",
    "%(unit)s tiếp nhận hồ sơ của:": "%(unit)s has received the dossier of:",
    "Ông/Bà:": "Mr/Ms:",
    "Tổ chức:": "Organisation:",
    "Ông/Bà (tổ chức):": "Mr/Ms (organisation):",
    "Số định danh cá nhân:": "Personal identification number:",
    "Mã số doanh nghiệp, mã số thuế:": "Enterprise code, tax code:",
    "Ngày sinh:": "Date of birth:",
    "Địa chỉ:": "Address:",
    "Số điện thoại:": "Telephone:",
    "Thư điện tử:": "E-mail:",
    "Nội dung yêu cầu giải quyết:": "Request:",
    "Thủ tục hành chính: %(name)s (mã %(code)s)": "Administrative procedure: %(name)s (code %(code)s)",
    "trường hợp:": "case:",
    "Hình thức nộp: %(channel)s.": "Submitted: %(channel)s.",
    "(Ký và ghi rõ họ tên)": "(Signature and full name)",
    "NGƯỜI NỘP HỒ SƠ": "APPLICANT",
    "NGƯỜI TIẾP NHẬN HỒ SƠ": "RECEIVING OFFICER",
    # Mẫu 01
    "Giấy tiếp nhận hồ sơ %(code)s": "Dossier receipt %(code)s",
    "Đã tiếp nhận hồ sơ <strong>%(code)s</strong>. In 02 bản: 01 bản giao người nộp, 01 bản lưu kèm hồ sơ.": (
        "Dossier <strong>%(code)s</strong> accepted. Print 2 copies: one for the applicant, one kept with the "
        "dossier."
    ),
    "In giấy tiếp nhận": "Print the receipt",
    "Xem hồ sơ": "View the dossier",
    "Tiếp nhận hồ sơ khác": "Receive another dossier",
    "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ": "DOSSIER RECEIPT AND RESULT APPOINTMENT",
    "Mã hồ sơ:": "Dossier code:",
    "Người nộp hồ sơ (được ủy quyền):": "Submitted by (authorised representative):",
    "số định danh": "identification number",
    "điện thoại": "telephone",
    "Thành phần hồ sơ nộp gồm:": "Dossier components submitted:",
    "Số lượng hồ sơ: %(sets)s (bộ)": "Number of dossiers: %(sets)s (sets)",
    "Thời gian giải quyết hồ sơ theo quy định:": "Time limit set by the regulations:",
    "Thời gian nhận hồ sơ:": "Received:",
    "%(hour)s giờ %(minute)s phút, ngày %(day)s": "%(hour)s:%(minute)s on %(day)s",
    "Thời gian trả kết quả giải quyết hồ sơ:": "Result due:",
    "không quy định": "not specified",
    "Đăng ký nhận kết quả tại:": "Result to be returned:",
    "địa chỉ nhận:": "delivery address:",
    "Mẫu số 01 — %(forms)s.": "Form 01 — %(forms)s.",
    "Tra cứu tình trạng hồ sơ bằng mã %(code)s.": "Track the dossier with code %(code)s.",
    "Chưa có giấy tiếp nhận": "No receipt yet",
    "Hồ sơ chưa có giấy tiếp nhận": "This dossier has no receipt yet",
    "Hồ sơ %(code)s chưa được tiếp nhận tại bộ phận một cửa, nên chưa có Giấy tiếp nhận hồ sơ và hẹn trả kết "
    "quả.": "Dossier %(code)s has not been accepted at a one-stop counter yet, so it has no receipt and "
    "appointment slip.",
    # Mẫu 02
    "Phiếu hướng dẫn bổ sung, hoàn thiện hồ sơ": "Guidance for completing the dossier",
    "Phiếu này không tạo hồ sơ và không cấp mã: hồ sơ chưa đầy đủ được trả lại người nộp để hoàn thiện rồi nộp "
    "lại.": "This notice creates no dossier and no code: the incomplete dossier goes back to the applicant, who "
    "completes it and submits it again.",
    "In phiếu hướng dẫn": "Print the guidance",
    "Quay lại hồ sơ đang kiểm tra": "Back to the dossier being checked",
    "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ": "REQUEST TO SUPPLEMENT AND COMPLETE THE DOSSIER",
    "Yêu cầu Ông/Bà hoàn thiện hồ sơ gồm những nội dung như sau:": "You are requested to complete the dossier "
    "as follows:",
    "1. Bổ sung các giấy tờ còn thiếu theo danh mục thành phần hồ sơ đã công bố:": "1. Add the missing documents "
    "from the published list of dossier components:",
    "2. Nội dung khác:": "2. Other points:",
    "Nội dung:": "Content:",
    "Lý do: hồ sơ chưa đầy đủ, hợp lệ theo quy định của thủ tục hành chính.": "Reason: the dossier is not "
    "complete and valid as the administrative procedure requires.",
    "Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, Ông/Bà liên hệ với %(officer)s, %(unit)s, số điện thoại "
    "%(phone)s để được hướng dẫn.": "If you have any difficulty completing the dossier, contact %(officer)s, "
    "%(unit)s, telephone %(phone)s, for guidance.",
    "Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, Ông/Bà liên hệ với %(officer)s, %(unit)s để được hướng "
    "dẫn.": "If you have any difficulty completing the dossier, contact %(officer)s, %(unit)s, for guidance.",
    "NGƯỜI HƯỚNG DẪN": "GUIDING OFFICER",
    "Mẫu số 02 — Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (lập tại bộ phận một cửa, không tạo hồ sơ).": "Form 02 "
    "— Request to supplement and complete the dossier (issued at the one-stop counter; no dossier created).",
    "Phiếu hướng dẫn phải nêu rõ nội dung cần bổ sung, hoàn thiện: bỏ đánh dấu các giấy tờ còn thiếu hoặc ghi nội "
    "dung hướng dẫn.": "The guidance must say what to add or complete: untick the missing documents or write "
    "the guidance.",
    # Mẫu 03
    "Phiếu từ chối tiếp nhận giải quyết hồ sơ": "Notice of refusal to accept the dossier",
    "Đã ghi nhận việc từ chối tiếp nhận (mã tham chiếu %(reference)s). In phiếu giao người nộp.": "The refusal "
    "has been recorded (reference %(reference)s). Print the notice for the applicant.",
    "In phiếu từ chối": "Print the refusal notice",
    "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ": "NOTICE OF REFUSAL TO ACCEPT THE DOSSIER",
    "Qua xem xét, %(unit)s thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:": "Having "
    "examined it, %(unit)s gives notice that it does not accept this dossier, for the following reason:",
    "Xin thông báo cho Ông/Bà được biết và thực hiện./.": "We inform you accordingly./.",
    "Mẫu số 03 — %(forms)s.": "Form 03 — %(forms)s.",
    "Mã tham chiếu %(reference)s, lập lúc %(at)s.": "Reference %(reference)s, issued at %(at)s.",
}

EN_COUNT = {
    "Hồ sơ chưa được lưu: có %(n)s lỗi cần sửa": (
        "Nothing was saved: %(n)s error to correct",
        "Nothing was saved: %(n)s errors to correct",
    ),
    "%(n)s thủ tục phù hợp. Dùng phím mũi tên lên, xuống để di chuyển và Enter để chọn.": (
        "%(n)s matching procedure. Use the up and down arrow keys to move and Enter to choose.",
        "%(n)s matching procedures. Use the up and down arrow keys to move and Enter to choose.",
    ),
}
