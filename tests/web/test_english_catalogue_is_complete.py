"""Every Vietnamese UI string has its English translation, and the committed .mo matches the .po."""

import gettext
import re
from pathlib import Path

import motcua

LOCALE = Path(motcua.__file__).parent / "locale" / "en" / "LC_MESSAGES"
ENTRY = re.compile(
    r'^(?:msgctxt ("(?:[^"\\]|\\.)*")\n)?msgid ((?:"(?:[^"\\]|\\.)*"\n)+)msgstr ((?:"(?:[^"\\]|\\.)*"\n)+)',
    re.M,
)


def entries():
    """(context or None, msgid, msgstr) of every entry but the header."""
    text = (LOCALE / "django.po").read_text(encoding="utf-8")
    for match in ENTRY.finditer(text):
        context, msgid, msgstr = (
            "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', g)).replace('\\"', '"') if g is not None else None
            for g in match.groups()
        )
        if msgid:
            yield context, msgid.encode().decode("unicode_escape").encode("latin-1").decode(), msgstr


def test_no_string_is_left_untranslated():
    untranslated = [msgid for _, msgid, msgstr in entries() if not msgstr]
    assert untranslated == []
    assert "#, fuzzy" not in (LOCALE / "django.po").read_text(encoding="utf-8")


def test_compiled_catalogue_matches_the_po_file():
    with open(LOCALE / "django.mo", "rb") as fh:
        catalogue = gettext.GNUTranslations(fh)
    for context, msgid, msgstr in entries():
        compiled = catalogue.pgettext(context, msgid) if context else catalogue.gettext(msgid)
        assert compiled == msgstr.encode().decode("unicode_escape").encode("latin-1").decode()
