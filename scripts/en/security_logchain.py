"""English of the keyed process log (issue 16, rule 4): the key id of an entry, the dossier row's seal and the
daily anchors of the log heads (see scripts/fill_en_po.py). “Mốc niêm phong” is an “anchor”; “mã xác thực” a
“MAC” (message authentication code); “mã băm gốc” the “root hash”."""

EN = {
    "mã khóa": "key id",
    "mã xác thực bản ghi": "row MAC",
    "số hồ sơ": "dossiers",
    "số mục nhật ký": "log entries",
    "mã băm gốc": "root hash",
    "mã xác thực bản trước": "MAC of the previous anchor",
    "mã xác thực": "MAC",
    "mốc niêm phong nhật ký": "process-log anchor",
}
EN_PLURAL = {"mốc niêm phong nhật ký": "process-log anchors"}
