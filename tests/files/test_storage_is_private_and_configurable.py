"""Files are kept through Django's storage API: a private folder under MOTCUA_DATA_DIR by default, an
S3-compatible bucket (MinIO…) when MOTCUA_S3_BUCKET is set — with django-storages, an optional extra, objects
private, never overwritten, streamed by the application. Checked at the level of the settings, with no network."""

import importlib.util
import os
from pathlib import Path

import pytest
from django.conf import settings

from motcua.files.storage_config import FILE_SYSTEM, S3, StorageConfigError, file_storage

MINIO = {
    "MOTCUA_S3_BUCKET": "motcua-ho-so",
    "MOTCUA_S3_ENDPOINT_URL": "http://127.0.0.1:9000",
    "MOTCUA_S3_ACCESS_KEY": "motcua",
    "MOTCUA_S3_SECRET_KEY": "mat-khau-minio",
    "MOTCUA_S3_REGION": "ap-southeast-1",
}


def test_by_default_files_go_to_a_private_folder_of_the_data_directory():
    assert file_storage({}) == {"BACKEND": FILE_SYSTEM}
    assert file_storage({"MOTCUA_S3_BUCKET": "  "}) == {"BACKEND": FILE_SYSTEM}


def test_the_project_settings_keep_files_out_of_every_served_folder():
    import motcua.settings as project  # (the tests point MEDIA_ROOT to a folder of their own)

    media, static = Path(project.MEDIA_ROOT), Path(project.STATIC_ROOT)
    assert media == Path(project.DATA_DIR) / "files"
    assert not media.is_relative_to(static) and not static.is_relative_to(media)
    assert project.STORAGES["default"] == file_storage(os.environ)
    assert not hasattr(project, "MEDIA_URL")  # never set: nothing is served from it
    assert settings.FILE_UPLOAD_PERMISSIONS == 0o600 and settings.FILE_UPLOAD_DIRECTORY_PERMISSIONS == 0o700
    assert settings.MOTCUA_UPLOAD_MAX_MB == 20
    assert (
        settings.FILE_UPLOAD_MAX_MEMORY_SIZE <= 2.5 * 1024 * 1024
    )  # larger uploads stream to a temporary file


def test_a_bucket_selects_the_s3_backend_with_private_objects():
    config = file_storage(MINIO, s3_installed=True)
    assert config["BACKEND"] == S3 == "storages.backends.s3.S3Storage"
    options = config["OPTIONS"]
    assert options["bucket_name"] == "motcua-ho-so" and options["location"] == "files"
    assert options["endpoint_url"] == "http://127.0.0.1:9000" and options["addressing_style"] == "path"
    assert options["access_key"] == "motcua" and options["secret_key"] == "mat-khau-minio"
    assert options["region_name"] == "ap-southeast-1"
    assert options["default_acl"] is None and options["file_overwrite"] is False
    assert options["querystring_auth"] is True


def test_aws_itself_needs_no_endpoint_and_may_use_its_own_credentials():
    options = file_storage({"MOTCUA_S3_BUCKET": "motcua"}, s3_installed=True)["OPTIONS"]
    assert options["endpoint_url"] is None and "addressing_style" not in options
    assert options["access_key"] is None and options["secret_key"] is None


def test_half_a_key_pair_is_a_configuration_error():
    with pytest.raises(StorageConfigError, match="both MOTCUA_S3_ACCESS_KEY and MOTCUA_S3_SECRET_KEY"):
        file_storage({"MOTCUA_S3_BUCKET": "b", "MOTCUA_S3_ACCESS_KEY": "k"}, s3_installed=True)


def test_a_bucket_without_the_s3_extra_installed_says_what_to_install():
    with pytest.raises(StorageConfigError, match=r"pip install 'motcua\[s3\]'"):
        file_storage(MINIO, s3_installed=False)


@pytest.mark.skipif(
    importlib.util.find_spec("storages") is None or importlib.util.find_spec("boto3") is None,
    reason="the optional extra motcua[s3] (django-storages, boto3) is not installed",
)
def test_the_s3_backend_accepts_these_options_without_touching_the_network():
    from django.core.files.storage import InvalidStorageError, StorageHandler

    handler = StorageHandler({"default": file_storage(MINIO)})
    try:
        storage = handler["default"]
    except InvalidStorageError as exc:  # pragma: no cover - a wrong option name fails here
        pytest.fail(str(exc))
    assert type(storage).__name__ == "S3Storage"
    assert storage.bucket_name == "motcua-ho-so" and storage.location == "files"
    assert storage.endpoint_url == "http://127.0.0.1:9000" and storage.file_overwrite is False
    assert storage.default_acl is None
