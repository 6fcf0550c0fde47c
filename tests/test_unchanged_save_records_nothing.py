"""Saving a sheet's change page without changing anything records nothing: no new version, no
entry in the public history, the same PDF (its ETag still answers 304)."""

import pytest
import reversion

from projects.admin.project import UNCHANGED_MESSAGE
from projects.models import PolicyProject
from tests.sheet_builders import project_with_phases
from tests.staff import COORDINATOR, change_url, client_for, load_form, staff_user

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("comment", ["", "확인만 했습니다"])
def test_an_unchanged_save_adds_no_revision_and_keeps_the_pdf(client, comment):
    project = project_with_phases(3)
    staff = client_for(staff_user("coordinator", COORDINATOR))
    pdf = client.get(f"/projects/{project.registration_number}.pdf")
    before = PolicyProject.objects.values("version", "updated_at").get(pk=project.pk)
    revisions = reversion.models.Version.objects.get_for_object(project).count()

    data = load_form(staff, project)
    data["revision_comment"] = [comment]
    response = staff.post(change_url(project), data, follow=True)

    assert response.redirect_chain and response.status_code == 200
    assert UNCHANGED_MESSAGE in response.content.decode()
    assert PolicyProject.objects.values("version", "updated_at").get(pk=project.pk) == before
    assert reversion.models.Version.objects.get_for_object(project).count() == revisions
    again = client.get(f"/projects/{project.registration_number}.pdf",
                       headers={"If-None-Match": pdf["ETag"]})
    assert again.status_code == 304
    history = client.get(f"/projects/{project.registration_number}/history/").content.decode()
    assert "변경된 필드가 없습니다" not in history


def test_a_changed_save_is_one_revision_and_a_new_pdf(client):
    project = project_with_phases(2)
    staff = client_for(staff_user("coordinator", COORDINATOR))
    pdf = client.get(f"/projects/{project.registration_number}.pdf")
    revisions = reversion.models.Version.objects.get_for_object(project).count()
    data = load_form(staff, project)
    data["phases-1-heading"] = ["고친 단계 제목"]
    assert staff.post(change_url(project), data).status_code == 302
    assert reversion.models.Version.objects.get_for_object(project).count() == revisions + 1
    again = client.get(f"/projects/{project.registration_number}.pdf",
                       headers={"If-None-Match": pdf["ETag"]})
    assert again.status_code == 200 and again["ETag"] != pdf["ETag"]
