"""English of feedback and petitions (phản ánh, kiến nghị, PAKN) — see scripts/fill_en_po.py. “Phản ánh, kiến
nghị” is “feedback”; “khiếu nại” a “complaint”, “tố cáo” a “denunciation”; “công khai” is “publish”; “mã kiểm
tra” the “check value”."""

EN = {
    # public pages
    "Phản ánh, kiến nghị đã trả lời": "Answered feedback",
    "Gửi phản ánh, kiến nghị": "Send feedback",
    "Tra cứu phản ánh đã gửi": "Track feedback you sent",
    "Mã phản ánh": "Feedback code",
    "Đơn vị xử lý": "Handling unit",
    "Đề nghị bổ sung": "Request for more information",
    "Lý do từ chối": "Reason for refusal",
    "Đã chuyển đơn vị khác": "Transferred to another unit",
    "Gửi bổ sung": "Send a supplement",
    "Trả lời": "Answer",
    "Ý kiến của bạn": "Your opinion",
    "Gửi ý kiến": "Send your opinion",
    "Phản ánh, kiến nghị về quy định hành chính, thủ tục hành chính và hành vi của cán bộ, công chức khi giải quyết "
    "thủ tục (Nghị định 20/2008/NĐ-CP). Thông tin cá nhân của bạn không được công khai.": (
        "Feedback and petitions on administrative regulations, administrative procedures and the conduct of officers "
        "handling them (Decree 20/2008/NĐ-CP). Your personal data is never published."
    ),
    "Nội dung có thể là khiếu nại hoặc tố cáo": "This may be a complaint or a denunciation",
    "Khiếu nại, tố cáo được giải quyết theo Luật Khiếu nại 2011 và Luật Tố cáo 2018, không theo thủ tục phản ánh, "
    "kiến nghị. Hãy chọn đúng loại đơn, hoặc đánh dấu xác nhận bên dưới nếu đây là phản ánh, kiến nghị. Tệp đính "
    "kèm cần chọn lại.": (
        "Complaints and denunciations are handled under the 2011 Law on Complaints and the 2018 Law on "
        "Denunciations, not as feedback. Choose the right type, or tick the confirmation below if this is feedback. "
        "Choose the attachments again."
    ),
    "Chưa gửi được: hãy sửa các mục được đánh dấu. Không có gì được lưu.": (
        "Not sent: correct the marked fields. Nothing was saved."
    ),
    "Liên quan đến thủ tục, hồ sơ, cán bộ (không bắt buộc)": "Related procedure, dossier, officer (optional)",
    "Thông tin người gửi": "About the sender",
    "Gửi": "Send",
    "Tra cứu phản ánh, kiến nghị": "Track feedback",
    "Bạn đã nhập sai quá nhiều lần; vui lòng thử lại sau 15 phút.": "Too many wrong attempts; try again in 15 minutes.",
    "Không tìm thấy phản ánh với mã và mã kiểm tra đã nhập.": "No feedback was found with the code and check value entered.",
    "Phản ánh đã gửi từ tài khoản của tôi": "Feedback sent from my account",
    "Phản ánh, kiến nghị của tôi": "My feedback",
    "Bạn chưa gửi phản ánh, kiến nghị nào.": "You have not sent any feedback.",
    "Đã gửi": "Sent",
    "Đơn của bạn không được xử lý như phản ánh, kiến nghị": "Your letter is not handled as feedback",
    "Mã ghi nhận": "Record code",
    "Đã gửi phản ánh, kiến nghị": "Feedback sent",
    "%(unit)s đã tiếp nhận. Hạn trả lời: %(due)s (15 ngày làm việc, trừ khi chuyển đơn vị khác hoặc cần bổ sung).": (
        "Received by %(unit)s. Answer due: %(due)s (15 working days, unless it is transferred or more information "
        "is needed)."
    ),
    "Hãy ghi lại mã này. Tra cứu và cho ý kiến về câu trả lời bằng mã và 4 chữ số cuối số điện thoại.": (
        "Keep this code. Track the feedback and give your opinion of the answer with the code and the last 4 digits "
        "of your phone."
    ),
    "Xem phản ánh của tôi": "See my feedback",
    "Đơn vị trả lời": "Answering unit",
    "Phân loại": "Classification",
    "Ngày công khai": "Published on",
    "Nội dung phản ánh, kiến nghị": "Feedback",
    "Ý kiến của người gửi": "The sender's opinion",
    "công khai ngày": "published on",
    "Không có phản ánh, kiến nghị nào phù hợp.": "No feedback matches.",
    "Trang": "Pages",
    # officers
    "Ghi nhận phản ánh (đường dây nóng, thư, văn bản)": "Record feedback (hotline, e-mail, letter)",
    "Thống kê": "Statistics",
    "Đang mở": "Open",
    "Phản ánh theo hạn": "Feedback by deadline",
    "Tiêu đề": "Title",
    "quá hạn": "overdue",
    "Không có phản ánh nào.": "No feedback.",
    "Thống kê phản ánh, kiến nghị": "Feedback statistics",
    "Phản ánh tiếp nhận từ %(a)s đến %(b)s": "Feedback received from %(a)s to %(b)s",
    "Quy định": "Regulation",
    "Hành vi": "Conduct",
    "Từ chối": "Refused",
    "Đã trả lời": "Answered",
    "Đang xử lý trong hạn": "Open, within time",
    "Đang xử lý quá hạn": "Open, overdue",
    "Đã công khai": "Published",
    "Đồng ý": "Agree",
    "Không đồng ý": "Disagree",
    "Tỷ lệ hài lòng": "Satisfied share",
    "Khiếu nại, tố cáo chuyển hướng": "Complaints and denunciations redirected",
    "Không có phản ánh nào trong kỳ.": "No feedback in the period.",
    "Tổng": "Total",
    "Người gửi": "Sender",
    "Cán bộ liên quan": "Officer concerned",
    "Phản ánh trước đó": "Earlier feedback",
    "Hạn trả lời": "Answer due",
    "Ý kiến người gửi": "Sender's opinion",
    "Bổ sung": "Supplement",
    "Tệp đính kèm": "Attachments",
    "Đơn vị nhận": "Receiving unit",
    "Nội dung cần bổ sung": "Information needed",
    "Nội dung bổ sung": "Additional information",
    "Nội dung trả lời": "Answer",
    "Tiêu đề công khai": "Published title",
    "Nội dung công khai (bỏ họ tên, địa chỉ, số điện thoại, số giấy tờ)": (
        "Published text (without names, addresses, phone or document numbers)"
    ),
    "Quá trình xử lý": "History",
    "Thời điểm": "Time",
    "Người thực hiện": "By",
    "Ghi nhận phản ánh, kiến nghị": "Record feedback",
    "Chưa ghi nhận: hãy sửa các mục được đánh dấu. Không có gì được lưu.": (
        "Not recorded: correct the marked fields. Nothing was saved."
    ),
    "Ghi nhận": "Record",
    # statuses, kinds, channels, classifications
    "Mới tiếp nhận": "Received",
    "Chờ bổ sung": "Waiting for information",
    "Đã bổ sung": "Information added",
    "Chờ phê duyệt": "Waiting for approval",
    "Chờ công khai": "Waiting for publication",
    "Chuyển hướng (khiếu nại, tố cáo)": "Redirected (complaint, denunciation)",
    "Khiếu nại": "Complaint",
    "Tố cáo": "Denunciation",
    "Đường dây nóng": "Hotline",
    "Văn bản, thư gửi qua bưu chính": "Letter, by post",
    "Chuyển từ Cổng DVCQG": "Forwarded by the National Public Service Portal",
    "Quy định hành chính, TTHC": "Administrative regulation, procedure",
    "Hành vi của cán bộ, công chức": "Officers' conduct",
    "Cá nhân": "Individual",
    "Tổ chức, doanh nghiệp": "Organisation, business",
    "Đồng ý với câu trả lời": "I agree with the answer",
    # the transition table
    "Tiếp nhận phản ánh, kiến nghị": "Receive feedback",
    "Yêu cầu bổ sung thông tin": "Request more information",
    "Bổ sung thông tin": "Add information",
    "Chuyển đơn vị khác": "Transfer to another unit",
    "Tiếp nhận xử lý": "Start processing",
    "Dự thảo trả lời": "Draft the answer",
    "Trả lại dự thảo": "Return the draft",
    "Phê duyệt trả lời": "Approve the answer",
    "Công khai trả lời": "Publish the answer",
    "Đánh giá câu trả lời": "Rate the answer",
    "Xử lý lại (người gửi không đồng ý)": "Reopen (the sender disagrees)",
    # API, permissions, e-mail
    "Không có phản ánh “%(code)s” tại các đơn vị bạn được xem.": "No feedback “%(code)s” in the units you may see.",
    "Phản ánh có mã DVCQG này đã được tiếp nhận.": "Feedback with this national code was already received.",
    "Chỉ cán bộ xử lý phản ánh, kiến nghị của %(agency)s tiếp nhận phản ánh gửi đến đơn vị này.": (
        "Only feedback officers of %(agency)s receive feedback sent to this unit."
    ),
    "Không có thao tác “%(action)s”.": "There is no action “%(action)s”.",
    "Xem phản ánh, kiến nghị của đơn vị": "See the unit's feedback",
    "Xem thống kê phản ánh, kiến nghị": "See feedback statistics",
    "Phản ánh, kiến nghị %(code)s: %(status)s": "Feedback %(code)s: %(status)s",
    "Phản ánh, kiến nghị %(code)s của bạn đã được cập nhật: %(status)s.\nTra cứu và cho ý kiến tại %(url)s (nhập mã "
    "và 4 số cuối điện thoại).": (
        "Your feedback %(code)s was updated: %(status)s.\nTrack it and give your opinion at %(url)s (enter the code "
        "and the last 4 digits of your phone)."
    ),
    # the form
    "Loại đơn": "Type",
    "Khiếu nại, tố cáo được giải quyết theo Luật Khiếu nại, Luật Tố cáo, không theo thủ tục phản ánh, kiến nghị; hệ "
    "thống sẽ hướng dẫn nơi gửi.": (
        "Complaints and denunciations follow the Law on Complaints and the Law on Denunciations, not the feedback "
        "procedure; you will be told where to send them."
    ),
    "Cơ quan nhận phản ánh": "Unit receiving the feedback",
    "Nêu rõ sự việc, thời gian, địa điểm, cơ quan hoặc cán bộ liên quan và đề xuất của bạn.": (
        "Say what happened, when and where, which unit or officer, and what you propose."
    ),
    "Mã thủ tục liên quan (nếu có)": "Related procedure code (if any)",
    "Mã hồ sơ liên quan (nếu có)": "Related dossier code (if any)",
    "Cán bộ liên quan (nếu có)": "Officer concerned (if any)",
    "Người gửi là": "The sender is",
    "4 chữ số cuối dùng để tra cứu phản ánh; không công khai.": "Its last 4 digits are used to track the feedback; never published.",
    "Thư điện tử (nếu có)": "E-mail (if any)",
    "Tệp đính kèm (PDF, ảnh JPEG/PNG, DOCX, XLSX; tối đa 5 tệp)": "Attachments (PDF, JPEG/PNG images, DOCX, XLSX; up to 5 files)",
    "Tôi xác nhận đây là phản ánh, kiến nghị về quy định hành chính, không phải khiếu nại, tố cáo.": (
        "I confirm this is feedback on administrative regulations, not a complaint or a denunciation."
    ),
    "Kênh tiếp nhận": "Channel",
    "4 chữ số cuối của số điện thoại đã khai khi gửi phản ánh.": "The last 4 digits of the phone given with the feedback.",
    "Ý kiến của bạn về câu trả lời": "Your opinion of the answer",
    "Thông tin bổ sung": "Additional information",
    "Từ khóa": "Keywords",
    # validation
    "tiêu đề": "a title",
    "nội dung phản ánh, kiến nghị": "the feedback",
    "họ tên hoặc tên tổ chức": "a name or an organisation's name",
    "Hãy nhập %(label)s.": "Enter %(label)s.",
    "%(label)s dài quá %(limit)s ký tự.": "%(label)s is longer than %(limit)s characters.",
    "Nội dung quá ngắn: hãy nêu rõ sự việc, thời gian, địa điểm (ít nhất 20 ký tự).": (
        "Too short: say what happened, when and where (at least 20 characters)."
    ),
    "Hãy nhập số điện thoại để cơ quan liên hệ khi cần.": "Enter a phone number so that the unit can contact you.",
    "Số điện thoại không hợp lệ (9–15 chữ số).": "Invalid phone number (9–15 digits).",
    "Địa chỉ thư điện tử không hợp lệ.": "Invalid e-mail address.",
    "Hãy chọn cá nhân hoặc tổ chức.": "Choose individual or organisation.",
    "Kênh tiếp nhận không hợp lệ.": "Invalid channel.",
    "Hãy chọn loại đơn.": "Choose the type.",
    "Hãy chọn cơ quan nhận phản ánh.": "Choose the unit receiving the feedback.",
    "Mã hồ sơ không hợp lệ.": "Invalid dossier code.",
    "Tên cán bộ dài quá 200 ký tự.": "The officer's name is longer than 200 characters.",
    "Không có phản ánh mã “%(code)s”.": "There is no feedback “%(code)s”.",
    "Tối đa %(n)s tệp đính kèm.": "At most %(n)s attachments.",
    "Tố cáo là việc báo cho cơ quan, tổ chức, cá nhân có thẩm quyền biết về hành vi vi phạm pháp luật của cơ quan, tổ "
    "chức, cá nhân. Tố cáo được giải quyết theo Luật Tố cáo năm 2018, không theo thủ tục phản ánh, kiến nghị (Nghị "
    "định 20/2008/NĐ-CP). Vui lòng gửi đơn tố cáo (ghi rõ họ tên, địa chỉ, nội dung, ký tên) đến người đứng đầu cơ "
    "quan, tổ chức quản lý người bị tố cáo, hoặc đến Ban Tiếp công dân tỉnh, Thanh tra tỉnh. Đơn này không được xử "
    "lý như phản ánh, kiến nghị.": (
        "A denunciation reports a breach of the law by an agency, organisation or person to the competent authority. "
        "It is handled under the 2018 Law on Denunciations, not as feedback (Decree 20/2008/NĐ-CP). Please send a "
        "signed denunciation (with your name, address and the facts) to the head of the agency or organisation that "
        "manages the person denounced, or to the provincial Citizen Reception Board or the provincial Inspectorate. "
        "This letter is not handled as feedback."
    ),
    "Khiếu nại là việc đề nghị xem xét lại quyết định hành chính, hành vi hành chính khi cho rằng quyết định, hành vi "
    "đó trái pháp luật, xâm phạm quyền, lợi ích hợp pháp của mình. Khiếu nại được giải quyết theo Luật Khiếu nại năm "
    "2011, không theo thủ tục phản ánh, kiến nghị (Nghị định 20/2008/NĐ-CP). Vui lòng gửi đơn khiếu nại lần đầu đến "
    "người đã ra quyết định hoặc thủ trưởng cơ quan có người thực hiện hành vi bị khiếu nại, trong thời hiệu 90 ngày "
    "kể từ ngày nhận được quyết định hoặc biết được hành vi; có thể liên hệ Ban Tiếp công dân tỉnh để được hướng "
    "dẫn. Đơn này không được xử lý như phản ánh, kiến nghị.": (
        "A complaint asks for an administrative decision or act to be reviewed when you believe it is unlawful and "
        "harms your rights or legitimate interests. It is handled under the 2011 Law on Complaints, not as feedback "
        "(Decree 20/2008/NĐ-CP). Please send a first complaint to the person who took the decision or to the head "
        "of the agency whose officer acted, within 90 days of receiving the decision or learning of the act; the "
        "provincial Citizen Reception Board can guide you. This letter is not handled as feedback."
    ),
    # the transition service
    "phân loại": "the classification",
    "nội dung cần bổ sung": "the information needed",
    "nội dung bổ sung": "the additional information",
    "đơn vị nhận": "the receiving unit",
    "nội dung trả lời": "the answer",
    "nội dung công khai": "the published text",
    "tiêu đề công khai": "the published title",
    "ý kiến": "opinion",
    "Không có thao tác “%(action)s” đối với phản ánh.": "There is no action “%(action)s” on feedback.",
    "Phản ánh %(code)s đã được cập nhật sau khi bạn mở trang; hãy tải lại trang trước khi thao tác.": (
        "Feedback %(code)s was updated after you opened the page; reload the page before acting."
    ),
    "%(rule)s “%(label)s”: chỉ áp dụng khi phản ánh ở trạng thái %(allowed)s; hiện là “%(state)s”.": (
        "%(rule)s “%(label)s”: only for feedback in status %(allowed)s; it is “%(state)s”."
    ),
    "chưa có": "none",
    "%(rule)s “%(label)s”: bạn không có vai trò phù hợp tại %(agency)s.": (
        "%(rule)s “%(label)s”: you do not hold a suitable role in %(agency)s."
    ),
    "Không có phản ánh “%(code)s”.": "There is no feedback “%(code)s”.",
    "%(input)s dài quá %(limit)s ký tự.": "%(input)s is longer than %(limit)s characters.",
    "Phân loại không hợp lệ.": "Invalid classification.",
    "P4: đã yêu cầu bổ sung một lần; chỉ yêu cầu bổ sung một lần.": (
        "P4: more information was already requested once; it may be requested only once."
    ),
    "Không có đơn vị nhận này.": "There is no such receiving unit.",
    "Phản ánh đang ở đơn vị này; hãy chọn đơn vị khác.": "The feedback is already at this unit; choose another one.",
    "P7 “Tiếp nhận xử lý”: hãy phân loại phản ánh trước.": "P7 “Start processing”: classify the feedback first.",
    "Bạn đã cho ý kiến về câu trả lời này.": "You already gave your opinion of this answer.",
    "Ý kiến không hợp lệ.": "Invalid opinion.",
    "P13: chỉ xử lý lại khi người gửi không đồng ý với câu trả lời.": (
        "P13: reopen only when the sender disagrees with the answer."
    ),
    # views
    "Tệp đính kèm quá lớn; không có gì được lưu. Hãy gửi lại với tệp nhỏ hơn.": (
        "The attachment is too large; nothing was saved. Send it again with a smaller file."
    ),
    "Tệp “%(name)s” quá lớn; không có gì được lưu.": "The file “%(name)s” is too large; nothing was saved.",
    "Không có phản ánh, kiến nghị đã công khai với mã này.": "No published feedback has this code.",
    "Không tìm thấy phản ánh; hãy tra cứu bằng mã và mã kiểm tra.": "Feedback not found; track it with its code and check value.",
    "Không có phản ánh này tại các đơn vị bạn được xem.": "This feedback is not in the units you may see.",
    "Đã thực hiện: %(action)s.": "Done: %(action)s.",
    "Tệp đính kèm quá lớn; không có gì được lưu.": "The attachment is too large; nothing was saved.",
    "Chỉ cán bộ xử lý phản ánh, kiến nghị ghi nhận phản ánh.": "Only feedback officers record feedback.",
    "Đã ghi nhận %(code)s.": "Recorded %(code)s.",
    "Bạn không có quyền xem thống kê phản ánh, kiến nghị.": "You may not see feedback statistics.",
    # models
    "nhật ký xử lý phản ánh": "feedback history entry",
    "mã PAKN": "feedback code",
    "loại đơn": "type",
    "kênh tiếp nhận": "channel",
    "người gửi là": "sender type",
    "họ tên, tên tổ chức": "name",
    "tài khoản gửi": "sender's account",
    "thông tin bổ sung": "additional information",
    "cơ quan bị phản ánh": "agency concerned",
    "cán bộ bị phản ánh": "officer concerned",
    "mã hồ sơ liên quan": "related dossier code",
    "phản ánh trước đó (trùng lặp)": "earlier feedback (repeat)",
    "mã trên Cổng DVCQG": "national portal code",
    "đơn vị xử lý": "handling unit",
    "tính hạn từ": "deadline counted from",
    "hạn trả lời": "answer due",
    "hạn công khai": "publication due",
    "thời điểm xử lý xong (duyệt trả lời hoặc từ chối)": "handled at (answer approved or refused)",
    "xử lý đúng hạn": "handled on time",
    "thời điểm công khai": "published at",
    "công khai đúng hạn": "published on time",
    "nội dung công khai (không có thông tin cá nhân)": "published text (no personal data)",
    "đang công khai": "public",
    "ý kiến người gửi": "sender's opinion",
    "hướng dẫn chuyển hướng": "redirection guidance",
    "phản ánh, kiến nghị": "feedback",
    "tệp đính kèm": "attachment",
}

EN_PLURAL = {
    "nhật ký xử lý phản ánh": "feedback history",
    "phản ánh, kiến nghị": "feedback",
    "tệp đính kèm": "attachments",
}

EN_COUNT = {
    "%(n)s phản ánh, kiến nghị": ("%(n)s feedback item", "%(n)s feedback items"),
}
