"""Daily anchors of the process-log heads, kept where the database cannot rewrite them.

``write_anchor`` (``motcua anchor_log_heads``, once a day; idempotent per day) writes, in ``MOTCUA_LOG_ANCHOR_DIR``:

- ``YYYY-MM-DD.heads.gz``: one line per dossier in id order, ``id version head code`` (``head``: the first 32 hex
  digits — 128 bits — of the MAC of its last entry);
- ``YYYY-MM-DD.json``: the digest — day, time, counts (dossiers, entries), ``root`` = sha256 of the uncompressed
  heads file, ``prev_mac`` = the previous digest's MAC (the digests form a chain) and ``mac`` = HMAC of all that
  under the current log key (``motcua.core.logkeys``).

The digest is also recorded in the database (``LogAnchor``) and, when the object store is configured
(``MOTCUA_S3_BUCKET``), copied to it under ``anchors/``. The file and the row check each other: someone who
rewrites the database cannot change the files, someone who rolls the folder back cannot change the rows.

``AnchorCheck`` (used by ``motcua verify_dossier_log``) checks the digest chain against the rows and the copies, then
gives the heads of the latest digest: a dossier named there must still exist and its log must still hold that entry
with that MAC — which shows a dossier deleted with its whole log, a log truncated below the anchor (even with the
row restored) and a chain recomputed under a guessed key.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import hmac
import json
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.utils import timezone

from motcua.core import logkeys
from motcua.dossiers.models import Dossier, LogAnchor

log = logging.getLogger("motcua.dossiers.anchors")

FORMAT = "motcua-log-anchor/1"
HEAD_DIGITS = 32
STORAGE_PREFIX = "anchors"
CHUNK = 10_000


def anchor_dir() -> Path:
    return Path(settings.MOTCUA_LOG_ANCHOR_DIR)


def _digest_bytes(digest: dict) -> bytes:
    body = {k: v for k, v in digest.items() if k != "mac"}
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def _uses_object_store() -> bool:
    return settings.STORAGES["default"]["BACKEND"] != "django.core.files.storage.FileSystemStorage"


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o640)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, path)


def digest_days(folder: Path | None = None) -> list[dt.date]:
    folder = folder or anchor_dir()
    days = []
    for path in folder.glob("*.json") if folder.exists() else ():
        try:
            days.append(dt.date.fromisoformat(path.stem))
        except ValueError:
            continue
    return sorted(days)


def read_digest(day: dt.date, folder: Path | None = None) -> dict:
    return json.loads(((folder or anchor_dir()) / f"{day.isoformat()}.json").read_text(encoding="utf-8"))


def digest_for(day: str | None = None) -> dict:
    """The digest of ``day`` (``YYYY-MM-DD``), or the latest; ``LookupError`` (Vietnamese) if there is none."""
    days = digest_days()
    if day:
        try:
            wanted = dt.date.fromisoformat(day)
        except ValueError:
            raise LookupError(f"Ngày “{day}” không đúng dạng YYYY-MM-DD.") from None
    elif days:
        wanted = days[-1]
    else:
        raise LookupError("Chưa có mốc niêm phong nào (chạy “motcua anchor_log_heads”).")
    if wanted not in days:
        raise LookupError(f"Không có mốc niêm phong ngày {wanted}.")
    return read_digest(wanted)


def heads_lines(day: dt.date, folder: Path | None = None) -> Iterator[bytes]:
    with gzip.open((folder or anchor_dir()) / f"{day.isoformat()}.heads.gz", "rb") as heads:
        yield from heads


@dataclass
class Written:
    anchor: LogAnchor
    digest: dict
    created: bool


def write_anchor(*, now: dt.datetime | None = None) -> Written:
    """The anchor of today (Vietnam time): written now, or the one already written today (idempotent)."""
    now = now or timezone.now()
    day = timezone.localdate(now)
    folder = anchor_dir()
    folder.mkdir(parents=True, exist_ok=True, mode=0o750)
    digest_path = folder / f"{day.isoformat()}.json"
    if digest_path.exists():
        digest = read_digest(day)
        anchor = LogAnchor.objects.filter(day=day).first()
        return Written(anchor, digest, False)
    earlier = [d for d in digest_days(folder) if d < day]
    prev_mac = read_digest(earlier[-1])["mac"] if earlier else ""
    # the heads, streamed in id order a chunk at a time, gzip-compressed into the file as they come (each head read
    # is a real entry of its log: the log only grows, so heads read a moment apart are all valid anchors)
    heads_path = folder / f"{day.isoformat()}.heads.gz"
    tmp = heads_path.with_name(heads_path.name + f".{os.getpid()}.tmp")
    raw = hashlib.sha256()
    dossiers = entries = 0
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o640)
    with os.fdopen(fd, "wb") as out, gzip.GzipFile(fileobj=out, mode="wb", mtime=0) as heads:
        last = 0
        while True:
            chunk = list(
                Dossier.objects.filter(pk__gt=last)
                .order_by("pk")
                .values_list("pk", "version", "log_head", "code", "reference")[:CHUNK]
            )
            if not chunk:
                break
            last = chunk[-1][0]
            lines = "".join(
                f"{pk} {version} {head[:HEAD_DIGITS] or '-'} {code or reference}\n"
                for pk, version, head, code, reference in chunk
            ).encode()
            raw.update(lines)
            heads.write(lines)
            dossiers += len(chunk)
            entries += sum(row[1] for row in chunk)
    with open(tmp, "rb") as written:
        os.fsync(written.fileno())
    os.replace(tmp, heads_path)
    key_id = logkeys.keyring().current_id
    digest = {
        "format": FORMAT,
        "day": day.isoformat(),
        "created_at": now.astimezone(dt.UTC).isoformat(timespec="seconds"),
        "key_id": key_id,
        "dossiers": dossiers,
        "entries": entries,
        "root": raw.hexdigest(),
        "heads_file": f"{day.isoformat()}.heads.gz",
        "prev_mac": prev_mac,
    }
    digest["mac"] = logkeys.mac(_digest_bytes(digest), key_id)[1]
    digest_bytes = json.dumps(digest, ensure_ascii=False, indent=1).encode()
    _write_atomic(digest_path, digest_bytes)
    anchor = LogAnchor.objects.create(
        day=day,
        created_at=now,
        key_id=key_id,
        dossiers=dossiers,
        entries=entries,
        root=digest["root"],
        prev_mac=prev_mac,
        mac=digest["mac"],
    )
    if _uses_object_store():
        for path in (heads_path, digest_path):
            if not default_storage.exists(f"{STORAGE_PREFIX}/{path.name}"):
                with open(path, "rb") as data:
                    default_storage.save(f"{STORAGE_PREFIX}/{path.name}", File(data))
    log.info("Process-log anchor %s: %s dossiers, root %s", day, dossiers, digest["root"])
    return Written(anchor, digest, True)


def digest_text(digest: dict) -> list[str]:
    """The digest as lines for inspectors (printed by ``motcua anchor_log_heads --print``)."""
    day = dt.date.fromisoformat(digest["day"])
    made = timezone.localtime(dt.datetime.fromisoformat(digest["created_at"]))
    return [
        "MỐC NIÊM PHONG NHẬT KÝ XỬ LÝ HỒ SƠ",
        f"Ngày: {day:%d/%m/%Y}",
        f"Thời điểm lập (giờ Việt Nam): {made:%H:%M:%S ngày %d/%m/%Y}",
        f"Số hồ sơ: {digest['dossiers']}",
        f"Số mục nhật ký: {digest['entries']}",
        f"Mã băm gốc (SHA-256 của danh sách đầu chuỗi): {digest['root']}",
        f"Mã xác thực mốc trước: {digest['prev_mac'] or '(mốc đầu tiên)'}",
        f"Mã xác thực mốc này (HMAC-SHA256, khóa {digest['key_id']}): {digest['mac']}",
        f"Tệp danh sách đầu chuỗi: {digest['heads_file']}",
    ]


# --- checking ---------------------------------------------------------------------------------------------------


@dataclass
class AnchorCheck:
    """The anchors as found now: problems of the digests themselves, and the heads of the latest one."""

    problems: list[str] = field(default_factory=list)
    day: dt.date | None = (
        None  # of the latest sound digest, whose heads are checked (None: no anchor to check)
    )
    folder: Path | None = None

    @classmethod
    def load(cls) -> AnchorCheck:
        check = cls()
        folder = anchor_dir()
        days = digest_days(folder)
        rows = {a.day: a for a in LogAnchor.objects.all()}
        prev_mac, latest_ok = "", None
        for day in days:
            try:
                digest = read_digest(day, folder)
                assert digest.get("format") == FORMAT
                mac_ok = hmac.compare_digest(
                    logkeys.mac(_digest_bytes(digest), digest["key_id"])[1], digest["mac"]
                )
            except logkeys.UnknownKey:
                check.problems.append(f"mốc ngày {day}: ký bằng khóa không có trong tệp khóa")
                continue
            except (ValueError, KeyError, AssertionError, OSError, TypeError):
                check.problems.append(f"mốc ngày {day}: tệp mốc không đọc được (bị sửa hoặc hỏng)")
                continue
            ok = True
            if not mac_ok:
                check.problems.append(f"mốc ngày {day}: nội dung tệp mốc đã bị sửa (mã xác thực không khớp)")
                ok = False
            if digest["day"] != day.isoformat():
                check.problems.append(
                    f"mốc ngày {day}: tệp mang nội dung của mốc ngày {digest['day']} (tệp mốc bị thay bằng bản cũ)"
                )
                ok = False
            if digest["prev_mac"] != prev_mac:
                check.problems.append(
                    f"mốc ngày {day}: không nối tiếp mốc trước (có mốc bị xóa, thay hoặc chèn)"
                )
            row = rows.pop(day, None)
            if row is None:
                check.problems.append(
                    f"mốc ngày {day}: không có bản ghi tương ứng trong cơ sở dữ liệu (bản ghi mốc bị xóa)"
                )
            elif row.mac != digest["mac"] or row.root != digest["root"]:
                check.problems.append(f"mốc ngày {day}: tệp mốc và bản ghi mốc trong cơ sở dữ liệu khác nhau")
                ok = False
            prev_mac = digest["mac"]
            if ok:  # the latest sound digest gives the heads to check against
                latest_ok = (day, digest)
        for day in sorted(rows):
            check.problems.append(
                f"mốc ngày {day}: có bản ghi trong cơ sở dữ liệu nhưng không còn tệp mốc (tệp mốc bị xóa)"
            )
        if latest_ok is not None:
            day, digest = latest_ok
            check._load_heads(day, digest, folder)
        return check

    def _load_heads(self, day: dt.date, digest: dict, folder: Path) -> None:
        """Check the heads file against the signed root (streamed: nothing kept in memory)."""
        raw, count = hashlib.sha256(), 0
        try:
            for line in heads_lines(day, folder):
                raw.update(line)
                count += 1
        except (OSError, EOFError, gzip.BadGzipFile):
            self.problems.append(f"mốc ngày {day}: tệp danh sách đầu chuỗi không đọc được (bị sửa hoặc hỏng)")
            return
        if raw.hexdigest() != digest["root"] or count != digest["dossiers"]:
            self.problems.append(
                f"mốc ngày {day}: danh sách đầu chuỗi không khớp mã băm gốc đã ký (tệp danh sách bị sửa)"
            )
            return
        if _uses_object_store():
            name = f"{STORAGE_PREFIX}/{day.isoformat()}.json"
            try:
                with default_storage.open(name, "rb") as copy:
                    stored = json.loads(copy.read())
                if stored.get("mac") != digest["mac"]:
                    self.problems.append(f"mốc ngày {day}: bản lưu trên kho đối tượng khác tệp mốc")
            except (OSError, ValueError):
                self.problems.append(f"mốc ngày {day}: không có bản lưu trên kho đối tượng")
        self.day, self.folder = day, folder

    def heads(self) -> Iterator[tuple[int, int, str, str]]:
        """``(id, version, head prefix, code)`` of every dossier of the checked digest, in id order (streamed)."""
        if self.day is None:
            return
        for line in heads_lines(self.day, self.folder):
            pk, version, head, code = line.decode().split(" ", 3)
            yield int(pk), int(version), head, code.rstrip("\n")

    def problem_for(self, anchored: tuple[int, int, str, str], entries) -> str | None:
        """What is wrong with a dossier against its anchored head (its entries ordered by seq); None if fine."""
        _, version, head, _ = anchored
        if version == 0:
            return None
        if len(entries) < version or entries[version - 1].seq != version:
            return (
                f"mốc ngày {self.day} ghi nhật ký đến mục {version} nhưng nay chỉ còn {len(entries)} mục "
                "(nhật ký bị xóa hoặc cắt bớt)"
            )
        if entries[version - 1].hash[:HEAD_DIGITS] != head:
            return (
                f"mục {version} khác mục đã ghi trong mốc ngày {self.day} (nhật ký bị tính lại hoặc thay thế)"
            )
        return None

    def head_of(self, pk: int | None = None, code: str | None = None) -> tuple[int, int, str, str] | None:
        """The anchored head of one dossier, by id or by code (a scan of the heads file)."""
        for anchored in self.heads():
            if anchored[0] == pk or (code is not None and anchored[3] == code):
                return anchored
        return None
