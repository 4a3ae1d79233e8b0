"""Issue 8, quality: no public or citizen page weighs more than 200 KB — its HTML plus every stylesheet, script and
image it links from the application's static files (htmx included), as a phone would download them on a first
visit with an empty cache."""

import re

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

from tests.builders.portal import make_citizen

pytestmark = pytest.mark.django_db

LIMIT = 200 * 1024
ASSET = re.compile(r'(?:href|src)="(/%s[^"?#]+)' % re.escape(settings.STATIC_URL.strip("/")))

PUBLIC = [
    "/",
    "/thu-tuc/",
    "/tra-cuu/",
    "/dang-nhap/",
    "/tai-khoan/dang-ky/",
    "/phan-anh-kien-nghi/",
    "/phan-anh-kien-nghi/gui/",
    "/cong-khai/",
    "/co-quan/",
]
CITIZEN = ["/ho-so-cua-toi/", "/ho-so-cua-toi/kho-du-lieu/", "/nop-ho-so/", "/tai-khoan/ca-nhan/"]


def weight(response) -> tuple[int, dict[str, int]]:
    html = response.content.decode()
    assets = {}
    for url in sorted(set(ASSET.findall(html))):
        path = finders.find(url.removeprefix("/" + settings.STATIC_URL.lstrip("/")))
        assert path, f"{url} is linked but is not a static file"
        with open(path, "rb") as f:
            assets[url] = len(f.read())
    return len(response.content) + sum(assets.values()), assets


@pytest.mark.parametrize("url", PUBLIC)
def test_public_pages_stay_under_200_kb(client, url):
    response = client.get(url)
    assert response.status_code == 200
    total, assets = weight(response)
    assert total <= LIMIT, (url, total, assets)
    assert any(a.endswith(".css") for a in assets)  # the stylesheet was found and counted


@pytest.mark.parametrize("url", CITIZEN)
def test_citizen_pages_stay_under_200_kb(client, province, django_user_model, url):
    client.force_login(make_citizen(django_user_model, "cd.binh"))
    response = client.get(url)
    assert response.status_code == 200
    total, assets = weight(response)
    assert total <= LIMIT, (url, total, assets)
