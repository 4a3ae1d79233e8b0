"""The whole VNeID journey over real HTTP against the live server with the mock provider: the browser's
requests and the server-to-server ones (discovery, token, JWKS, userinfo) go through sockets."""

import http.cookiejar
import re
import urllib.parse
import urllib.request

import pytest

from motcua.accounts.models import Citizen


@pytest.mark.django_db(transaction=True)
def test_mock_vneid_over_http(live_server, settings, mock_key_file):
    settings.MOTCUA_OIDC_MOCK = True
    settings.MOTCUA_OIDC_ISSUER = ""
    settings.MOTCUA_PUBLIC_URL = live_server.url
    settings.MOTCUA_OIDC_CLIENT_ID = settings.MOTCUA_OIDC_CLIENT_SECRET = ""
    settings.MOTCUA_OIDC_MOCK_KEY_FILE = mock_key_file
    jar = http.cookiejar.CookieJar()
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    with browser.open(live_server.url + "/dang-nhap/vneid/") as page:
        authorize_url, html = page.geturl(), page.read().decode()
    assert authorize_url.startswith(live_server.url + "/mock-vneid/authorize/")
    assert "VNeID giả lập — chỉ để thử nghiệm" in html
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html))
    fields = {k: v.replace("&amp;", "&") for k, v in fields.items()}
    fields["choice"] = "2"
    body = urllib.parse.urlencode(fields).encode()
    with browser.open(urllib.request.Request(authorize_url, data=body)) as landed:
        assert landed.geturl() == live_server.url + "/"

    citizen = Citizen.objects.get()
    assert citizen.full_name == "Lê Thị Dung" and citizen.id_verified
    assert citizen.oidc_issuer == live_server.url + "/mock-vneid"
