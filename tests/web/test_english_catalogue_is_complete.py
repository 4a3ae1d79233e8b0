"""English is kept in the catalogue itself (src/motcua/locale/en/LC_MESSAGES/django.po, edited like any Django
project's): every Vietnamese UI string in the source is in it with its English, its placeholders survive the
translation, and the committed .mo is what compiling the .po gives. ``make messages`` extracts and compiles."""

import re
import shlex
import shutil
from pathlib import Path

import polib
import pytest
from django.core.management import call_command

import motcua
from tests.system_tools import require_tool

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = Path(motcua.__file__).parent
LOCALE = PACKAGE / "locale" / "en" / "LC_MESSAGES"
SOURCE_SUFFIXES = {".py", ".html", ".txt"}  # makemessages' default extensions for the django domain

NAMED = re.compile(r"%\((\w+)\)[-#0 +]*(?:\d+)?(?:\.\d+)?[diouxXeEfFgGcrsa]")
POSITIONAL = re.compile(r"%[-#0 +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[diouxXeEfFgGcrsa%]")
BRACED = re.compile(r"(?<!\{)\{(\w*)(?:![rsa])?(?::[^{}]*)?\}(?!\})")


@pytest.fixture(scope="module")
def catalogue():
    return polib.pofile(str(LOCALE / "django.po"))


def _key(entry) -> tuple:
    return entry.msgctxt, entry.msgid, entry.msgid_plural


def _translations(entry) -> list[str]:
    if not entry.msgid_plural:
        return [entry.msgstr]
    return [entry.msgstr_plural[n] for n in sorted(entry.msgstr_plural)]


def test_every_message_has_its_english(catalogue):
    assert [e.msgid for e in catalogue.untranslated_entries()] == [], "write their English in the msgstr"
    assert [e.msgid for e in catalogue.fuzzy_entries()] == [], "check the English, then remove the fuzzy flag"
    assert [e.msgid for e in catalogue.obsolete_entries()] == [], "make messages drops them"


def _makemessages_arguments() -> list[str]:
    """The arguments the Makefile's ``messages`` target gives makemessages, so this test extracts what it does."""
    for line in (ROOT / "Makefile").read_text(encoding="utf-8").splitlines():
        if " makemessages " in line:
            return shlex.split(line.split(" makemessages ", 1)[1])
    raise AssertionError("the Makefile's messages target runs no makemessages")


def test_every_source_string_is_in_the_catalogue(catalogue, tmp_path, settings, monkeypatch):
    require_tool("xgettext", "makemessages extracts the translatable strings with GNU gettext")
    # makemessages writes its working files beside the sources: extract from a copy of them
    source = tmp_path / "motcua"
    shutil.copytree(
        PACKAGE,
        source,
        ignore=lambda folder, names: [
            n for n in names if Path(folder, n).is_file() and Path(n).suffix not in SOURCE_SUFFIXES
        ],
    )
    shutil.rmtree(source / "locale")
    (source / "locale").mkdir()
    settings.LOCALE_PATHS = []
    monkeypatch.chdir(source)
    call_command("makemessages", *_makemessages_arguments(), "--keep-pot", verbosity=0)
    extracted = {_key(e) for e in polib.pofile(str(source / "locale" / "django.pot")) if e.msgid}
    catalogued = {_key(e) for e in catalogue}
    assert sorted(extracted - catalogued, key=str) == [], "missing from django.po: run make messages"
    assert sorted(catalogued - extracted, key=str) == [], "no longer in the source: run make messages"


def _placeholders(text: str, python_format: bool) -> tuple:
    """Named %(…)s and {…} placeholders as sets; positional %s in order (only in python-format strings)."""
    positional = [p for p in POSITIONAL.findall(text) if p != "%%"] if python_format else []
    return set(NAMED.findall(text)), set(BRACED.findall(text)), positional


def test_the_english_keeps_the_placeholders(catalogue):
    wrong = []
    for entry in catalogue.translated_entries():
        python_format = "python-format" in entry.flags
        sources = [entry.msgid] + [entry.msgid_plural] * (len(entry.msgstr_plural) - 1)
        for source, english in zip(sources, _translations(entry), strict=True):
            if _placeholders(source, python_format) != _placeholders(english, python_format):
                wrong.append((source, english))
    assert wrong == []


def _compiled_form(entries) -> dict:
    return {_key(e): _translations(e) for e in entries if e.msgid}


def test_the_committed_mo_is_the_compiled_po(catalogue):
    compiled = polib.mofile(str(LOCALE / "django.mo"))
    assert _compiled_form(compiled) == _compiled_form(catalogue.translated_entries()), "run make messages"
    # msgfmt leaves out POT-Creation-Date (since gettext 0.20); the rest of the header is copied
    header = {k: v for k, v in catalogue.metadata.items() if k != "POT-Creation-Date"}
    assert {k: v for k, v in compiled.metadata.items() if k != "POT-Creation-Date"} == header
