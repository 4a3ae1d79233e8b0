"""Where files are kept, chosen from environment variables (read by ``settings.py``; no Django import here).

- Default: Django's ``FileSystemStorage`` under ``MEDIA_ROOT`` (``<MOTCUA_DATA_DIR>/files``), a private folder
  that nothing serves: every download goes through ``motcua.files.views`` after the permission check.
- ``MOTCUA_S3_BUCKET`` set: an S3-compatible object store (MinIO, Ceph, AWS S3…) through django-storages, the
  optional extra ``pip install 'motcua[s3]'``. Objects are private (no ACL given, so the bucket's own policy — keep
  it private), never overwritten, under the prefix ``files/``; the application streams them after its check,
  so no presigned or public URL is ever handed out. ``MOTCUA_S3_ENDPOINT_URL`` points to MinIO or another
  provider (path-style addressing then), ``MOTCUA_S3_ACCESS_KEY`` / ``MOTCUA_S3_SECRET_KEY`` are the credentials
  (else boto3's usual sources: instance role, ``AWS_*`` variables), ``MOTCUA_S3_REGION`` the region.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Mapping

FILE_SYSTEM = "django.core.files.storage.FileSystemStorage"
S3 = "storages.backends.s3.S3Storage"
S3_PREFIX = "files"


class StorageConfigError(Exception):
    """The storage variables are inconsistent (raised while reading the settings, before anything runs)."""


def file_storage(env: Mapping[str, str], *, s3_installed: bool | None = None) -> dict:
    """The ``STORAGES["default"]`` entry for these environment variables."""
    bucket = env.get("MOTCUA_S3_BUCKET", "").strip()
    if not bucket:
        return {"BACKEND": FILE_SYSTEM}
    if s3_installed is None:
        s3_installed = importlib.util.find_spec("storages") is not None and (
            importlib.util.find_spec("boto3") is not None
        )
    if not s3_installed:
        raise StorageConfigError(
            "MOTCUA_S3_BUCKET is set but django-storages[s3] is not installed: pip install 'motcua[s3]'"
        )
    endpoint = env.get("MOTCUA_S3_ENDPOINT_URL", "").strip() or None
    access_key = env.get("MOTCUA_S3_ACCESS_KEY", "").strip() or None
    secret_key = env.get("MOTCUA_S3_SECRET_KEY", "").strip() or None
    if bool(access_key) != bool(secret_key):
        raise StorageConfigError("set both MOTCUA_S3_ACCESS_KEY and MOTCUA_S3_SECRET_KEY, or neither")
    options = {
        "bucket_name": bucket,
        "location": S3_PREFIX,
        "file_overwrite": False,
        "default_acl": None,  # the bucket's policy decides, and it must stay private
        "querystring_auth": True,  # were a URL ever asked for, it would be signed and expiring, never public
        "region_name": env.get("MOTCUA_S3_REGION", "").strip() or None,
        "endpoint_url": endpoint,
        "access_key": access_key,
        "secret_key": secret_key,
    }
    if endpoint:
        options["addressing_style"] = "path"  # MinIO and most self-hosted stores
    return {"BACKEND": S3, "OPTIONS": options}
