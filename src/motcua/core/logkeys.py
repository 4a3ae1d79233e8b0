"""The keys of the tamper-evident logs (HMAC-SHA256), kept in a file **outside the database**.

Someone who can write to the database can rewrite a log and recompute a plain hash chain; they cannot compute an
HMAC without the key, which lives in a file of the server (``MOTCUA_LOG_KEY_FILE``, default
``<MOTCUA_DATA_DIR>/keys/log-keys.json``, mode 0600), never in a table.

The file holds several keys, each with an id, and names the current one::

    {"current": "k2", "keys": [{"id": "k1", "created_at": "…", "secret": "<64 hex>"},
                               {"id": "k2", "created_at": "…", "secret": "<64 hex>"}]}

New MACs use the current key and record its id; verification uses the key named by what it checks, so old keys
must stay in the file (rotation adds a key, never removes one: ``motcua log_key rotate``).

A missing file is created on first use only when ``MOTCUA_LOG_KEY_CREATE`` is on (default: on with ``DEBUG``, i.e.
development); otherwise — production — it is a hard error (:func:`require`, called when the WSGI application
starts; the deployment check ``motcua.E_LOG_KEY`` of ``motcua check --deploy``; any MAC asked for), never a silently
generated key that would make the existing MACs unverifiable.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import hmac
import json
import os
import re
import secrets
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

KEY_ID = re.compile(r"^k[1-9][0-9]{0,5}$")


class UnknownKey(Exception):
    """A MAC names a key id that the key file does not hold."""


@dataclass(frozen=True)
class Keyring:
    current_id: str
    secrets: dict[str, bytes]

    def mac(self, key_id: str, message: bytes) -> str:
        try:
            secret = self.secrets[key_id]
        except KeyError:
            raise UnknownKey(key_id) from None
        return hmac.new(secret, message, hashlib.sha256).hexdigest()


_lock = threading.Lock()
_cache: dict[object, tuple[int, Keyring, float]] = {}  # setting -> (file's mtime, keys, when last looked at)
CHECK_SECONDS = 1.0  # a rotation made by another process is seen within this time


def key_file() -> Path:
    return Path(settings.MOTCUA_LOG_KEY_FILE)


def _parse(path: Path) -> Keyring:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        keys = {k["id"]: bytes.fromhex(k["secret"]) for k in raw["keys"]}
        current = raw["current"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ImproperlyConfigured(f"Tệp khóa nhật ký {path} không đọc được: {exc}") from None
    if current not in keys or not all(KEY_ID.match(k) and len(s) >= 32 for k, s in keys.items()):
        raise ImproperlyConfigured(f"Tệp khóa nhật ký {path} không hợp lệ (khóa hiện hành hoặc mã khóa sai).")
    return Keyring(current, keys)


def keyring() -> Keyring:
    """The keys, read from the file (again whenever the file changes: a rotation is seen by every process)."""
    setting = settings.MOTCUA_LOG_KEY_FILE
    now = time.monotonic()
    cached = _cache.get(setting)
    if cached is not None and now - cached[2] < CHECK_SECONDS:
        return cached[1]
    path = Path(setting)
    try:
        stamp = path.stat().st_mtime_ns
    except FileNotFoundError:
        if not settings.MOTCUA_LOG_KEY_CREATE:
            raise ImproperlyConfigured(missing_message(path)) from None
        with _lock:
            if not path.exists():
                write(path, _new_key(None))
        stamp = path.stat().st_mtime_ns
    ring = cached[1] if cached is not None and cached[0] == stamp else _parse(path)
    _cache[setting] = (stamp, ring, now)
    return ring


def missing_message(path: Path) -> str:
    return (
        f"Thiếu tệp khóa nhật ký xử lý {path} (MOTCUA_LOG_KEY_FILE). Khóa không bao giờ được tự sinh khi "
        "DEBUG tắt: chép tệp khóa đang dùng vào đây, hoặc với hệ thống mới tạo khóa bằng "
        "“motcua log_key init”."
    )


def require() -> None:
    """Fail now (at start) if the key file is missing and may not be created."""
    keyring()


def mac(message: bytes, key_id: str | None = None) -> tuple[str, str]:
    """``(key id, hex HMAC-SHA256 of message)`` with ``key_id`` or the current key."""
    ring = keyring()
    key_id = key_id or ring.current_id
    return key_id, ring.mac(key_id, message)


def _new_key(raw: dict | None) -> dict:
    raw = raw or {"current": "", "keys": []}
    number = max((int(k["id"][1:]) for k in raw["keys"]), default=0) + 1
    key_id = f"k{number}"
    raw["keys"].append(
        {
            "id": key_id,
            "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "secret": secrets.token_hex(32),
        }
    )
    raw["current"] = key_id
    return raw


def write(path: Path, raw: dict) -> None:
    """Write the key file atomically, readable by its owner only (0600; its folder 0700)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(raw, out, indent=2)
        out.write("\n")
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, path)
    _cache.clear()


