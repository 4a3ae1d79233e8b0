"""The messages shipped with the app: version 1 of every event × channel, loaded by the migration
``0002_default_templates`` (and on first use if a database lost them). A province edits them in the admin: each
change is a new version (``services.templates.new_version``).

E-mail: a subject and a plain-text body. SMS: one short text (Vietnamese with its diacritics: 70 characters a part
in UCS-2, so kept within two or three parts). Zalo ZNS: the id of the template registered with Zalo, and one
``tham_so=giá trị`` line per parameter it declares.
"""

from __future__ import annotations

SIGNATURE = "\n\nThư này được gửi tự động từ hệ thống một cửa điện tử; vui lòng không trả lời thư."

DEFAULTS: dict[tuple[str, str], dict[str, str]] = {
    # --- received ---
    ("received", "email"): {
        "subject": "Hồ sơ {ma_ho_so} đã được tiếp nhận",
        "body": "Kính gửi Quý ông/bà,\n\n"
        "{co_quan} đã tiếp nhận hồ sơ “{ten_thu_tuc}” ngày {ngay_tiep_nhan}.\n"
        "Mã hồ sơ: {ma_ho_so}\n"
        "Ngày hẹn trả kết quả: {ngay_hen_tra}\n\n"
        "Quý ông/bà theo dõi tình trạng hồ sơ tại {link_tra_cuu}" + SIGNATURE,
    },
    ("received", "sms"): {
        "body": "Hồ sơ {ma_ho_so} đã được tiếp nhận. Hẹn trả {ngay_hen_tra}. Tra cứu: {link_tra_cuu}",
    },
    ("received", "zalo"): {
        "zalo_template_id": "motcua_tiep_nhan",
        "body": "ma_ho_so={ma_ho_so}\nthu_tuc={ten_thu_tuc}\nngay_hen_tra={ngay_hen_tra}\nlink={link_tra_cuu}",
    },
    # --- completion of an online dossier ---
    ("completion", "email"): {
        "subject": "Hồ sơ {ma_ho_so} cần hoàn thiện",
        "body": "Kính gửi Quý ông/bà,\n\n"
        "Hồ sơ “{ten_thu_tuc}” (mã {ma_ho_so}) Quý ông/bà nộp trực tuyến chưa đủ điều kiện tiếp nhận. "
        "{co_quan} đề nghị hoàn thiện như sau:\n\n{noi_dung}\n\n"
        "Quý ông/bà hoàn thiện và nộp lại hồ sơ tại {link_tra_cuu}" + SIGNATURE,
    },
    ("completion", "sms"): {
        "body": "Hồ sơ {ma_ho_so} cần hoàn thiện trước khi được tiếp nhận. Chi tiết: {link_tra_cuu}",
    },
    ("completion", "zalo"): {
        "zalo_template_id": "motcua_hoan_thien",
        "body": "ma_ho_so={ma_ho_so}\nthu_tuc={ten_thu_tuc}\nnoi_dung={noi_dung}\nlink={link_tra_cuu}",
    },
    # --- supplement during processing ---
    ("supplement", "email"): {
        "subject": "Hồ sơ {ma_ho_so}: đề nghị bổ sung giấy tờ",
        "body": "Kính gửi Quý ông/bà,\n\n"
        "Để giải quyết hồ sơ “{ten_thu_tuc}” (mã {ma_ho_so}), {co_quan} đề nghị Quý ông/bà bổ sung:\n\n"
        "{noi_dung}\n\n"
        "Thời hạn giải quyết tạm dừng cho đến khi Quý ông/bà bổ sung đủ. Xem chi tiết và gửi bổ sung tại "
        "{link_tra_cuu}" + SIGNATURE,
    },
    ("supplement", "sms"): {
        "body": "Hồ sơ {ma_ho_so} cần bổ sung giấy tờ. Chi tiết: {link_tra_cuu}",
    },
    ("supplement", "zalo"): {
        "zalo_template_id": "motcua_bo_sung",
        "body": "ma_ho_so={ma_ho_so}\nthu_tuc={ten_thu_tuc}\nnoi_dung={noi_dung}\nlink={link_tra_cuu}",
    },
    # --- fee ---
    ("fee", "email"): {
        "subject": "Hồ sơ {ma_ho_so}: thông báo nghĩa vụ tài chính",
        "body": "Kính gửi Quý ông/bà,\n\n"
        "Hồ sơ “{ten_thu_tuc}” (mã {ma_ho_so}) cần thực hiện nghĩa vụ tài chính trước khi tiếp tục "
        "giải quyết:\n\n{noi_dung}\n\n"
        "Quý ông/bà xem khoản phải nộp và thanh toán trực tuyến tại {link_tra_cuu}" + SIGNATURE,
    },
    ("fee", "sms"): {
        "body": "Hồ sơ {ma_ho_so} cần nộp phí, lệ phí. Chi tiết, thanh toán: {link_tra_cuu}",
    },
    ("fee", "zalo"): {
        "zalo_template_id": "motcua_nghia_vu_tai_chinh",
        "body": "ma_ho_so={ma_ho_so}\nthu_tuc={ten_thu_tuc}\nnoi_dung={noi_dung}\nlink={link_tra_cuu}",
    },
    # --- apology (Mẫu 04 attached to the e-mail) ---
    ("apology", "email"): {
        "subject": "Hồ sơ {ma_ho_so}: thư xin lỗi và hẹn lại ngày trả kết quả",
        "body": "Kính gửi Quý ông/bà,\n\n"
        "{co_quan} thành thật xin lỗi vì hồ sơ “{ten_thu_tuc}” (mã {ma_ho_so}) chưa giải quyết được đúng "
        "ngày hẹn {ngay_hen_cu}.\n"
        "Lý do: {noi_dung}\n"
        "Ngày hẹn trả kết quả mới: {ngay_hen_moi}\n\n"
        "Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04) được gửi kèm thư này. Tra cứu hồ sơ tại "
        "{link_tra_cuu}" + SIGNATURE,
    },
    ("apology", "sms"): {
        "body": "Xin lỗi: hồ sơ {ma_ho_so} chậm so với hẹn. Hẹn trả mới {ngay_hen_moi}. {link_tra_cuu}",
    },
    ("apology", "zalo"): {
        "zalo_template_id": "motcua_xin_loi",
        "body": "ma_ho_so={ma_ho_so}\nngay_hen_cu={ngay_hen_cu}\nngay_hen_moi={ngay_hen_moi}\nlink={link_tra_cuu}",
    },
    # --- a step of the process that tells the citizen (ProcessStep.notify_citizen) has started ---
    ("step_started", "email"): {
        "subject": "Hồ sơ {ma_ho_so} đang ở bước “{ten_buoc}”",
        "body": "Kính gửi Quý ông/bà,\n\n"
        "Hồ sơ “{ten_thu_tuc}” (mã {ma_ho_so}) của Quý ông/bà đang ở bước “{ten_buoc}” tại {don_vi}, "
        "hạn của bước {han_buoc}.\n\n"
        "Quý ông/bà theo dõi tình trạng hồ sơ tại {link_tra_cuu}" + SIGNATURE,
    },
    ("step_started", "sms"): {
        "body": "Hồ sơ {ma_ho_so} đang ở bước “{ten_buoc}” tại {don_vi}, hạn {han_buoc}. Tra cứu: {link_tra_cuu}",
    },
    ("step_started", "zalo"): {
        "zalo_template_id": "motcua_chuyen_buoc",
        "body": "ma_ho_so={ma_ho_so}\nten_buoc={ten_buoc}\ndon_vi={don_vi}\nhan_buoc={han_buoc}\nlink={link_tra_cuu}",
    },
    # --- result ready ---
    ("result_ready", "email"): {
        "subject": "Hồ sơ {ma_ho_so} đã có kết quả",
        "body": "Kính gửi Quý ông/bà,\n\n"
        "Hồ sơ “{ten_thu_tuc}” (mã {ma_ho_so}) đã có kết quả.\n"
        "Cách nhận kết quả: {cach_nhan}\n"
        "{noi_nhan}\n\n"
        "Xem kết quả và tình trạng hồ sơ tại {link_ket_qua}" + SIGNATURE,
    },
    ("result_ready", "sms"): {
        "body": "Hồ sơ {ma_ho_so} đã có kết quả. {cach_nhan}. Chi tiết: {link_ket_qua}",
    },
    ("result_ready", "zalo"): {
        "zalo_template_id": "motcua_co_ket_qua",
        "body": "ma_ho_so={ma_ho_so}\nthu_tuc={ten_thu_tuc}\ncach_nhan={cach_nhan}\nlink={link_ket_qua}",
    },
    # --- returned ---
    ("returned", "email"): {
        "subject": "Hồ sơ {ma_ho_so} đã trả kết quả",
        "body": "Kính gửi Quý ông/bà,\n\n"
        "Kết quả hồ sơ “{ten_thu_tuc}” (mã {ma_ho_so}) đã được trả ngày {ngay_tra}.\n"
        "Quý ông/bà có thể đánh giá mức độ hài lòng về việc giải quyết hồ sơ tại {link_tra_cuu}" + SIGNATURE,
    },
    ("returned", "sms"): {
        "body": "Hồ sơ {ma_ho_so} đã trả kết quả ngày {ngay_tra}. Đánh giá tại: {link_tra_cuu}",
    },
    ("returned", "zalo"): {
        "zalo_template_id": "motcua_da_tra_ket_qua",
        "body": "ma_ho_so={ma_ho_so}\nngay_tra={ngay_tra}\nlink={link_tra_cuu}",
    },
    # --- feedback (PAKN) ---
    ("feedback", "email"): {
        "subject": "Phản ánh, kiến nghị {ma_pakn}: {trang_thai}",
        "body": "Kính gửi Quý ông/bà,\n\n"
        "Phản ánh, kiến nghị {ma_pakn} của Quý ông/bà đã được cập nhật: {trang_thai}.\n"
        "Tra cứu và cho ý kiến tại {link_tra_cuu} (nhập mã và 4 số cuối điện thoại)." + SIGNATURE,
    },
    ("feedback", "sms"): {
        "body": "PAKN {ma_pakn}: {trang_thai}. Tra cứu: {link_tra_cuu}",
    },
    ("feedback", "zalo"): {
        "zalo_template_id": "motcua_pakn",
        "body": "ma_pakn={ma_pakn}\ntrang_thai={trang_thai}\nlink={link_tra_cuu}",
    },
}
