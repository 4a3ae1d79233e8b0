"""The rules of :mod:`motcua.core.people` for the API schemas (django-ninja / pydantic): a bad value is a 422 whose
``loc`` names the field and whose ``msg`` is the Vietnamese message (the ``type`` is the rule's code); a good one
reaches the service already normalised (NFC name, phone as digits).

Use the annotated types on plain fields (``phone: PhoneIn = Field("", max_length=20)``) and
:func:`id_number_for_kind` / :func:`birth_date_for_id` in a schema's field validators for the rules that read
another field (the kind of applicant, the ID number)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from django.core.exceptions import ValidationError
from pydantic import AfterValidator
from pydantic_core import PydanticCustomError

from motcua.core import people


def as_pydantic(check):
    """``check`` (raising Django's ValidationError) as a pydantic validator (raising its custom error)."""

    def run(value):
        try:
            return check(value)
        except ValidationError as exc:
            first = exc.error_list[0] if hasattr(exc, "error_list") else exc
            raise PydanticCustomError(first.code or "invalid", str(exc.messages[0])) from None

    return run


PhoneIn = Annotated[str, AfterValidator(as_pydantic(people.normalise_phone))]
AddressIn = Annotated[str, AfterValidator(as_pydantic(people.normalise_address))]
BirthDateIn = Annotated[dt.date | None, AfterValidator(as_pydantic(people.validate_birth_date))]


def id_number_for_kind(value: str, kind: str | None) -> str:
    """For a field validator of ``id_number`` (``kind`` from ``info.data``)."""
    return as_pydantic(lambda v: people.validate_id_number(v, kind or people.CITIZEN_KIND))(value)


def name_of(value: str, *, person: bool) -> str:
    """For a field validator of a name (``person``: a person's, else an organisation's: the messages differ)."""
    return as_pydantic(lambda v: people.normalise_name(v, person=person))(value)


def person_name_for_kind(value: str, kind: str | None) -> str:
    return name_of(value, person=(kind or people.CITIZEN_KIND) == people.CITIZEN_KIND)


def birth_date_for_id(value: dt.date | None, kind: str | None, id_number: str | None) -> dt.date | None:
    """For a field validator of ``birth_date`` declared after ``id_number``: the year agrees with the number."""
    if value is not None and (kind or people.CITIZEN_KIND) == people.CITIZEN_KIND and id_number:
        as_pydantic(lambda v: people.check_birth_year(id_number, v))(value)
    return value
