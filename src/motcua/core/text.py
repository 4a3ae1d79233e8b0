"""Vietnamese text for search and comparison: the one place where diacritics are folded.

``strip_marks`` takes the tones and marks off and writes đ as d, keeping case and everything else; ``fold`` is the
search key (lowercase ASCII words separated by one space); ``sort_key`` is Vietnamese alphabetical order.
"""

from __future__ import annotations

import re
import unicodedata

_COMBINING_RE = re.compile(r"[\u0300-\u036f]+")
_SEPARATOR_RE = re.compile(r"[^a-z0-9]+")


def strip_marks(text: str | None) -> str:
    """``text`` without tones or marks, đ→d and Đ→D; case, spaces and punctuation kept (“Đắk Lắk” → “Dak Lak”)."""
    if not text:
        return ""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return _COMBINING_RE.sub("", text)


def fold(text: str | None) -> str:
    """Lowercase ASCII without tones or marks, đ→d, runs of anything else collapsed to one space."""
    return _SEPARATOR_RE.sub(" ", strip_marks(text).lower()).strip()


def sort_key(text: str) -> tuple:
    """Vietnamese alphabetical order: letters without tones first (đ after d), then the exact text."""
    folded = unicodedata.normalize("NFD", text.casefold().replace("đ", "d\uffff"))
    return "".join(c for c in folded if not unicodedata.combining(c)), text
