"""The machine-readable parts of a printed form: the dossier code as a Code 128 barcode and the QR code of the
public tracking page. Pure Python (the QR matrix comes from ``segno``); both renderers draw the same modules."""

from __future__ import annotations

from functools import lru_cache

import segno
from django.conf import settings

# Code 128 (ISO/IEC 15417): bar and space widths of the symbols 0–105, then the stop symbol with its final bar.
PATTERNS = (
    "212222", "222122", "222221", "121223", "121322", "131222", "122213", "122312", "132212", "221213",
    "221312", "231212", "112232", "122132", "122231", "113222", "123122", "123221", "223211", "221132",
    "221231", "213212", "223112", "312131", "311222", "321122", "321221", "312212", "322112", "322211",
    "212123", "212321", "232121", "111323", "131123", "131321", "112313", "132113", "132311", "211313",
    "231113", "231311", "112133", "112331", "132131", "113123", "113321", "133121", "313121", "211331",
    "231131", "213113", "213311", "213131", "311123", "311321", "331121", "312113", "312311", "332111",
    "314111", "221411", "431111", "111224", "111422", "121124", "121421", "141122", "141221", "112214",
    "112412", "122114", "122411", "142112", "142211", "241211", "221114", "413111", "241112", "134111",
    "111242", "121142", "121241", "114212", "124112", "124211", "411212", "421112", "421211", "212141",
    "214121", "412121", "111143", "111341", "131141", "114113", "114311", "411113", "411311", "113141",
    "114131", "311141", "411131", "211412", "211214", "211232",
)  # fmt: skip
STOP = "2331112"
START_B = 104
QUIET_ZONE = 10  # modules of white on each side (the standard's minimum)


class BarcodeError(ValueError):
    pass


def code128_symbols(text: str) -> list[int]:
    """The symbol values of ``text`` in code set B (printable ASCII), with the start and check symbols."""
    if not text or any(not 32 <= ord(ch) <= 126 for ch in text):
        raise BarcodeError(f"Code 128 B chỉ mã hóa ký tự ASCII in được: {text!r}")
    values = [ord(ch) - 32 for ch in text]
    check = (START_B + sum(position * value for position, value in enumerate(values, 1))) % 103
    return [START_B, *values, check]


@lru_cache(maxsize=512)
def code128_bars(text: str) -> tuple[tuple[int, int], ...]:
    """(offset, width) of each bar in modules, the quiet zone included on the left; the total width is
    :func:`code128_width`."""
    widths = "".join(PATTERNS[s] for s in code128_symbols(text)) + STOP
    bars, x = [], QUIET_ZONE
    for n, w in enumerate(widths):
        if n % 2 == 0:  # bars and spaces alternate, starting with a bar
            bars.append((x, int(w)))
        x += int(w)
    return tuple(bars)


def code128_width(text: str) -> int:
    """Modules of the whole symbol, quiet zones included."""
    return QUIET_ZONE * 2 + 11 * (len(text) + 2) + 13


def tracking_url(code: str) -> str:
    """The public tracking page of the dossier ``code`` (the route ``/tra-cuu/<code>/`` of the public portal)."""
    return f"{settings.MOTCUA_PUBLIC_URL.rstrip('/')}/tra-cuu/{code}/"


@lru_cache(maxsize=512)
def qr_matrix(payload: str) -> tuple[tuple[bool, ...], ...]:
    """The QR code of ``payload`` (error correction M, the quiet zone not included) as rows of dark modules."""
    qr = segno.make_qr(payload, error="m", boost_error=False)
    return tuple(tuple(bool(cell) for cell in row) for row in qr.matrix)
