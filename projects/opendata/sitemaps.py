"""``/sitemap.xml``: an index of the public pages search engines should know — every published
sheet, every official with a public record, every year page. Each section is paged by Django
(50,000 addresses a page), so a large register stays within the protocol's limits."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from ..models import PolicyProject
from .queries import officials_with_public_record


class SheetSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return PolicyProject.objects.published().only(
            "pk", "registration_number", "updated_at").order_by("-registration_year",
                                                                 "-registration_seq")

    def lastmod(self, project):
        return project.updated_at


class OfficialSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return officials_with_public_record().only("pk").order_by("pk")


class YearSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return list(PolicyProject.objects.published().order_by("-registration_year").values_list(
            "registration_year", flat=True).distinct())

    def location(self, year):
        return reverse("year_page", args=[year])


SITEMAPS = {"sheets": SheetSitemap, "officials": OfficialSitemap, "years": YearSitemap}

