"""The 등록번호 as the agency wrote it (``2024-05``), beside the year and sequence it stands for."""

import django.utils.timezone
from django.db import migrations, models


def fill_numbers(apps, schema_editor):
    PolicyProject = apps.get_model("projects", "PolicyProject")
    for project in PolicyProject.objects.only("pk", "registration_year", "registration_seq").iterator():
        PolicyProject.objects.filter(pk=project.pk).update(
            registration_number=f"{project.registration_year}-{project.registration_seq}",
        )


class Migration(migrations.Migration):

    dependencies = [
        ("projects", "0005_search_text_and_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="policyproject",
            name="registration_number",
            field=models.CharField(max_length=12, null=True, verbose_name="등록번호"),
        ),
        migrations.RunPython(fill_numbers, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="policyproject",
            name="registration_number",
            field=models.CharField(
                help_text="사업내역서에 적힌 그대로(연도-순번). 예: 2023-13, 2024-05",
                max_length=12, verbose_name="등록번호",
            ),
        ),
        migrations.AlterField(
            model_name="policyproject",
            name="registration_year",
            field=models.PositiveSmallIntegerField(
                editable=False, help_text="등록번호에서 읽은 연도(정렬·중복 확인용). 예: 2023",
                verbose_name="등록연도",
            ),
        ),
        migrations.AlterField(
            model_name="policyproject",
            name="registration_seq",
            field=models.PositiveSmallIntegerField(
                editable=False,
                help_text="등록번호에서 읽은 순번(정렬·중복 확인용). 2024-05와 2024-5는 같은 번호입니다. 예: 5",
                verbose_name="등록순번",
            ),
        ),
        migrations.AlterField(
            model_name="policyproject",
            name="updated_at",
            field=models.DateTimeField(
                default=django.utils.timezone.now, editable=False,
                help_text="사업내역서 내용이 마지막으로 바뀐 때(바뀐 것 없이 저장하면 그대로). 예: 2024-01-15 14:00",
                verbose_name="최종 수정일",
            ),
        ),
    ]
