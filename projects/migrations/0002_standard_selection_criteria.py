"""Seed ⑦ 선정기준 with the six standard criteria for a 시·군·구 (editable afterwards)."""

from django.db import migrations

STANDARD_CRITERIA = [
    ("구정주요현안", "주요 구정현안 사업"),
    ("10억원 이상의 예산이 투입되는 공사 또는 사업", "10억원 이상의 예산이 투입되는 공사 또는 사업"),
    ("5천만원 이상의 연구·용역 사업", "5천만원 이상의 연구·용역 사업"),
    ("다수 구민과 관련된 자치법규 제정·개정·폐지", "다수 구민과 관련된 자치법규 제정·개정·폐지"),
    ("국민신청사업", "국민이 신청한 사업 (국민신청실명제)"),
    ("그 밖에 중점관리가 필요한 사업", "그 밖에 중점관리가 필요한 사업"),
]


def seed(apps, schema_editor):
    criterion = apps.get_model("projects", "SelectionCriterion")
    for order, (short_name, description) in enumerate(STANDARD_CRITERIA, start=1):
        criterion.objects.get_or_create(
            short_name=short_name, defaults={"description": description, "order": order}
        )


def unseed(apps, schema_editor):
    criterion = apps.get_model("projects", "SelectionCriterion")
    criterion.objects.filter(
        short_name__in=[s for s, _ in STANDARD_CRITERIA], projects__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("projects", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
