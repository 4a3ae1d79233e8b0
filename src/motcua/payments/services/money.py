"""Amounts in đồng: figures with dots (20.000 đồng) and words (Hai mươi nghìn đồng)."""

from __future__ import annotations

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
SCALES = ("", "nghìn", "triệu")


def figures(amount: int) -> str:
    return f"{amount:,}".replace(",", ".")


def _three(n: int, full: bool) -> list[str]:
    """Read 0–999; ``full`` when a higher group precedes (then "không trăm", "linh" are said)."""
    hundreds, tens, units = n // 100, n // 10 % 10, n % 10
    words: list[str] = []
    if full or hundreds:
        words += [DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            if full or hundreds:
                words.append("linh")
            words.append(DIGITS[units])
    elif tens == 1:
        words.append("mười")
        if units:
            words.append("lăm" if units == 5 else DIGITS[units])
    else:
        words += [DIGITS[tens], "mươi"]
        if units == 1:
            words.append("mốt")
        elif units == 5:
            words.append("lăm")
        elif units:
            words.append(DIGITS[units])
    return words


def _below_billion(n: int, full: bool) -> list[str]:
    groups = []
    while n:
        groups.append(n % 1000)
        n //= 1000
    words: list[str] = []
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            continue
        words += _three(group, full or bool(words))
        if SCALES[index]:
            words.append(SCALES[index])
    return words


def _read(n: int, full: bool = False) -> list[str]:
    billions, rest = divmod(n, 1_000_000_000)
    words: list[str] = []
    if billions:
        words += _read(billions, full) + ["tỷ"]
    if rest:
        words += _below_billion(rest, full or bool(billions))
    return words


def in_words(amount: int) -> str:
    """``20000`` → "Hai mươi nghìn đồng" (the wording on Vietnamese receipts)."""
    if amount < 0:
        raise ValueError("negative amount")
    text = " ".join(_read(amount)) if amount else DIGITS[0]
    return f"{text[0].upper()}{text[1:]} đồng"
