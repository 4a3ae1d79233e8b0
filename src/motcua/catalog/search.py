"""Vietnamese-aware search over the procedure catalogue, with the same results on SQLite and PostgreSQL.

Design:

1. One folding function (``motcua.core.text.fold``, :func:`tokens`) for indexing and querying: lowercase, strip tones and
   marks (NFD), đ→d, anything but ``[a-z0-9]`` is a separator; a syllable whose only vowel is ``y`` is written
   with ``i`` (ký/kí, lý/lí, mỹ/mĩ). Both backends therefore see identical ASCII tokens.
2. The index (``ProcedureSearchEntry``) holds, for each procedure's *current* version, its folded name, field and
   body (subjects, agencies, steps, requirements, components, results — each part truncated).
3. Retrieval. Names and fields are short: their words, postings (word → procedures) and codes are cached per
   process and rebuilt when the index changes (a two-number stamp checked on every search). A term matches a
   name or field word exactly, as the prefix of one (the last term while typing), or through a typo variant at
   edit distance 1 — looked up in memory, so identical on every backend. The database answers the one question
   that needs the bodies: which procedures hold every term somewhere — FTS5 on SQLite, a GIN-indexed ``simple``
   tsvector on PostgreSQL (same tokens, same predicate).
4. One Python scorer ranks the candidates: exact code ≫ whole name = query ≫ query phrase in the name ≫ name
   coverage (IDF-weighted, with typo variants from the name vocabulary at edit distance 1) ≫ field ≫ body;
   ties by code. Scores are computed from the same sets on both backends, so the lists are identical.
5. ``reindex`` rebuilds entries; a ``post_save`` signal on ``Procedure`` (when ``current_version`` changes) and
   on ``ProcedureAssignment`` calls it, and :func:`deferred_reindex` batches a bulk import into one rebuild.
"""

from __future__ import annotations

import bisect
import contextlib
import math
import re
import threading
from dataclasses import dataclass, field

from django.db import connections, router

from motcua.core.caches import StampedCache
from motcua.core.text import fold

# ---------------------------------------------------------------------------------------------------- folding

# A syllable whose only vowel is y: ký/kí, lý/lí, mỹ/mĩ, sỹ/sĩ, kỳ/kì are the same syllable written two ways;
# “quy”, “giay”, “tuy” keep their y.
_Y_SYLLABLE_RE = re.compile(r"\b([bcdfghklmnpqrstvx]+)y\b")


def index_text(text: str | None) -> str:
    """The index form of ``text``: folded, with the y/i spelling variants made one."""
    return _Y_SYLLABLE_RE.sub(r"\1i", fold(text))


def tokens(text: str | None) -> list[str]:
    """The index tokens of ``text`` (folded, normalised)."""
    return index_text(text).split()


# ----------------------------------------------------------------------------------------- query understanding

