"""The two staff roles as groups with their permissions (issue 6).

- 사업부서 담당자: adds and edits the sheets of their own departments (Department.staff);
  cannot publish, withdraw or delete; sees departments, officials and criteria to pick them.
- 정책실명제 총괄: edits every sheet, publishes and withdraws, deletes drafts, and manages
  departments (and who staffs them), officials and selection criteria.
Re-running is harmless: permissions are set, not appended.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

DEPARTMENT_STAFF = "사업부서 담당자"
COORDINATOR = "정책실명제 총괄"

SHEET_ROWS = [
    ("projects", "outlineitem"), ("projects", "projectofficial"),
    ("timeline", "phase"), ("timeline", "phaseitem"), ("timeline", "phaseofficial"),
]
REFERENCE = [("projects", "department"), ("projects", "official"), ("projects", "selectioncriterion")]


def codenames(app_model, actions):
    app, model = app_model
    return [(app, f"{action}_{model}") for action in actions]


def permissions_of_roles():
    staff = [("projects", "add_policyproject"), ("projects", "change_policyproject"),
             ("projects", "view_policyproject")]
    for row in SHEET_ROWS:
        staff += codenames(row, ["add", "change", "delete", "view"])
    for ref in REFERENCE:
        staff += codenames(ref, ["view"])
    coordinator = [*staff, ("projects", "delete_policyproject"),
                   ("projects", "publish_policyproject"), ("projects", "change_any_department")]
    for ref in REFERENCE:
        coordinator += codenames(ref, ["add", "change", "delete"])
    return {DEPARTMENT_STAFF: staff, COORDINATOR: coordinator}


def create_groups(apps, schema_editor):
    for app_config in apps.get_app_configs():  # permissions are normally made after migrate
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, perms in permissions_of_roles().items():
        group, _ = Group.objects.get_or_create(name=name)
        wanted = [Permission.objects.get(content_type__app_label=app, codename=codename)
                  for app, codename in perms]
        group.permissions.set(wanted)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[DEPARTMENT_STAFF, COORDINATOR]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("projects", "0003_publication_history_and_department_staff"),
        ("timeline", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
