"""Intake reads the cases, components and channel options of the version in force on every request; a published
version never changes, so they are read once per process. Drafts are always read fresh."""

import datetime as dt

import pytest

from motcua.catalog import services
from tests.builders.catalog import draft_procedure, published_procedure

pytestmark = pytest.mark.django_db


def test_published_content_is_read_once(django_assert_num_queries):
    version = published_procedure(valid_from=dt.date(2025, 7, 1))
    first = services.published_content(version)
    assert first.cases and first.components[first.cases[0].pk] and first.channel_options
    with django_assert_num_queries(0):
        again = services.published_content(version)
    assert again is first


def test_a_draft_is_read_every_time(django_assert_num_queries):
    draft = draft_procedure()
    services.published_content(draft)
    with django_assert_num_queries(4):  # cases, components, channel options, fees
        services.published_content(draft)
