"""The shared workflow core (``motcua.core.workflow``) on a tiny table of its own: a row is found by its action and
by the status it starts from; an unknown action, a row applied in the wrong state and a missing input are refused
with the domain's error, kind and words, naming the rule; the row type takes a domain's own columns."""

from dataclasses import FrozenInstanceError, dataclass

import pytest
from django.db import models

from motcua.core import workflow
from motcua.core.rules import RuleError
from motcua.core.workflow import NEW


class Door(models.TextChoices):
    OPEN = "open", "Mở"
    SHUT = "shut", "Đóng"
    LOCKED = "locked", "Khóa"


class DoorError(RuleError):
    """The tiny domain's own refusal."""


@dataclass(frozen=True, kw_only=True)
class Row(workflow.Transition):
    noise: str = ""  # a domain's own column


ROWS = (
    Row("D1", "build", "Lắp cửa", frozenset({NEW}), Door.SHUT, frozenset({"carpenter"})),
    Row("D2", "open", "Mở cửa", frozenset({Door.SHUT}), Door.OPEN, frozenset({"anyone"}), noise="kẹt"),
    Row("D3", "shut", "Đóng cửa", frozenset({Door.OPEN}), Door.SHUT, frozenset({"anyone"})),
    Row("D4", "oil", "Tra dầu", frozenset({Door.OPEN, Door.SHUT}), None, frozenset({"anyone"}), ("oil",)),
)
TABLE = workflow.Table(
    ROWS,
    statuses=Door,
    unknown_action="Không có thao tác “%(action)s” với cửa.",
    wrong_state="%(rule)s “%(label)s”: chỉ khi cửa %(allowed)s; cửa đang “%(state)s”.",
    new="chưa lắp",
    nothing="chưa có cửa",
)


def test_a_row_is_found_by_its_action_and_by_the_state_it_starts_from():
    assert TABLE.row("open") is ROWS[1] and TABLE.by_action["shut"] is ROWS[2]
    assert [r.action for r in TABLE.available(NEW)] == ["build"]
    assert [r.action for r in TABLE.available(Door.SHUT)] == ["open", "oil"]
    assert TABLE.available(Door.LOCKED) == []
    assert ROWS[1].noise == "kẹt" and ROWS[3].requires == ("oil",)


def test_a_row_moves_to_its_target_or_keeps_the_state():
    assert ROWS[1].next_status(Door.SHUT) == Door.OPEN
    assert ROWS[3].next_status(Door.OPEN) == Door.OPEN
    with pytest.raises(FrozenInstanceError):
        ROWS[0].target = Door.OPEN


def test_an_unknown_action_is_refused_with_the_domains_error():
    with pytest.raises(DoorError) as refused:
        TABLE.row("fly", DoorError)
    assert (refused.value.kind, refused.value.http_status) == ("unknown_action", 404)
    assert refused.value.message == "Không có thao tác “fly” với cửa."


def test_the_source_state_is_accepted():
    TABLE.check_state(ROWS[1], Door.SHUT, DoorError)
    TABLE.check_state(ROWS[0], NEW, DoorError)


def test_the_wrong_state_is_refused_naming_the_rule_the_allowed_states_and_the_current_one():
    with pytest.raises(DoorError) as refused:
        TABLE.check_state(ROWS[3], Door.LOCKED, DoorError)
    error = refused.value
    assert (error.kind, error.rule, error.http_status) == ("wrong_state", "D4", 409)
    # the allowed states in the order of their values, named by their labels
    assert error.message == "D4 “Tra dầu”: chỉ khi cửa Mở, Đóng; cửa đang “Khóa”."


def test_a_row_that_creates_refuses_an_existing_item_and_a_row_that_needs_one_refuses_none():
    with pytest.raises(RuleError) as existing:
        TABLE.check_state(ROWS[0], Door.OPEN)
    assert existing.value.message == "D1 “Lắp cửa”: chỉ khi cửa chưa lắp; cửa đang “Mở”."
    with pytest.raises(RuleError) as none:
        TABLE.check_state(ROWS[1], NEW)
    assert none.value.message == "D2 “Mở cửa”: chỉ khi cửa Đóng; cửa đang “chưa có cửa”."


def test_a_missing_or_blank_input_is_refused_naming_the_rule_and_the_input():
    workflow.require_inputs(ROWS[3], {"oil": "dầu máy"}, {"oil": "loại dầu"}, DoorError)
    for inputs in ({}, {"oil": "  "}, {"oil": None}):
        with pytest.raises(DoorError) as refused:
            workflow.require_inputs(ROWS[3], inputs, {"oil": "loại dầu"}, DoorError)
        assert (refused.value.kind, refused.value.field, refused.value.rule) == ("missing_input", "oil", "D4")
        assert refused.value.message == "D4 “Tra dầu”: thiếu loại dầu."


def test_a_table_refuses_two_rows_for_one_action():
    with pytest.raises(ValueError, match="duplicate action"):
        workflow.Table(
            ROWS + (ROWS[0],), statuses=Door, unknown_action="", wrong_state="", new="", nothing=""
        )


def test_an_outcome_holds_the_item_its_entry_and_the_row():
    outcome = workflow.Outcome("cửa", "mục nhật ký", ROWS[1])
    assert (outcome.item, outcome.entry, outcome.transition) == ("cửa", "mục nhật ký", ROWS[1])
