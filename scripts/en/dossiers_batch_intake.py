"""English of strings added to the dossiers app before issue 16 without their English (batch intake, the dossier's
has_pauses / has_apologies flags) — see scripts/fill_en_po.py. Added by the totp slice so that the catalogue
compiles; keep whichever copy the merge finds first."""

EN = {
    "Mỗi lần gửi từ 1 đến %(limit)s hồ sơ.": "Send between 1 and %(limit)s dossiers at a time.",
    "đã từng tạm dừng": "has been paused",
    "đã từng xin lỗi, hẹn lại": "has had an apology and a new appointment",
    "Thao tác tiếp nhận không hợp lệ.": "Invalid intake action.",
    "Hồ sơ thứ %(n)s: %(message)s": "Dossier no. %(n)s: %(message)s",
}
