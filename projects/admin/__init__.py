"""The staff side: one module per concern.

- ``project``: the project admin, composed of the mixins below; every save goes through the write
  door (``projects.writing``);
- ``forms``, ``inlines``: the sheet's change form and its nested rows (own rows only);
- ``scope``: what a user may list, open and change (``projects.scope``);
- ``publication``, ``history``, ``importing``, ``preview``: publishing, revisions, the import
  with its preview, the sheet preview and PDFs;
- ``shared``: departments, officials and criteria (rows many sheets share);
- ``records``: opinions, documents and meetings of a sheet (제63조), the 책임관, 심의 results.
- ``applications``: the 국민신청 review queue (state changes only through the service).
"""

from django.contrib import admin

from . import applications, project, records, shared  # noqa: F401  (registers the admins)

admin.site.site_header = "정책실명제 관리"
admin.site.site_title = "정책실명제 관리"
admin.site.index_title = "사업내역서 관리"
