"""The people of the demo data and of the shared test fixtures follow ``core.people`` (the generator's applicants
are checked in ``tests/demo/test_generate_dossiers_is_realistic.py``): demo data that breaks the rules would
teach officers the wrong formats and hide bugs of the validators."""

import datetime as dt
import json
from pathlib import Path

from motcua.accounts.mock_idp.identities import DEMO_IDENTITIES
from motcua.core import people
from motcua.demo import feedback as feedback_demo
from motcua.documents import official_forms
from motcua.documents.services import samples

DEMO_PROVINCE = Path(people.__file__).parent.parent / "demo" / "data" / "province.json"


def test_the_mock_vneid_identities_are_valid_people():
    for identity in DEMO_IDENTITIES:
        values = people.check_person(
            name=identity["name"],
            id_number=identity["id_number"],
            birth_date=dt.date.fromisoformat(identity["birthdate"]),
            phone=identity["phone"],
        )
        assert values["name"] == identity["name"] and values["phone"] == identity["phone"]


def test_the_demo_pakn_senders_are_valid_people():
    for name, address, phone in feedback_demo.SENDERS:
        assert people.normalise_name(name) == name
        assert people.normalise_address(address) == address
        assert people.normalise_phone(phone) == phone


def test_the_sample_form_person_and_the_demo_officers_names_are_valid():
    person = samples.sample(official_forms.TEMPLATED[0])["applicant"]
    people.check_person(
        name=person["name"],
        id_number=person["id_number"],
        birth_date=dt.datetime.strptime(person["birth_date"], "%d/%m/%Y").date(),
        phone=person["phone"],
        address=person["address"],
    )
    for officer in json.loads(DEMO_PROVINCE.read_text(encoding="utf-8"))["officers"]:
        assert people.normalise_name(officer["name"]) == officer["name"]
