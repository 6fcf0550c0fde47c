"""Atom feeds of published sheets, their alternate links, /sitemap.xml and /robots.txt."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from lxml import etree

from projects.models import Department, Official
from tests.factories import PolicyProjectFactory, ProjectOfficialFactory
from tests.writes import edit_sheet

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def atom(client, url) -> etree._Element:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = etree.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):  # RFC 4287 4.1.1
        assert feed.find(f"{ATOM}{required}") is not None
    for entry in feed.iter(f"{ATOM}entry"):
        for required in ("id", "title", "updated"):  # RFC 4287 4.1.2
            assert entry.find(f"{ATOM}{required}") is not None
        assert entry.findtext(f"{ATOM}id").startswith("http://testserver/")  # an IRI
        assert entry.find(f"{ATOM}link[@rel='alternate']") is not None
    return feed


def entries(feed) -> list[dict]:
    return [{
        "title": entry.findtext(f"{ATOM}title"),
        "link": entry.find(f"{ATOM}link").get("href"),
        "summary": entry.findtext(f"{ATOM}summary"),
        "id": entry.findtext(f"{ATOM}id"),
    } for entry in feed.iter(f"{ATOM}entry")]


def test_projects_feed_lists_published_sheets_newest_change_first(client, demo):
    edit_sheet(demo["2022-5"], comment="추진내용에 <안심귀갓길> 2단계 추가")
    found = entries(atom(client, reverse("feed_projects")))
    assert len(found) == 5
    assert found[0]["title"] == "2022-5 스마트 안심 귀갓길 조성(완료)"
    assert found[0]["link"] == "http://testserver/projects/2022-5/"
    assert found[0]["summary"].startswith("추진내용에 &lt;안심귀갓길&gt; 2단계 추가")  # text, escaped
    assert all("2025-4" not in entry["link"] for entry in found)  # unpublished


def test_a_new_version_is_a_new_entry_id(client, seed_project):
    before = {e["link"]: e["id"] for e in entries(atom(client, reverse("feed_projects")))}
    edit_sheet(seed_project, comment="담당자 변경")
    after = {e["link"]: e for e in entries(atom(client, reverse("feed_projects")))}
    seed = after["http://testserver/projects/2023-13/"]
    assert seed["id"] != before["http://testserver/projects/2023-13/"]
    assert seed["summary"].startswith("담당자 변경")


def test_department_and_official_feeds_hold_only_their_sheets(client, demo):
    welfare = Department.objects.get(name="복지정책과")
    found = entries(atom(client, reverse("feed_department", args=[welfare.pk])))
    assert [e["link"] for e in found] == ["http://testserver/projects/2023-13/"]
    official = Official.objects.get(name="엄태섭")
    found = entries(atom(client, reverse("feed_official", args=[official.pk])))
    assert [e["link"] for e in found] == ["http://testserver/projects/2023-13/"]


def test_an_official_only_on_a_draft_has_no_feed(client, db):
    hidden = ProjectOfficialFactory(project=PolicyProjectFactory()).official
    assert client.get(reverse("feed_official", args=[hidden.pk])).status_code == 404
    assert client.get(reverse("feed_department", args=[987654])).status_code == 404


def test_feed_query_count_does_not_grow(client, db):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            client.get(reverse("feed_projects"))
        return len(captured)

    PolicyProjectFactory.create_batch(2, published_at=timezone.now())
    queries()  # warms Django's content type cache (the revisions' type, looked up once a process)
    few = queries()
    PolicyProjectFactory.create_batch(6, published_at=timezone.now())
    assert queries() == few


def alternates(html: bytes) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    return [link["href"] for link in soup.select("head link[rel=alternate][type='application/atom+xml']")]


def test_pages_announce_their_feeds(client, demo):
    assert alternates(client.get(reverse("register")).content) == [reverse("feed_projects")]
    welfare = Department.objects.get(name="복지정책과")
    filtered = client.get(reverse("register"), {"department": welfare.pk}).content
    assert reverse("feed_department", args=[welfare.pk]) in alternates(filtered)
    official = Official.objects.get(name="이춘배")
    page = client.get(official.get_absolute_url()).content
    assert alternates(page) == [reverse("feed_official", args=[official.pk])]


def test_sitemap_index_lists_every_published_sheet_and_official_page(client, demo):
    index = etree.fromstring(client.get(reverse("sitemap_index")).content)
    locations = []
    for sitemap in index.iter(f"{SITEMAP}loc"):
        section = client.get(sitemap.text.replace("http://testserver", ""))
        assert section.status_code == 200
        locations += [loc.text for loc in etree.fromstring(section.content).iter(f"{SITEMAP}loc")]
    assert "http://testserver/projects/2023-13/" in locations
    assert "http://testserver/projects/2025-4/" not in locations  # unpublished
    official = Official.objects.get(name="이춘배")
    assert f"http://testserver{official.get_absolute_url()}" in locations


def test_robots_txt_points_to_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines


def test_sitemap_sections_query_count_does_not_grow(client, db):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            for section in ("sheets", "officials", "years"):
                assert client.get(f"/sitemap-{section}.xml").status_code == 200
        return len(captured)

    for _ in range(2):
        ProjectOfficialFactory(project=PolicyProjectFactory(published_at=timezone.now()))
    few = queries()
    for _ in range(6):
        ProjectOfficialFactory(project=PolicyProjectFactory(published_at=timezone.now()))
    assert queries() == few
