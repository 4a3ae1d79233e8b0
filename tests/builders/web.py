"""Pages read in a chosen language, for tests."""


def in_language(client, language):
    """``client`` with the language cookie set (``vi``, ``en``)."""
    client.cookies["django_language"] = language
    return client


def page(client, url):
    """The HTML of ``url``, which must answer 200."""
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()