def init(path: Path | None = None) -> str:
    """Create the key file with a first key; refuses if it exists. Returns the key id."""
    path = path or key_file()
    if path.exists():
        raise FileExistsError(path)
    raw = _new_key(None)
    write(path, raw)
    return raw["current"]


def rotate(path: Path | None = None) -> str:
    """Add a new key and make it current (older keys stay, to verify what they signed). Returns its id."""
    path = path or key_file()
    with _lock:
        raw = json.loads(path.read_text(encoding="utf-8"))
        _parse(path)  # refuse to rotate a damaged file
        raw = _new_key(raw)
        write(path, raw)
    return raw["current"]


def describe(path: Path | None = None) -> list[tuple[str, str, bool]]:
    """``(id, created_at, is current)`` of every key, without the secrets."""
    path = path or key_file()
    raw = json.loads(path.read_text(encoding="utf-8"))
    return [(k["id"], k.get("created_at", ""), k["id"] == raw["current"]) for k in raw["keys"]]


def canonical(value):
    """One value of a sealed row, the same read from an instance about to be saved or from the database."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat(timespec="microseconds")
    if isinstance(value, int):
        return int(value)
    return str(value)


def seal_row(tag: str, fields: tuple[str, ...], values) -> str:
    """``"{key id}:{HMAC}"`` of ``values`` (a mapping with ``get``) for ``fields`` under the current key."""
    message = tag.encode() + b"|" + json.dumps([canonical(values.get(f)) for f in fields]).encode()
    key_id, digest = mac(message)
    return f"{key_id}:{digest}"


def seal_matches(tag: str, fields: tuple[str, ...], values, seal: str) -> bool | None:
    """Whether ``seal`` is the MAC of ``values``; None if it names a key the file does not hold."""
    key_id, _, digest = seal.partition(":")
    message = tag.encode() + b"|" + json.dumps([canonical(values.get(f)) for f in fields]).encode()
    try:
        expected = mac(message, key_id)[1]
    except UnknownKey:
        return None
    return hmac.compare_digest(expected, digest)


def link_problems(entry, prev: str) -> list[str]:
    """What is wrong with one entry of a keyed log chain (the dossiers' and PAKN's, each in its own app): not linked
    to the entry before it (``prev``: that entry's MAC), written under a key the key file does not have, or changed
    since it was written (its ``compute_hash()`` no longer gives its ``hash``). In Vietnamese; empty if sound."""
    problems = []
    if entry.prev_hash != prev:
        problems.append(f"mục {entry.seq}: không nối tiếp mục trước (mục trước bị sửa, xóa hoặc đảo thứ tự)")
    try:
        intact = hmac.compare_digest(entry.compute_hash(), entry.hash)
    except UnknownKey:
        problems.append(f"mục {entry.seq}: ghi bằng khóa “{entry.key_id}” không có trong tệp khóa")
    else:
        if not intact:
            problems.append(f"mục {entry.seq}: nội dung đã bị sửa sau khi ghi")
    return problems


def chunks_with_entries(query, entries, item: str, size: int, *, atomic: bool = False):
    """The items of ``query`` in id order, ``size`` at a time, each chunk with its items' log entries read in one
    query: yields ``(chunk, {item id: its entries in seq order})``. ``entries``: the entry model's manager (or a
    queryset of it); ``item``: the entry's field naming its item (``dossier_id``, ``feedback_id``). ``atomic``: each
    chunk is read and handled in a transaction of its own (a ``select_for_update`` query keeps its rows locked
    while the caller handles them)."""
    last = 0
    while True:
        with transaction.atomic() if atomic else contextlib.nullcontext():
            chunk = list(query.filter(pk__gt=last).order_by("pk")[:size])
            if not chunk:
                return
            last = chunk[-1].pk
            grouped: dict[int, list] = {row.pk: [] for row in chunk}
            for entry in entries.filter(**{f"{item}__in": grouped}).order_by(item, "seq", "id"):
                grouped[getattr(entry, item)].append(entry)
            yield chunk, grouped
