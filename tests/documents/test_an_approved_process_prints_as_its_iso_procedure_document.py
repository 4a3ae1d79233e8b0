"""An approved internal process prints, for anyone, as the procedure document a one-stop unit files under TCVN ISO
9001:2015: the same sections in PDF and .docx, the steps table with the total time, and the flow diagram drawn on
the server. A draft (or superseded) process is not public: 404."""

import io

import docx
import pytest
from django.urls import reverse

from motcua.catalog import processes
from motcua.documents.render import flow
from motcua.documents.services import process_manual
from tests.builders.catalog import SEVEN_STEPS, seven_step_process
from tests.builders.documents import docx_text, flat, pdf_text, screenshot_pages

HEADINGS = [
    "1. MỤC ĐÍCH",
    "2. PHẠM VI",
    "3. TÀI LIỆU VIỆN DẪN",
    "4. ĐỊNH NGHĨA, TỪ VIẾT TẮT",
    "5. NỘI DUNG QUY TRÌNH",
    "5.1. Điều kiện, yêu cầu thực hiện",
    "5.2. Thành phần hồ sơ",
    "5.3. Thời hạn giải quyết",
    "5.4. Phí, lệ phí",
    "5.5. Quy trình xử lý công việc",
    "5.6. Lưu đồ quy trình",
    "6. BIỂU MẪU",
    "7. HỒ SƠ CẦN LƯU",
]


def _url(process, fmt):
    return reverse(f"documents_public:process-{fmt}", args=[process.version.procedure.code, process.pk])


def test_the_pdf_has_every_section_step_and_the_total_time(
    client, province, tmp_path, django_assert_num_queries
):
    process = seven_step_process(province)
    url = _url(process, "pdf")
    # the process, units, steps, legal bases, cases, components, channels, fees, results, the unit's place
    with django_assert_num_queries(10):
        response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    disposition = response["Content-Disposition"]
    assert disposition.startswith('inline; filename="Quy-trinh-noi-bo-QT-STP-01-lan-01.pdf"')
    assert "filename*=UTF-8''Quy%20tr%C3%ACnh%20n%E1%BB%99i%20b%E1%BB%99%20QT-STP-01" in disposition

    text = flat(pdf_text(response.content, tmp_path, "process", layout=()))
    for heading in HEADINGS:
        assert heading in text, heading
    for name, *_rest in SEVEN_STEPS:
        assert text.count(name) >= 2, name  # in the steps table and in the diagram's box
    assert "Tổng thời gian giải quyết" in text
    assert "7 ngày làm việc (56 giờ làm việc)" in text
    # the cover and the controlled-document header of the next pages
    assert "QT-STP-01" in text and "Lần ban hành: 01" in text and "Ngày hiệu lực: 01/07/2025" in text
    assert "Trang 2/" in text
    assert "Quyết định số 1234/QĐ-UBND ngày 25/06/2025 của Chủ tịch Ủy ban nhân dân tỉnh" in text
    # references: the version's legal bases, the regime of the effective date, the standard
    assert "68/2020/QH14 Luật Cư trú" in text
    assert "Nghị định số 118/2025/NĐ-CP" in text and "Thông tư số 03/2025/TT-VPCP" in text
    assert "TCVN ISO 9001:2015" in text
    # the diagram's columns: who (role, then unit) and the time, beside each box
    assert "CV thụ lý Phòng Hành chính tư pháp B3. Thẩm định hồ sơ, dự thảo kết quả 4 ngày làm việc" in text
    assert "Bắt đầu" in text and "Kết thúc" in text
    screenshot_pages(response.content, tmp_path, "iso-process", pages=(1, 4))  # the cover; the diagram


