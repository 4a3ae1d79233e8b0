"""English of the files app: uploads and their refusals, digitisation of components, the applicant's data store,
electronic results and their links, the digitisation screens and the files panel of the dossier page (see
scripts/fill_en_po.py). “Số hóa” is “digitise”; “kho dữ liệu (của chủ hồ sơ)” the applicant's “data store”;
“kết quả điện tử” an “electronic result”, “mã kết quả” its “result code”."""

EN = {
    # app, models, choices
    "Tệp và số hóa hồ sơ": "Files and digitisation",
    "trạng thái số hóa": "digitisation state",
    "tệp": "file",
    "tái sử dụng từ thành phần": "reused from component",
    "tái sử dụng từ kết quả": "reused from result",
    "thời điểm số hóa": "digitised at",
    "người số hóa": "digitised by",
    "tệp kết quả điện tử": "electronic result file",
    "Chưa số hóa": "Not digitised",
    "Được số hóa": "Digitised",
    "Tái sử dụng từ thành phần hồ sơ": "Reused from a dossier component",
    "Tái sử dụng từ kết quả": "Reused from a result",
    "tên lưu trữ": "storage name",
    "tên tệp": "file name",
    "loại tệp": "file kind",
    "kiểu nội dung": "content type",
    "dung lượng (byte)": "size (bytes)",
    "mã băm SHA-256": "SHA-256 hash",
    "người tải lên": "uploaded by",
    "thời điểm tải lên": "uploaded at",
    "thuộc kho dữ liệu của": "in the data store of",
    "tệp lưu trữ": "stored file",
    # permissions
    "Số hóa thành phần hồ sơ và tái sử dụng giấy tờ trong kho dữ liệu của chủ hồ sơ": (
        "Digitise dossier components and reuse documents from the applicant's data store"
    ),
    "Đính kèm kết quả điện tử đã ký số": "Attach the digitally signed electronic result",
    # upload checks
    "Chưa chọn tệp để tải lên.": "No file was chosen to upload.",
    "Tên tệp “%(name)s” chứa đường dẫn (dấu gạch chéo) hoặc ký tự không hợp lệ (ký tự điều khiển, xuống dòng); "
    "hãy đổi tên tệp rồi tải lên lại.": (
        "The file name “%(name)s” contains a path (a slash) or invalid characters (control characters, line "
        "breaks); rename the file and upload it again."
    ),
    "Tên tệp “%(name)s” không hợp lệ; hãy đổi tên tệp rồi tải lên lại.": (
        "The file name “%(name)s” is not valid; rename the file and upload it again."
    ),
    "Tệp “%(name)s” rỗng (0 byte); hãy chọn đúng tệp.": "The file “%(name)s” is empty (0 bytes); choose the right file.",
    "Tệp “%(name)s” có nội dung là %(kind)s nhưng phần mở rộng %(ext)s không khớp; hãy đặt phần mở rộng "
    "%(expected)s rồi tải lên lại.": (
        "The file “%(name)s” contains %(kind)s but its extension %(ext)s does not match; give it the extension "
        "%(expected)s and upload it again."
    ),
    "(không có)": "(none)",
    "Tệp “%(name)s” lớn hơn dung lượng cho phép (tối đa %(max)s MB).": (
        "The file “%(name)s” is larger than allowed (at most %(max)s MB)."
    ),
    "Tệp “%(name)s” không phải là %(kinds)s: hệ thống kiểm tra nội dung tệp, không dựa vào tên hay phần mở rộng.": (
        "The file “%(name)s” is not %(kinds)s: the system checks the content of the file, not its name or "
        "extension."
    ),
    "Tệp “%(name)s” là tệp nén bất thường (quá nhiều thành phần hoặc dung lượng khi giải nén quá lớn) nên bị từ "
    "chối.": (
        "The file “%(name)s” is an abnormal archive (too many entries or too large once uncompressed) and is "
        "refused."
    ),
    "Tệp “%(name)s” không phải tệp DOCX hoặc XLSX hợp lệ (tệp hỏng, có mật khẩu hoặc chứa macro).": (
        "The file “%(name)s” is not a valid DOCX or XLSX file (damaged, password-protected or containing macros)."
    ),
    "Tệp “%(name)s” là %(kind)s; ở đây chỉ nhận tệp %(allowed)s.": (
        "The file “%(name)s” is %(kind)s; only %(allowed)s files are accepted here."
    ),
    "đã chọn": "chosen",
    "Không đọc được tệp gửi lên; hãy chọn lại tệp và gửi lại.": (
        "The uploaded file could not be read; choose the file again and resend it."
    ),
    "Tên tệp không hợp lệ; hãy đổi tên tệp rồi tải lên lại.": (
        "The file name is not valid; rename the file and upload it again."
    ),
    # digitisation and the data store
    "Chỉ cán bộ số hóa hoặc công chức tiếp nhận của %(agency)s (đơn vị tiếp nhận hồ sơ) mới được số hóa thành phần "
    "của hồ sơ này.": (
        "Only the digitisation officers or counter officers of %(agency)s (the unit that received the dossier) may "
        "digitise the components of this dossier."
    ),
    "Hồ sơ %(code)s đang ở trạng thái “%(state)s”: chỉ số hóa thành phần của hồ sơ đang được tiếp nhận hoặc giải "
    "quyết.": (
        "Dossier %(code)s has the status “%(state)s”: only the components of a dossier being received or processed "
        "are digitised."
    ),
    "Hồ sơ %(code)s không còn tồn tại.": "Dossier %(code)s no longer exists.",
    "Chỉ được tái sử dụng giấy tờ trong kho dữ liệu của chính chủ hồ sơ (%(name)s); giấy tờ đã chọn thuộc hồ sơ của "
    "người khác.": (
        "Only documents from the applicant's own data store (%(name)s) may be reused; the chosen document belongs "
        "to someone else's dossier."
    ),
    "Chỉ được tái sử dụng giấy tờ của một hồ sơ khác của chủ hồ sơ.": (
        "Only documents of another dossier of the applicant may be reused."
    ),
    "Thành phần “%(name)s” của hồ sơ %(code)s chưa được số hóa nên không thể tái sử dụng.": (
        "The component “%(name)s” of dossier %(code)s has not been digitised, so it cannot be reused."
    ),
    "Kết quả %(number)s của hồ sơ %(code)s chưa có bản điện tử nên không thể tái sử dụng.": (
        "The result %(number)s of dossier %(code)s has no electronic copy, so it cannot be reused."
    ),
    # electronic results
    "Chỉ cán bộ xử lý, văn thư hoặc lãnh đạo của %(agency)s mới được đính kèm kết quả điện tử của hồ sơ này.": (
        "Only the processing staff, clerks or leaders of %(agency)s may attach the electronic result of this "
        "dossier."
    ),
    "Hồ sơ %(code)s chưa có kết quả giải quyết: chỉ đính kèm kết quả điện tử sau khi hồ sơ đã xử lý xong.": (
        "Dossier %(code)s has no result yet: the electronic result is attached once the dossier is processed."
    ),
    "Kết quả của hồ sơ %(code)s đã được trả cho công dân; không thay tệp kết quả điện tử đã trả.": (
        "The result of dossier %(code)s has been returned to the citizen; a returned electronic result is not "
        "replaced."
    ),
    "Kết quả này đã có mã kết quả %(code)s; không đổi mã khi đính kèm tệp.": (
        "This result already has the result code %(code)s; the code is not changed when a file is attached."
    ),
    "Kết quả điện tử phải có mã kết quả.": "An electronic result must have a result code.",
    "Mã kết quả chỉ gồm chữ, số và các dấu . - _ /, tối đa 32 ký tự.": (
        "A result code has only letters, digits and . - _ /, at most 32 characters."
    ),
    "Liên kết tải kết quả không hợp lệ.": "The result download link is not valid.",
    "Liên kết tải kết quả đã hết hạn (sau %(days)s ngày). Hãy mở lại hồ sơ trên Cổng dịch vụ công hoặc liên hệ bộ "
    "phận một cửa để nhận liên kết mới.": (
        "The result download link has expired (after %(days)s days). Open the dossier again on the public service "
        "portal or contact the one-stop counter for a new link."
    ),
    # attach screen
    "Kết quả điện tử — hồ sơ %(code)s": "Electronic result — dossier %(code)s",
    "Kết quả điện tử": "Electronic result",
    "Đính kèm kết quả điện tử": "Attach the electronic result",
    "Tệp kết quả điện tử": "Electronic result file",
    "Thay tệp kết quả đã ký số (PDF)": "Replace the signed result file (PDF)",
    "Tệp kết quả đã ký số (PDF)": "Signed result file (PDF)",
    "Văn bản kết quả đã được cơ quan ký số; tệp PDF, tối đa %(max_mb)s MB.": (
        "The result document digitally signed by the agency; a PDF file, at most %(max_mb)s MB."
    ),
    "Mã của kết quả điện tử (mã giấy tờ kết quả), dùng để tái sử dụng và tra cứu.": (
        "The code of the electronic result (result document code), used for reuse and look-up."
    ),
    "Về trang hồ sơ": "Back to the dossier",
    "Đã đính kèm kết quả điện tử “%(file)s” (mã kết quả %(result)s).": (
        "The electronic result “%(file)s” is attached (result code %(result)s)."
    ),
    # digitisation screens
    "Số hóa hồ sơ %(code)s": "Digitisation of dossier %(code)s",
    "Số hóa hồ sơ": "Digitisation",
    "Đã số hóa %(done)s/%(total)s thành phần": "%(done)s/%(total)s components digitised",
    "Đã số hóa %(done)s/%(total)s thành phần.": "%(done)s/%(total)s components digitised.",
    "Xem trang hồ sơ": "Open the dossier page",
    "Hồ sơ đang ở trạng thái “%(state)s”: chỉ số hóa thành phần của hồ sơ đang được tiếp nhận hoặc giải quyết.": (
        "The dossier has the status “%(state)s”: only the components of a dossier being received or processed are "
        "digitised."
    ),
    "Hồ sơ không có thành phần nào.": "The dossier has no components.",
    "Kho dữ liệu của chủ hồ sơ": "The applicant's data store",
    "Giấy tờ đã số hóa và kết quả điện tử của các hồ sơ khác của chủ hồ sơ": (
        "Digitised documents and electronic results of the applicant's other dossiers"
    ),
    "Giấy tờ": "Document",
    "Ngày": "Date",
    "Tệp": "File",
    "Chỉ tải được tệp của hồ sơ thuộc các đơn vị bạn được xem; sau khi tái sử dụng, tệp thuộc cả hồ sơ này.": (
        "You can download only files of dossiers of the units you may see; once reused, a file belongs to this "
        "dossier too."
    ),
    "Chủ hồ sơ chưa có giấy tờ đã số hóa hay kết quả điện tử nào từ các hồ sơ trước.": (
        "The applicant has no digitised document or electronic result from earlier dossiers yet."
    ),
    "Không tìm thấy": "Not found",
    "từ hồ sơ %(source)s": "from dossier %(source)s",
    "Thay bản quét": "Replace the scan",
    "Bản quét": "Scan",
    "%(kinds)s; tối đa %(max_mb)s MB. Loại tệp được kiểm tra theo nội dung.": (
        "%(kinds)s; at most %(max_mb)s MB. The kind of file is checked from its content."
    ),
    "Đính kèm bản quét": "Attach the scan",
    "Tái sử dụng từ kho dữ liệu của chủ hồ sơ": "Reuse from the applicant's data store",
    "— Chọn giấy tờ —": "— Choose a document —",
    "Tái sử dụng": "Reuse",
    "%(waiting)s / %(total)s thành phần": "%(waiting)s / %(total)s components",
    "Hồ sơ đang giải quyết do đơn vị tiếp nhận còn thành phần đã nộp nhưng chưa số hóa, theo thứ tự hạn xử lý. "
    "Chọn một hồ sơ để quét, đính kèm hoặc tái sử dụng giấy tờ từ kho dữ liệu của chủ hồ sơ.": (
        "Open dossiers received by the unit with submitted components not yet digitised, in deadline order. Choose "
        "a dossier to scan, attach or reuse documents from the applicant's data store."
    ),
    "Hồ sơ chờ số hóa": "Dossiers waiting for digitisation",
    "Không còn hồ sơ nào chờ số hóa.": "No dossier is waiting for digitisation.",
    "Tải kết quả điện tử": "Download the electronic result",
    "Không tải được kết quả": "The result could not be downloaded",
    "Tệp “%(name)s” không còn trong kho lưu trữ; hãy báo quản trị hệ thống.": (
        "The file “%(name)s” is no longer in the storage; inform the system administrator."
    ),
    "Màn hình số hóa dành cho cán bộ số hóa và công chức tiếp nhận của bộ phận một cửa.": (
        "The digitisation screen is for digitisation officers and counter officers of the one-stop counter."
    ),
    "Thành phần hồ sơ đã số hóa": "Digitised dossier components",
    "%(name)s — hồ sơ %(code)s, số hóa %(day)s (%(file)s)": "%(name)s — dossier %(code)s, digitised %(day)s (%(file)s)",
    "%(number)s: %(summary)s — hồ sơ %(code)s, mã kết quả %(result)s": (
        "%(number)s: %(summary)s — dossier %(code)s, result code %(result)s"
    ),
    "Hồ sơ %(code)s không có thành phần này.": "Dossier %(code)s has no such component.",
    "Đã đính kèm bản quét “%(file)s”: thành phần được số hóa.": "The scan “%(file)s” is attached: the component is digitised.",
    "Hãy chọn một giấy tờ trong kho dữ liệu của chủ hồ sơ để tái sử dụng.": (
        "Choose a document from the applicant's data store to reuse."
    ),
    "Đã tái sử dụng thành phần “%(name)s” của hồ sơ %(code)s.": "The component “%(name)s” of dossier %(code)s is reused.",
    "Đã tái sử dụng kết quả %(number)s của hồ sơ %(code)s.": "The result %(number)s of dossier %(code)s is reused.",
    # downloads
    "Không tìm thấy tệp, hoặc tệp không thuộc hồ sơ nào của các đơn vị bạn được xem.": (
        "The file was not found, or it belongs to no dossier of the units you may see."
    ),
    "Tệp kết quả không còn trong kho lưu trữ; hãy liên hệ bộ phận một cửa.": (
        "The result file is no longer in the storage; contact the one-stop counter."
    ),
    # the files panel of the dossier page
    "Số hóa và tệp": "Digitisation and files",
    "Số hóa thành phần hồ sơ": "Digitise the components",
    "Chưa có tệp kết quả điện tử.": "No electronic result file yet.",
    "Thay tệp kết quả điện tử": "Replace the electronic result file",
}

EN_COUNT = {
    "Liên kết tải kết quả cho công dân (hiệu lực %(days)s ngày)": (
        "The citizen's download link for the result (valid for %(days)s day)",
        "The citizen's download link for the result (valid for %(days)s days)",
    ),
}

# The model name has the same Vietnamese singular and plural (verbose_name_plural = pgettext_lazy("plural", …)):
EN_PLURAL = {"tệp lưu trữ": "stored files"}  # verbose_name_plural (msgctxt "plural")
