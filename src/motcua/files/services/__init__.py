"""The files services: the only writers of stored files, digitisation states and electronic results' files."""

from motcua.files.services.digitisation import (
    DataStore,
    data_store,
    digitise_component,
    may_digitise,
    reuse_component,
    reuse_result,
)
from motcua.files.services.downloads import file_for_officer
from motcua.files.services.errors import FilesError
from motcua.files.services.results import (
    attach_result_file,
    may_attach_result,
    open_result_link,
    result_link,
)
from motcua.files.services.storage import open_stored, store_upload

__all__ = [
    "DataStore",
    "FilesError",
    "attach_result_file",
    "data_store",
    "digitise_component",
    "file_for_officer",
    "may_attach_result",
    "may_digitise",
    "open_result_link",
    "open_stored",
    "result_link",
    "reuse_component",
    "reuse_result",
    "store_upload",
]
