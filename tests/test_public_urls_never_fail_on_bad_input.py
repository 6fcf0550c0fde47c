"""Every public address answers a malformed query string or path with a page or a 4xx, never a
500: page numbers that are not numbers, years with eleven digits, a 10,000-character search,
registration numbers that cannot exist."""

import pytest

LONG = "가" * 10_000

#: Each public address with the query strings a careless link or a hostile client sends.
BAD_URLS = [
    "/?page=abc", "/?page=-1", "/?page=0", "/?page=99999999999999999999", "/?year=99999999999",
    "/?year=abc", "/?year=-5", "/?q=" + LONG, "/?q=%00", "/?department=abc", "/?department=99999999999999999999",
    "/?criterion=abc", "/?status=%FF", "/?sort=drop", "/?page=1&page=2&year=2023&year=x",
    "/?q=%ED%95", "/?q=" + "%" * 50,
    "/projects/9999-99999999/", "/projects/0-0/", "/projects/abc/", "/projects/2023-13%00/",
    "/projects/9999-99999999.pdf", "/projects/9999-99999999.hwpx", "/projects/2023-13.pdf?annex=abc",
    "/projects/2023-13/history/99999999999999999999/", "/projects/2023-13/history/?page=abc",
    "/projects/2023-13/meetings/99999999999999999999/",
    "/projects/2023-13/documents/99999999999999999999/",
    "/projects/99999-1/meetings/1/", "/projects/99999-1/documents/1/",
    "/officials/99999999999999999999/", "/officials/1/?page=abc",
    "/years/0/", "/years/0.pdf", "/years/99999999999/", "/years/99999999999.pdf", "/years/-1/",
    "/projects.csv?page=abc&year=99999999999&q=" + LONG, "/projects.xlsx?year=abc",
    "/projects.json?department=abc", "/phases.csv?year=99999999999", "/phases.xlsx?q=%00",
    "/feeds/departments/99999999999999999999/", "/feeds/officials/99999999999999999999/",
    "/feeds/projects/?page=abc",
    "/sitemap.xml?p=abc", "/sitemap-projects.xml?p=abc", "/sitemap-projects.xml?p=-1",
    "/sitemap-nothing.xml", "/sitemap-projects.xml?p=99999999999",
    "/api/projects/?page=-1", "/api/projects/?page=abc", "/api/projects/?page=99999999999",
    "/api/projects/?year=99999999999", "/api/projects/?q=" + LONG, "/api/projects/?page_size=-1",
    "/api/projects/?department=abc", "/api/projects/?ordering=password",
    "/api/projects/9999-99999999/", "/api/projects/%00/",
    "/api/officials/99999999999999999999/", "/api/officials/?page=abc",
    "/api/departments/99999999999999999999/", "/api/criteria/99999999999999999999/",
    "/api/schema/?format=abc", "/api/docs/?x=%00",
    "/apply/?policy=" + LONG, "/apply/status/?number=" + LONG,
    "/apply/receipt/abc/", "/apply/receipt/" + "a" * 500 + "/",
    "/applications/?year=99999999999", "/applications/?year=abc", "/applications/?page=abc",
    "/applications/?page=-1", "/about/?x=%00",
]


@pytest.mark.parametrize("url", BAD_URLS, ids=lambda url: url[:60])
def test_a_malformed_address_is_answered_without_a_server_error(demo, client, url):
    client.raise_request_exception = False
    response = client.get(url)
    assert response.status_code < 500, (url[:80], response.status_code)


GOOD_URLS = ["/", "/about/", "/projects/2023-13/", "/projects/2023-13.pdf", "/projects/2023-13.hwpx",
             "/projects/2023-13/history/", "/projects.csv", "/projects.xlsx", "/phases.json",
             "/data/datapackage.json", "/feeds/projects/", "/sitemap.xml", "/robots.txt",
             "/years/2023/", "/api/projects/", "/api/projects/2023-13/", "/api/schema/",
             "/applications/", "/apply/", "/apply/status/"]


@pytest.mark.parametrize("method", ["post", "put", "delete", "options", "head", "patch"])
def test_other_methods_are_answered_without_a_server_error(demo, client, method):
    client.raise_request_exception = False
    for url in GOOD_URLS:
        response = getattr(client, method)(url)
        assert response.status_code < 500, (method, url, response.status_code)


@pytest.mark.parametrize("headers", [
    {"HTTP_IF_NONE_MATCH": "garbage, W/\"", "HTTP_IF_MODIFIED_SINCE": "yesterday"},
    {"HTTP_IF_MODIFIED_SINCE": "Mon, 99 Foo 99999 99:99:99 GMT", "HTTP_RANGE": "bytes=-1-"},
    {"HTTP_ACCEPT": "application/xml;q=abc", "HTTP_ACCEPT_LANGUAGE": "x" * 5000},
    {"HTTP_X_FORWARDED_FOR": "not-an-address, ::::", "HTTP_USER_AGENT": "\x00"},
], ids=["etags", "dates", "accept", "forwarded"])
def test_odd_request_headers_are_answered_without_a_server_error(demo, client, headers):
    client.raise_request_exception = False
    for url in GOOD_URLS:
        response = client.get(url, **headers)
        assert response.status_code < 500, (url, headers, response.status_code)
