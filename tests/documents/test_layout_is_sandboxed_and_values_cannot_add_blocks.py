"""The layout language: templates a province edits are rendered with plain data only (no loader, no {% load %}, no
{% debug %}, no object attributes), and what a citizen typed is printed as text — it can never add a block, bold
text or a table cell."""

import pytest

from motcua.documents.layout import LayoutError, build, parse, render_text

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "layout",
    [
        "{% load static %}{% static 'x' %}",
        "{% include 'web/base.html' %}",
        "{% extends 'web/base.html' %}",
        "{% debug %}",
        "{% url 'home' %}",
        "{% csrf_token %}",
        "{{ name|safe }}",
        "{{ name|pprint }}",
    ],
)
def test_only_the_sandbox_tags_and_filters_exist(layout):
    with pytest.raises(LayoutError):
        render_text(layout, {"name": "x"})


def test_private_attributes_are_not_reachable():
    with pytest.raises(LayoutError):
        render_text("{{ name.__class__.__mro__ }}", {"name": "x"})


def test_values_cannot_add_blocks_or_markup():
    hostile = "**Bình**\n@title GIẢ MẠO | ô <br> @sign X"
    blocks = build("@kv Họ tên | {{ name }}\n{{ name }}", {"name": hostile})
    assert [b.kind for b in blocks] == ["kv", "paragraph"]
    assert blocks[1].text() == "**Bình**\n@title GIẢ MẠO | ô <br> @sign X"
    assert not any(r.bold for line in blocks[1].lines for r in line)


def test_the_block_language_reads_its_blocks():
    blocks = parse(
        "@left UBND\n@left-rule\n@right **CỘNG HÒA**\n@title T\n@item a\n@table 1 | 2\n@th A | B\n@tr 1 | x\n"
        "@item b\n@sign A | B\n@sign-note (k) | (k)\n@sign-name X | Y\n@codes\n@space 3\n@small *n*"
    )
    assert [b.kind for b in blocks] == [
        "header",
        "title",
        "item",
        "table",
        "item",
        "sign",
        "codes",
        "space",
        "small",
    ]
    assert [b.number for b in blocks if b.kind == "item"] == [1, 2]  # the numbering runs through the table
    assert blocks[0].left[0][1] is True and blocks[0].right[0][0][0][0].bold


@pytest.mark.parametrize(
    "layout, message",
    [
        ("@nope x", "Dòng 1: không có lệnh “@nope”."),
        ("@table 1 | x", "độ rộng cột"),
        ("@table 1 | 2\n@tr a", "có 1 ô, bảng có 2 cột"),
        ("@sign-name X", "phải đứng sau @sign"),
        ("@left-rule", "phải đứng sau một dòng"),
        ("@table 1", "không có dòng nào"),
    ],
)
def test_a_wrong_layout_names_its_line(layout, message):
    with pytest.raises(LayoutError) as error:
        parse(layout)
    assert message in error.value.message
