"""The calibration of the generated year: the shares of each fate, channel and pause, and the words officers
write (published figures of provincial public administration service centres, e.g. 2023–2024 yearly reports:
~98–99 % of resolved dossiers early or on time; see the package docstring for the resulting shares)."""

from motcua.catalog.choices import Channel

EARLY, ON_TIME, LATE = 0.9867, 0.0118, 0.0015
REFUSED, WITHDRAWN, STOPPED = 0.012, 0.008, 0.0025
STRAGGLERS = 0.0012  # open and overdue, received any time in the window
PAUSED_OPEN = 0.0030  # open pause (status 5/6) at the cut-off
KEEP_OPEN_AT_CUTOFF = (
    0.35  # dossiers that would finish after the cut-off: share left open (others finish early)
)
SUPPLEMENT_PAUSE, PAYMENT_PAUSE = 0.06, 0.03
WAITING_AT_COUNTER = 0.015
CHANNELS = ((Channel.ONLINE, 0.60), (Channel.DIRECT, 0.38), (Channel.POSTAL, 0.02))
FIELD_WEIGHTS = (
    ("chứng thực", 6.0),
    ("hộ tịch", 5.0),
    ("đất đai", 3.0),
    ("cư trú", 2.0),
    ("doanh nghiệp", 1.5),
)

REFUSAL_REASONS = (
    "Hồ sơ không thuộc thẩm quyền giải quyết của cơ quan.",
    "Người nộp không đủ điều kiện theo quy định của thủ tục.",
    "Hồ sơ đã được giải quyết trước đó, không tiếp nhận lại.",
)
SUPPLEMENT_REASONS = (
    "Bổ sung bản sao giấy tờ còn thiếu theo danh mục thành phần hồ sơ.",
    "Thông tin trong tờ khai chưa khớp với giấy tờ kèm theo, đề nghị hoàn thiện.",
)
WITHDRAWAL_REASONS = (
    "Công dân đề nghị rút hồ sơ để điều chỉnh nội dung.",
    "Công dân không còn nhu cầu giải quyết.",
)
STOP_REASONS = ("Hồ sơ không đủ điều kiện giải quyết sau khi thẩm định.",)
APOLOGY_REASONS = ("Cần xác minh thêm thông tin với cơ quan liên quan.", "Số lượng hồ sơ tăng đột biến.")
SIGNERS = ("Lê Văn Hùng", "Nguyễn Thị Hà", "Trịnh Xuân Nam", "Phạm Minh Đức")