# Colloquial wording → the words the catalogue uses (folded, normalised). Applied on whole tokens, longest first.
SYNONYMS: dict[str, str] = {
    "so do": "giay chung nhan dat",
    "so hong": "giay chung nhan dat nha o",
    "bia do": "giay chung nhan dat",
    "giay to nha dat": "giay chung nhan quyen su dung dat",
    "ho khau": "thuong tru",
    "nhap ho khau": "dang ki thuong tru",
    "cat ho khau": "xoa dang ki thuong tru",
    "xin ma so thue": "dang ki thue lan dau",
    "cap ma so thue": "dang ki thue lan dau",
    "dang ki ma so thue": "dang ki thue lan dau",
    "the chap": "the chap bien phap bao dam",
    "cmnd": "can cuoc",
    "cccd": "can cuoc",
    "chung minh nhan dan": "can cuoc",
    "chung minh thu": "can cuoc",
    "can cuoc cong dan": "can cuoc",
    "bang lai xe": "giay phep lai xe",
    "bang lai": "giay phep lai xe",
    "passport": "ho chieu",
    "visa": "thi thuc",
    "mst": "ma so thue",
    "dkkd": "dang ki kinh doanh",
    "giay phep kinh doanh": "dang ki kinh doanh",
    "mo cong ti": "thanh lap doanh nghiep",
    "lap cong ti": "thanh lap doanh nghiep",
    "thanh lap cong ti": "thanh lap doanh nghiep",
    "xay nha": "xay dung nha o",
    "sua nha": "sua chua cai tao nha o",
    "lam chung": "chung thuc",
    "cong chung ban sao": "chung thuc ban sao",
    "photo cong chung": "chung thuc ban sao",
    "giay dang ki ket hon": "dang ki ket hon",
    "giay chung tu": "khai tu",
    "bao tu": "khai tu",
    "giay doc than": "xac nhan tinh trang hon nhan",
    "xac nhan doc than": "xac nhan tinh trang hon nhan",
    "li lich": "li lich tu phap",
    "xin": "cap",
}
_SYNONYM_ITEMS = sorted(SYNONYMS.items(), key=lambda item: -len(item[0]))
# Filler of spoken requests (“làm … cho con ở đâu”, “cần giấy tờ gì”): phrases and words dropped from the query
# unless nothing else is left. Words that are part of procedure names (căn, đâu/đầu, sao, hộ, sơ, ở) stay.
FILLER_PHRASES = (
    "o dau",
    "the nao",
    "nhu the nao",
    "lam sao",
    "can gi",
    "can nhung gi",
    "can giay to gi",
    "bao nhieu",
    "bao lau",
    "mat bao lau",
    "thu tuc",
    "ho so",
    "cho nguoi mat",
    "cho nguoi da mat",
    "nguoi da mat",
)
FILLER = frozenset(
    [
        "lam",
        "cho",
        "toi",
        "minh",
        "muon",
        "gi",
        "nhe",
        "oi",
        "a",
        "la",
        "va",
        "nao",
        "giup",
        "hoi",
        "em",
        "anh",
        "chi",
    ]
)
CODE_RE = re.compile(r"^\s*(\d)[.,\s]?(\d{6})\s*$")
MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
FINE_CANDIDATES = 60
MIN_FUZZY_LENGTH = 4


@dataclass
class Term:
    text: str
    prefix: bool = False
    variants: tuple[str, ...] = ()
    idf: float = 1.0


@dataclass
class ParsedQuery:
    terms: list[Term]
    code: str | None = None

    @property
    def texts(self) -> list[str]:
        return [t.text for t in self.terms]


def parse_query(query: str) -> ParsedQuery:
    match = CODE_RE.match(query or "")
    code = f"{match.group(1)}.{match.group(2)}" if match else None
    folded = " ".join(tokens(query))
    padded = f" {folded} "
    for phrase, replacement in _SYNONYM_ITEMS:
        padded = padded.replace(f" {phrase} ", f" {replacement} ")
    words = padded.split()
    stripped = padded
    for phrase in FILLER_PHRASES:
        stripped = stripped.replace(f" {phrase} ", " ")
    content = [w for w in stripped.split() if w not in FILLER] or words
    seen: list[str] = []
    for word in content:
        if word not in seen:
            seen.append(word)
    seen = seen[:MAX_TERMS]
    # The last word may be incomplete (typing): it also matches as a prefix, if it is long enough to mean anything.
    ends_open = bool(query) and not query[-1].isspace()
    terms = [
        Term(w, prefix=(i == len(seen) - 1 and ends_open and len(w) >= 3 and not w.isdigit()))
        for i, w in enumerate(seen)
    ]
    return ParsedQuery(terms=terms, code=code)


# ------------------------------------------------------------------------------------------------ vocabulary