def test_the_docx_has_the_steps_table_and_the_diagram_picture(client, province):
    process = seven_step_process(province)
    response = client.get(_url(process, "docx"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith(
        'attachment; filename="Quy-trinh-noi-bo-QT-STP-01-lan-01.docx"'
    )
    document = docx.Document(io.BytesIO(response.content))
    steps_table = next(t for t in document.tables if t.rows[0].cells[0].text == "Bước")
    header = [c.text for c in steps_table.rows[0].cells]
    assert header == ["Bước", "Nội dung công việc", "Trách nhiệm", "Thời gian", "Biểu mẫu/Kết quả"]
    body = [[c.text for c in row.cells] for row in steps_table.rows[1:]]
    assert [row[0] for row in body] == ["1", "2", "3", "4", "5", "6", "7", ""]
    for row, (name, *_rest) in zip(body, SEVEN_STEPS, strict=False):
        assert row[1].startswith(name)
    assert body[2][3] == "4 ngày làm việc"
    # who does each step, where: the counter, the division, the agency's leader, its clerk
    assert body[0][2] == "Công chức BPMC — Trung tâm Phục vụ hành chính công tỉnh"
    assert body[2][2] == "CV thụ lý — Phòng Hành chính tư pháp"
    assert body[4][2] == "LĐ cơ quan — Sở Tư pháp"
    assert body[5][2] == "VT — Sở Tư pháp"
    assert "trả lại bước 3, 4" in body[4][1]
    assert body[-1][1] == "Tổng thời gian giải quyết" and body[-1][3] == "7 ngày làm việc (56 giờ làm việc)"
    text = docx_text(response.content)
    for heading in HEADINGS:
        assert heading in text, heading
    pictures = [s for s in document.inline_shapes]
    assert len(pictures) == 1  # the diagram fits one page
    header = document.sections[0].header.paragraphs[0]
    assert "QT-STP-01" in header.text and 'instr="PAGE"' in header._p.xml.replace("w:instr", "instr")


def test_the_diagram_has_a_box_per_step_and_a_dashed_arrow_per_send_back(province):
    process = seven_step_process(province)
    steps = process_manual.data(process)["flow"]
    (diagram,) = flow.layout(steps, 165.0, 257.0)
    assert sum(1 for b in diagram.boxes if not b.rounded) == 7
    assert sum(1 for b in diagram.boxes if b.rounded) == 2  # start and end
    dashed = [p for p in diagram.paths if p.dashed]
    assert len(dashed) == 4  # 3→2, 4→3, 5→3, 5→4
    for path in dashed:  # each goes right into its lane, then back left into the earlier box
        assert path.points[0][1] > path.points[-1][1]
        assert path.points[1][0] > path.points[0][0] and path.points[-1][0] < path.points[-2][0]
    lanes = {round(p.points[1][0], 2) for p in dashed}
    assert len(lanes) == 2  # 3→2, 4→3 and 5→4 follow each other in one lane; 5→3 spans them: its own
    for a in dashed:  # in a lane, no two arrows run over each other
        for b in dashed:
            if a is not b and round(a.points[1][0], 2) == round(b.points[1][0], 2):
                (a_low, a_high), (b_low, b_high) = (
                    sorted((a.points[1][1], a.points[2][1])),
                    sorted((b.points[1][1], b.points[2][1])),
                )
                assert a_high < b_low or b_high < a_low
    right = max(b.x + b.w for b in diagram.boxes)
    time_column = min(lb.x for lb in diagram.labels if lb.lines == ["Thời gian"])
    assert right < min(lanes) and max(lanes) < time_column


def test_a_long_process_is_cut_into_parts_that_each_fit_a_page(province):
    steps = [
        flow.FlowStep(
            n,
            f"Bước xử lý số {n} " * 3,
            "CV thụ lý\nPhòng chuyên môn",
            "4 giờ làm việc",
            (1,) if n > 1 else (),
        )
        for n in range(1, 25)
    ]
    parts = flow.layout(steps, 165.0, 257.0, first_height=60.0)
    assert len(parts) >= 3
    assert all(d.height <= 257.0 for d in parts)
    assert parts[0].height <= 60.0 or not parts[0].boxes
    assert sum(1 for d in parts for b in d.boxes if not b.rounded) == 24
    # a send-back to step 1 from a later part ends at its lane's top with the target's number
    assert any(lb.lines == ["B1"] for lb in parts[-1].labels)


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_a_draft_or_superseded_process_or_another_procedures_is_not_found(client, province, fmt):
    draft = seven_step_process(province, publish=False)
    assert client.get(_url(draft, fmt)).status_code == 404
    published = processes.publish(
        draft,
        valid_from=draft.version.valid_from,
        decision_number="1/QĐ",
        decision_date=draft.version.valid_from,
        decision_signer="Chủ tịch UBND tỉnh",
    )
    assert client.get(_url(published, fmt)).status_code == 200
    other = reverse(f"documents_public:process-{fmt}", args=["1.000001", published.pk])
    assert client.get(other).status_code == 404
