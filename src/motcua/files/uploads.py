"""Reading an upload request safely (the HTTP side of ``motcua.files.checks``).

Django's parser keeps only the base name of what the client sent and drops invisible characters, and it would
read a file of any size to a temporary file. The upload views read the request themselves, before the CSRF check
touches it (:func:`upload_view`), through :func:`parse`:

- the name the client really sent is kept, so that ``../../etc/passwd.pdf`` or a name with a NUL or a new line is
  refused with a message instead of being silently renamed;
- each file is counted while it streams in; past ``MOTCUA_UPLOAD_MAX_MB`` the rest of it is skipped (never kept
  in memory or on disk) and the view answers that the file is too large; a request whose declared length is
  already far beyond the limit is answered without reading its body at all.
"""

from __future__ import annotations

import functools
import html
from dataclasses import dataclass, field

from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.http import QueryDict
from django.http.multipartparser import MultiPartParser, MultiPartParserError
from django.utils.datastructures import MultiValueDict
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from motcua.files.services.storage import max_bytes

FORM_OVERHEAD = 1024 * 1024  # the other fields and the multipart framing of a one-file form


@dataclass
class Upload:
    """What :func:`parse` learnt about the request's files, by field name."""

    raw_names: dict[str, str] = field(default_factory=dict)  # the name each file was sent with
    too_large: dict[str, str] = field(default_factory=dict)  # files skipped past the limit
    dropped: list[str] = field(default_factory=list)  # names Django would drop a file for (e.g. “..”)
    refused_whole: bool = False  # the declared length is far beyond the limit: the body was not read
    malformed: bool = False

    def client_name(self, name: str, uploaded) -> str | None:
        return self.raw_names.get(name, getattr(uploaded, "name", None))


class _Guard(FileUploadHandler):
    """First of the upload handlers: remembers the client's names and skips a file once it passes the limit."""

    def __init__(self, request, upload: Upload, limit: int):
        super().__init__(request)
        self.upload, self.limit, self.parser, self.received = upload, limit, None, 0

    def new_file(self, field_name, file_name, *args, **kwargs):
        super().new_file(field_name, file_name, *args, **kwargs)
        self.upload.raw_names[field_name] = getattr(self.parser, "raw_name", None) or file_name
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > self.limit:
            self.upload.too_large[self.field_name] = self.upload.raw_names[self.field_name]
            raise SkipFile
        return raw_data

    def file_complete(self, file_size):
        return None  # the next handlers (memory or temporary file) make the file


class _Parser(MultiPartParser):
    """Django's parser, remembering each file's name as the client sent it (and the files it drops for their
    name, e.g. ``..``)."""

    raw_name: str | None = None

    def __init__(self, *args, upload: Upload, **kwargs):
        super().__init__(*args, **kwargs)
        self.upload = upload

    def sanitize_file_name(self, file_name):
        self.raw_name = html.unescape(file_name)  # as Django reads it (some clients send entities)
        sanitized = super().sanitize_file_name(file_name)
        if not sanitized:
            self.upload.dropped.append(self.raw_name)
        return sanitized


def parse(request) -> Upload:
    """Read ``request``'s multipart body as described in the module docstring; ``request.POST`` and
    ``request.FILES`` are set from it (empty when it was not read)."""
    upload = Upload()
    limit = max_bytes()
    if request.method != "POST" or not request.content_type.startswith("multipart/form-data"):
        return upload
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > limit + FORM_OVERHEAD:
        upload.refused_whole = True
        request._post, request._files = QueryDict(), MultiValueDict()
        return upload
    guard = _Guard(request, upload, limit)
    handlers = [guard, *request.upload_handlers]
    parser = _Parser(request.META, request, handlers, request.encoding, upload=upload)
    guard.parser = parser
    try:
        request._post, request._files = parser.parse()
    except MultiPartParserError:
        upload.malformed = True
        request._post, request._files = QueryDict(), MultiValueDict()
    return upload


def upload_view(refused):
    """Decorate a view that receives files: the request is read by :func:`parse` (passed to the view as
    ``upload``) before the CSRF check, which then reads the token from the parsed form as usual. A request far
    beyond the size limit is not read at all and goes to ``refused(request, *args, upload=…, **kwargs)``, which
    must only answer (it changes nothing, so it needs no CSRF token)."""

    def decorate(view):
        protected = csrf_protect(view)

        @csrf_exempt
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            kwargs["upload"] = upload = parse(request)
            if upload.refused_whole:
                return refused(request, *args, **kwargs)
            return protected(request, *args, **kwargs)

        return wrapper

    return decorate