@dataclass
class _Vocabulary:
    """What every search needs from the index, cached per process until the index changes: the words of all
    names and fields (for typo variants and prefixes), their postings per column, and the codes."""

    size: int
    words: frozenset[str]
    deletes: dict[str, set[str]] = field(default_factory=dict)
    name_postings: dict[str, set[int]] = field(default_factory=dict)
    field_postings: dict[str, set[int]] = field(default_factory=dict)
    sorted_words: list[str] = field(default_factory=list)
    codes: dict[str, int] = field(default_factory=dict)

    def variants(self, word: str) -> tuple[str, ...]:
        """Name words at edit distance one from ``word`` (insert, delete, substitute, transpose)."""
        found: set[str] = set()
        for key in {word, *_deletes(word)}:
            found |= self.deletes.get(key, set())
        found.discard(word)
        return tuple(sorted(w for w in found if _distance_ok(word, w)))

    def expand(self, term: Term) -> list[str]:
        """The indexed words a term matches as a token: itself, or every word it begins when it is a prefix."""
        if not term.prefix:
            return [term.text]
        start = bisect.bisect_left(self.sorted_words, term.text)
        end = bisect.bisect_left(self.sorted_words, term.text + "\x7f")
        return self.sorted_words[start:end]


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _distance_ok(a: str, b: str) -> bool:
    """True when ``b`` is one edit (Damerau) away from ``a``."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _stamp(using: str) -> tuple:
    """(rows, last update) of the index: two index-only lookups in one round trip."""
    table = "catalog_proceduresearchentry"
    with connections[using].cursor() as cursor:
        cursor.execute(f"SELECT (SELECT COUNT(*) FROM {table}), (SELECT MAX(updated_at) FROM {table})")
        count, last = cursor.fetchone()
    return count, str(last)


# One cache per database, its stamp read on every search.
_vocabularies: dict[str, StampedCache] = {}


def _vocabulary(using: str) -> _Vocabulary:
    """The words of all names and fields (for typo variants), rebuilt when the index changes."""
    cache = _vocabularies.get(using)
    if cache is None:
        cache = _vocabularies.setdefault(using, StampedCache(lambda: _stamp(using), every=0))
    return cache.get(using, lambda: _build_vocabulary(using, cache.current_stamp[0]))


def _build_vocabulary(using: str, size: int) -> _Vocabulary:
    from motcua.catalog.models import ProcedureSearchEntry

    name_postings: dict[str, set[int]] = {}
    field_postings: dict[str, set[int]] = {}
    codes: dict[str, int] = {}
    for pk, code, name_text, field_text in ProcedureSearchEntry.objects.using(using).values_list(
        "pk", "code", "name_text", "field_text"
    ):
        codes[code] = pk
        for word in name_text.split():
            name_postings.setdefault(word, set()).add(pk)
        for word in field_text.split():
            field_postings.setdefault(word, set()).add(pk)
    words = set(name_postings) | set(field_postings)
    deletes: dict[str, set[str]] = {}
    for word in words:
        if len(word) >= MIN_FUZZY_LENGTH - 1:
            deletes.setdefault(word, set()).add(word)
            for key in _deletes(word):
                deletes.setdefault(key, set()).add(word)
    vocabulary = _Vocabulary(
        size=size,
        words=frozenset(words),
        deletes=deletes,
        name_postings=name_postings,
        field_postings=field_postings,
        sorted_words=sorted(words),
        codes=codes,
    )
    return vocabulary


# ---------------------------------------------------------------------------------------------------- retrieval

# Posting kinds: the term in the name, in the field, a typo variant of it in either; every term somewhere
# (name, field or body); the exact code.
NAME, FIELD, NAME_VARIANT, FIELD_VARIANT, ALL, CODE = "n", "f", "v", "w", "a", "c"


def _column_postings(vocabulary: _Vocabulary, parsed: ParsedQuery) -> list[tuple[int, int, str]]:
    """(pk, term index, kind) for every term found in a name or a field: as a token (or the prefix of one),
    or as a typo variant. Read from the cached postings, so identical on every backend."""
    rows = []
    columns = (
        (NAME, NAME_VARIANT, vocabulary.name_postings),
        (FIELD, FIELD_VARIANT, vocabulary.field_postings),
    )
    for index, term in enumerate(parsed.terms):
        matches = vocabulary.expand(term)
        for kind, variant_kind, postings in columns:
            found: set[int] = set()
            for word in matches:
                found |= postings.get(word, set())
            rows.extend((pk, index, kind) for pk in found)
            near: set[int] = set()
            for word in term.variants:
                near |= postings.get(word, set())
            rows.extend((pk, index, variant_kind) for pk in near)
    if parsed.code and parsed.code in vocabulary.codes:
        rows.append((vocabulary.codes[parsed.code], -1, CODE))
    return rows


def _everywhere_sqlite(cursor, parsed: ParsedQuery) -> list[int]:
    match = " AND ".join(f'"{t.text}"' + ("*" if t.prefix else "") for t in parsed.terms)
    cursor.execute("SELECT rowid FROM catalog_procedure_fts WHERE catalog_procedure_fts MATCH %s", [match])
    return [pk for (pk,) in cursor.fetchall()]


def _everywhere_postgresql(cursor, parsed: ParsedQuery) -> list[int]:
    """GIN lookup on the tsvector of name + field + body.

    The planner does not price detoasting the (large) tsvectors, so on a catalogue of a few thousand rows it picks
    a sequential scan for common words: 15 ms, against 2.5 ms for the bitmap index scan it is steered to here.
    The setting is reset at once (and rolled back with the transaction if the statement fails)."""
    tsquery = " & ".join(t.text + (":*" if t.prefix else "") for t in parsed.terms)
    cursor.execute("SET enable_seqscan = off")
    try:
        cursor.execute(
            "SELECT procedure_id FROM catalog_proceduresearchentry WHERE all_tsv @@ to_tsquery('simple', %s)",
            [tsquery],
        )
        return [pk for (pk,) in cursor.fetchall()]
    finally:
        cursor.execute("RESET enable_seqscan")


def _everywhere_fallback(parsed: ParsedQuery, using: str) -> list[int]:
    """Any other database: the same predicate evaluated in Python (slow, correct)."""
    from motcua.catalog.models import ProcedureSearchEntry

    found = []
    for pk, name_text, field_text, body_text in ProcedureSearchEntry.objects.using(using).values_list(
        "pk", "name_text", "field_text", "body_text"
    ):
        everything = name_text.split() + field_text.split() + body_text.split()
        if all(_contains(everything, t.text, t.prefix) for t in parsed.terms):
            found.append(pk)
    return found


def _contains(words, text: str, prefix: bool) -> bool:
    return any(w.startswith(text) for w in words) if prefix else text in words


# ------------------------------------------------------------------------------------------------------ scoring


@dataclass
class SearchHit:
    procedure_id: int
    code: str
    name: str
    field: str
    score: float

    def as_dict(self) -> dict:
        return {"code": self.code, "name": self.name, "score": self.score, "field": self.field}


def _strength(words: list[str], word_set: set[str], term: Term) -> float:
    if term.text in word_set:
        return 1.0
    if term.prefix and any(w.startswith(term.text) for w in words):
        return 0.7
    if term.variants and not word_set.isdisjoint(term.variants):
        return 0.6
    return 0.0


def _contains_phrase(words: list[str], phrase: list[str]) -> bool:
    n = len(phrase)
    first = phrase[0]
    return any(words[i] == first and words[i : i + n] == phrase for i in range(len(words) - n + 1))


def _score(parsed: ParsedQuery, name_text: str, field_text: str, everywhere: bool, is_code: bool) -> float:
    """The shared ranking: the same inputs give the same float on every backend."""
    words = name_text.split()
    core = words[2:] if words[:2] == ["thu", "tuc"] else words
    word_set = set(words)
    field_words = field_text.split()
    field_set = set(field_words)
    terms = parsed.terms
    texts = parsed.texts
    score = 1000.0 if is_code else 0.0
    if not terms:
        return score
    total_idf = sum(t.idf for t in terms) or 1.0
    name_cov = field_cov = 0.0
    for term in terms:
        name_cov += term.idf * _strength(words, word_set, term)
        field_cov += term.idf * _strength(field_words, field_set, term)
    name_cov /= total_idf
    field_cov /= total_idf
    if core == texts or words == texts:
        score += 40.0
    elif len(texts) >= 2 and _contains_phrase(words, texts):
        score += 25.0 + (5.0 if core[: len(texts)] == texts else 0.0)
    if len(texts) >= 2:
        word_pairs = set(zip(words, words[1:], strict=False))
        pairs = list(zip(texts, texts[1:], strict=False))
        score += 15.0 * sum(pair in word_pairs for pair in pairs) / len(pairs)
    score += 50.0 * name_cov + 8.0 * field_cov + (12.0 if everywhere else 0.0)
    # Shorter names first among equals: the general procedure before its special cases.
    score -= min(len(words), 60) * 0.08
    return round(score, 3)


# ------------------------------------------------------------------------------------------------------- search

_COARSE_WEIGHTS = {NAME: 3.0, NAME_VARIANT: 1.8, FIELD: 1.0, FIELD_VARIANT: 0.6}


def search(query: str, *, limit: int | None = 20, using: str | None = None) -> list[SearchHit]:
    """Procedures matching ``query``, best first (score descending, then code)."""
    from motcua.catalog.models import ProcedureSearchEntry

    using = using or router.db_for_read(ProcedureSearchEntry)
    parsed = parse_query((query or "")[:MAX_QUERY_LENGTH])
    if not parsed.terms and not parsed.code:
        return []
    vocabulary = _vocabulary(using)
    for term in parsed.terms:
        if (
            len(term.text) >= MIN_FUZZY_LENGTH
            and term.text not in vocabulary.words
            and not term.text.isdigit()
        ):
            term.variants = vocabulary.variants(term.text)[:8]
    rows = _column_postings(vocabulary, parsed)
    if parsed.terms:
        connection = connections[using]
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                everywhere_pks = _everywhere_sqlite(cursor, parsed)
        elif connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                everywhere_pks = _everywhere_postgresql(cursor, parsed)
        else:
            everywhere_pks = _everywhere_fallback(parsed, using)
        rows.extend((pk, -1, ALL) for pk in everywhere_pks)
    if not rows:
        return []

    # Posting sets per (term, kind); IDF of a term from the names and fields it occurs in.
    postings: dict[tuple[int, str], set[int]] = {}
    for pk, index, kind in rows:
        postings.setdefault((index, kind), set()).add(pk)
    size = max(vocabulary.size, 1)
    for index, term in enumerate(parsed.terms):
        df = len(set().union(*(postings.get((index, k), ()) for k in _COARSE_WEIGHTS)))
        term.idf = math.log(1.0 + size / (1.0 + df))
    everywhere = postings.get((-1, ALL), set())
    codes = postings.get((-1, CODE), set())

    # Coarse pass over every candidate from the posting sets alone; the fine pass scores the best of them.
    coarse: dict[int, float] = {}
    for index, term in enumerate(parsed.terms):
        best: dict[int, float] = {}
        for kind, weight in _COARSE_WEIGHTS.items():
            for pk in postings.get((index, kind), ()):
                if best.get(pk, 0.0) < weight:
                    best[pk] = weight
        for pk, weight in best.items():
            coarse[pk] = coarse.get(pk, 0.0) + weight * term.idf
    bonus = sum(t.idf for t in parsed.terms)
    for pk in everywhere:
        coarse[pk] = coarse.get(pk, 0.0) + bonus
    for pk in codes:
        coarse[pk] = coarse.get(pk, 0.0) + 10_000.0
    coarse = {pk: round(value, 6) for pk, value in coarse.items() if value > 0}
    if not coarse:
        return []
    ranked = sorted(coarse.values(), reverse=True)
    cut = ranked[min(FINE_CANDIDATES, len(ranked)) - 1]
    chosen = sorted((pk for pk, value in coarse.items() if value >= cut), key=lambda pk: (-coarse[pk], pk))
    chosen = chosen[: FINE_CANDIDATES * 4]

    entries = (
        ProcedureSearchEntry.objects.using(using)
        .filter(pk__in=chosen)
        .values_list("pk", "code", "name", "field_name", "name_text", "field_text")
    )
    hits = []
    for pk, code, name, field_name, name_text, field_text in entries:
        score = _score(parsed, name_text, field_text, pk in everywhere, pk in codes)
        if score > 0:
            hits.append(SearchHit(pk, code, name, field_name, score))
    hits.sort(key=lambda h: (-h.score, h.code))
    return hits[:limit] if limit else hits


# ------------------------------------------------------------------------------------------------------ indexing

PART_LIMITS = {
    "subjects": 600,
    "agencies": 800,
    "steps": 3000,
    "requirements": 1200,
    "components": 2500,
    "results": 600,
}
BODY_LIMIT = 9000


def _clip(text: str, limit: int) -> str:
    return text[:limit]


def build_entry(procedure, version, assignments=()):
    """The index row of ``procedure`` for ``version`` (its current version)."""
    from motcua.catalog.models import ProcedureSearchEntry

    field_name = version.field.name if version.field_id else ""
    components = " ".join(c.name for case in version.cases.all() for c in case.components.all())
    cases = " ".join(case.name for case in version.cases.all())
    agencies = " ".join(
        [version.competent_agency, version.implementing_agency, version.authorized_agency]
        + [a.agency.name for a in assignments]
    )
    parts = [
        _clip(version.subjects, PART_LIMITS["subjects"]),
        _clip(agencies, PART_LIMITS["agencies"]),
        _clip(cases + " " + components, PART_LIMITS["components"]),
        _clip(" ".join(r.name for r in version.results.all()), PART_LIMITS["results"]),
        _clip(version.requirements, PART_LIMITS["requirements"]),
        _clip(version.steps, PART_LIMITS["steps"]),
    ]
    body = index_text(" ".join(parts)[: BODY_LIMIT + BODY_LIMIT // 4])
    if len(body) > BODY_LIMIT:
        body = body[:BODY_LIMIT].rsplit(" ", 1)[0]
    return ProcedureSearchEntry(
        procedure=procedure,
        version=version,
        code=procedure.code,
        name=version.name,
        field_name=field_name,
        name_text=f" {index_text(version.name)} ",
        field_text=f" {index_text(field_name)} ",
        body_text=body,
    )


BATCH = 400


def reindex(procedure_ids=None, *, using: str | None = None) -> int:
    """Rebuild the index rows of ``procedure_ids`` (all procedures if ``None``); returns the rows written."""
    from django.db import transaction
    from django.db.models import Prefetch

    from motcua.catalog.models import (
        CaseComponent,
        Procedure,
        ProcedureAssignment,
        ProcedureCase,
        ProcedureSearchEntry,
    )
    from motcua.core.dated import today, valid_on_q

    using = using or router.db_for_write(ProcedureSearchEntry)
    procedures = Procedure.objects.using(using).order_by("pk")
    if procedure_ids is not None:
        procedure_ids = sorted(set(procedure_ids))
        procedures = procedures.filter(pk__in=procedure_ids)
    written = 0
    day = today()
    with transaction.atomic(using=using):
        if procedure_ids is None:
            ProcedureSearchEntry.objects.using(using).all().delete()
        ids = list(procedures.values_list("pk", flat=True))
        for start in range(0, len(ids), BATCH):
            chunk = ids[start : start + BATCH]
            batch = (
                Procedure.objects.using(using)
                .filter(pk__in=chunk)
                .select_related("current_version__field")
                .defer("current_version__raw", "current_version__review_notes")
                .prefetch_related(
                    Prefetch("current_version__cases", queryset=ProcedureCase.objects.order_by("order")),
                    Prefetch(
                        "current_version__cases__components", queryset=CaseComponent.objects.order_by("order")
                    ),
                    "current_version__results",
                    Prefetch(
                        "assignments",
                        queryset=ProcedureAssignment.objects.filter(valid_on_q(day)).select_related("agency"),
                        to_attr="assignments_today",
                    ),
                )
            )
            entries = [
                build_entry(p, p.current_version, p.assignments_today) for p in batch if p.current_version_id
            ]
            if procedure_ids is not None:
                ProcedureSearchEntry.objects.using(using).filter(pk__in=chunk).delete()
            ProcedureSearchEntry.objects.using(using).bulk_create(entries)
            written += len(entries)
        if procedure_ids is not None:
            # Procedures that were deleted meanwhile.
            gone = set(procedure_ids) - set(ids)
            if gone:
                ProcedureSearchEntry.objects.using(using).filter(pk__in=gone).delete()
    return written


_deferred = threading.local()


@contextlib.contextmanager
def deferred_reindex():
    """Collect the reindexing the signals ask for and do it once on exit (bulk imports)::

    with search.deferred_reindex():
        import_file(path)
    """
    outer = getattr(_deferred, "ids", None)
    if outer is not None:  # nested: the outermost block reindexes
        yield
        return
    _deferred.ids = set()
    try:
        yield
        pending = _deferred.ids
    finally:
        _deferred.ids = None
    if pending:
        reindex(pending)


def schedule_reindex(procedure_ids) -> None:
    """Reindex now, or at the end of the enclosing :func:`deferred_reindex` block."""
    pending = getattr(_deferred, "ids", None)
    if pending is not None:
        pending.update(procedure_ids)
    else:
        reindex(procedure_ids)
