"""``motcua import_processes FILE [--dry-run]`` prints the report in Vietnamese and fails naming the line of the
first error; the controllers' queue page uploads the same spreadsheet and shows the report. Only TTHC controllers
may upload or download the sample; a bad file is refused whole with the reason next to the field."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from motcua.catalog.importing.processes import SAMPLE_FILE
from motcua.catalog.models import InternalProcess
from tests.builders.catalog import PROCESS_STEPS, process_rows, process_workbook, published_procedure
from tests.builders.org import assign

pytestmark = pytest.mark.django_db


@pytest.fixture
def version(province):
    return published_procedure()


@pytest.fixture
def controller(client, officer, province):
    assign(officer, "TTHC_CONTROLLER", province["ubnd"], includes_subunits=True)
    client.force_login(officer)
    return client


def _file(tmp_path, rows, name="quy_trinh.xlsx"):
    path = tmp_path / name
    path.write_bytes(process_workbook(rows).getvalue())
    return path


def _bad_rows():
    steps = [list(step) for step in PROCESS_STEPS]
    steps[2][2] = "Thủ kho"  # line 4
    return process_rows(steps)


def test_the_command_imports_and_prints_the_report(version, tmp_path, capsys):
    path = _file(tmp_path, process_rows())
    call_command("import_processes", str(path), "--dry-run")
    assert "Chạy thử" in capsys.readouterr().out and InternalProcess.objects.count() == 0
    call_command("import_processes", str(path))
    out = capsys.readouterr().out
    assert "tạo mới: 1" in out and "1.004222, cấp xã, quyết định 12/QĐ-UBND (dòng 2–7): tạo mới" in out
    assert InternalProcess.objects.get().state == "published"
    call_command("import_processes", str(path))
    assert "không đổi: 1" in capsys.readouterr().out


def test_the_command_error_names_the_line(version, tmp_path, capsys):
    with pytest.raises(CommandError) as failed:
        call_command("import_processes", str(_file(tmp_path, _bad_rows())))
    assert failed.value.returncode == 1
    assert "dòng 4: vai trò “Thủ kho” không nhận ra" in str(failed.value)
    assert "dòng 4" in capsys.readouterr().out
    assert InternalProcess.objects.count() == 0


def test_the_command_refuses_a_missing_or_unreadable_file(version, tmp_path):
    with pytest.raises(CommandError) as missing:
        call_command("import_processes", str(tmp_path / "khong-co.xlsx"))
    assert missing.value.returncode == 2 and "Không tìm thấy tệp" in str(missing.value)
    broken = tmp_path / "hong.xlsx"
    broken.write_bytes(b"PK\x03\x04 hong")
    with pytest.raises(CommandError) as unreadable:
        call_command("import_processes", str(broken))
    assert unreadable.value.returncode == 2 and "Không đọc được tệp Excel" in str(unreadable.value)


def test_the_queue_page_offers_the_upload_and_the_sample(controller, version, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        page = controller.get("/kiem-soat-tthc/").content.decode()
    assert "Nhập quy trình nội bộ từ tệp Excel" in page
    assert 'action="/kiem-soat-tthc/nhap-quy-trinh/"' in page and 'enctype="multipart/form-data"' in page
    assert 'href="/kiem-soat-tthc/quy-trinh-mau.xlsx"' in page
    sample = controller.get("/kiem-soat-tthc/quy-trinh-mau.xlsx")
    assert sample.status_code == 200 and b"".join(sample.streaming_content) == SAMPLE_FILE.read_bytes()
    assert "quy_trinh_mau.xlsx" in sample["Content-Disposition"]
    with django_assert_max_num_queries(5):
        assert controller.get("/kiem-soat-tthc/nhap-quy-trinh/").status_code == 200


def test_an_upload_imports_and_shows_the_report(controller, version, officer, django_assert_max_num_queries):
    upload = SimpleUploadedFile("quy_trinh.xlsx", process_workbook(process_rows()).getvalue())
    with django_assert_max_num_queries(30):
        response = controller.post("/kiem-soat-tthc/nhap-quy-trinh/", {"file": upload})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Tạo mới: <strong>1</strong>" in page and "dòng 2–7" in page
    process = InternalProcess.objects.get()
    assert process.published_by == officer and process.created_by == officer

    again = SimpleUploadedFile("quy_trinh.xlsx", process_workbook(process_rows()).getvalue())
    page = controller.post("/kiem-soat-tthc/nhap-quy-trinh/", {"file": again}).content.decode()
    assert "Không đổi: <strong>1</strong>" in page and InternalProcess.objects.count() == 1


def test_an_upload_with_bad_rows_lists_them_and_writes_nothing_for_that_process(controller, version):
    upload = SimpleUploadedFile("quy_trinh.xlsx", process_workbook(_bad_rows()).getvalue())
    page = controller.post("/kiem-soat-tthc/nhap-quy-trinh/", {"file": upload}).content.decode()
    assert "dòng 4: vai trò “Thủ kho” không nhận ra" in page
    assert InternalProcess.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("quy_trinh.pdf", b"%PDF-1.4", "Chỉ nhận tệp .xlsx hoặc .csv"),
        ("quy_trinh.xlsx", b"PK\x03\x04 hong", "Không đọc được tệp Excel"),
        ("quy_trinh.csv", "Mã thủ tục,Bước\n".encode("utf-16"), "UTF-8"),
    ],
)
def test_a_bad_file_is_refused_with_the_reason_next_to_the_field(controller, version, name, content, reason):
    response = controller.post("/kiem-soat-tthc/nhap-quy-trinh/", {"file": SimpleUploadedFile(name, content)})
    assert response.status_code == 400
    page = response.content.decode()
    assert "field-error" in page and reason in page
    assert InternalProcess.objects.count() == 0


def test_only_controllers_may_upload_or_download_the_sample(client, officer, version, province):
    assign(officer, "SPECIALIST", province["justice"])
    client.force_login(officer)
    upload = SimpleUploadedFile("quy_trinh.xlsx", process_workbook(process_rows()).getvalue())
    assert client.post("/kiem-soat-tthc/nhap-quy-trinh/", {"file": upload}).status_code == 403
    assert client.get("/kiem-soat-tthc/nhap-quy-trinh/").status_code == 403
    assert client.get("/kiem-soat-tthc/quy-trinh-mau.xlsx").status_code == 403
    assert InternalProcess.objects.count() == 0
    client.logout()
    assert client.get("/kiem-soat-tthc/nhap-quy-trinh/").status_code == 302  # to the sign-in page
