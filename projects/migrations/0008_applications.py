"""국민신청실명제: applications, their state log, notifications, the receipt counter and the
editable list of 반려 사유 seeded with the statutory reasons; the 정책실명제 총괄 group may review
applications (and see applicants' contact details), the 사업부서 담당자 group may only view them.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


REJECTION_REASONS = [
    "정보공개법상 비공개 대상 정보",
    "단순 민원",
    "신청 내용 불명확",
    "이미 공개된 사업",
]
DEPARTMENT_STAFF = "사업부서 담당자"
COORDINATOR = "정책실명제 총괄"
ROLE_PERMISSIONS = {
    COORDINATOR: [
        "review_application", "view_application", "change_application",
        "view_applicationstatechange", "view_notification",
        "add_rejectionreason", "change_rejectionreason", "delete_rejectionreason",
        "view_rejectionreason",
    ],
    DEPARTMENT_STAFF: ["view_application", "view_applicationstatechange"],
}


def seed_rejection_reasons(apps, schema_editor):
    RejectionReason = apps.get_model("projects", "RejectionReason")
    for order, name in enumerate(REJECTION_REASONS, start=1):
        RejectionReason.objects.get_or_create(name=name, defaults={"order": order})


def grant_review(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("projects")  # permissions are normally made after migrate
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*Permission.objects.filter(
            content_type__app_label="projects", codename__in=codenames,
        ))


def revoke_review(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=ROLE_PERMISSIONS):
        group.permissions.remove(*Permission.objects.filter(
            content_type__app_label="projects", codename__in=ROLE_PERMISSIONS[group.name],
        ))


class Migration(migrations.Migration):

    dependencies = [
        ('projects', '0007_records'),
        ('projects', '0004_staff_groups'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='ReceiptCounter',
            fields=[
                ('year', models.PositiveSmallIntegerField(help_text='예: 2026', primary_key=True, serialize=False, verbose_name='연도')),
                ('last_seq', models.PositiveIntegerField(default=0, help_text='예: 41', verbose_name='마지막 순번')),
            ],
            options={
                'verbose_name': '접수번호 발급 현황',
                'verbose_name_plural': '접수번호 발급 현황',
            },
        ),
        migrations.CreateModel(
            name='Application',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('receipt_number', models.CharField(editable=False, help_text='연도-순번, 해마다 0001부터 빠짐없이. 예: 2026-0001', max_length=12, unique=True, verbose_name='접수번호')),
                ('receipt_year', models.PositiveSmallIntegerField(editable=False, help_text='예: 2026', verbose_name='접수연도')),
                ('receipt_seq', models.PositiveIntegerField(editable=False, help_text='예: 1', verbose_name='접수순번')),
                ('received_at', models.DateTimeField(default=django.utils.timezone.now, editable=False, help_text='예: 2026-03-02 09:00', verbose_name='접수일시')),
                ('applicant_name', models.CharField(blank=True, help_text='보유기간이 지나면 지워집니다(가린 성명은 남습니다). 예: 홍길동', max_length=50, verbose_name='신청인 성명')),
                ('applicant_name_masked', models.CharField(editable=False, help_text='공개 목록에 표시하는 성명. 예: 홍*동', max_length=50, verbose_name='신청인 성명(가림)')),
                ('applicant_email', models.EmailField(blank=True, help_text='접수·결과 안내를 보내는 주소. 보유기간이 지나면 지워집니다. 예: hong@example.com', max_length=254, verbose_name='신청인 전자우편')),
                ('applicant_phone', models.CharField(blank=True, help_text='선택. 보유기간이 지나면 지워집니다. 예: 010-1234-5678', max_length=20, verbose_name='신청인 전화번호')),
                ('policy_title', models.CharField(help_text='실명제로 관리해 달라는 정책. 예: 중구 공공자전거 확충', max_length=200, verbose_name='신청 정책명')),
                ('reason', models.CharField(help_text='실명제로 관리해야 하는 이유(1,000자 이내). 예: 예산 규모가 크고 주민 생활에 영향이 큽니다.', max_length=1000, verbose_name='신청 이유')),
                ('consent', models.BooleanField(default=False, help_text='신청할 때 동의한 것만 접수됩니다. 예: 동의함', verbose_name='개인정보 수집·이용 동의')),
                ('retention_days', models.PositiveIntegerField(editable=False, help_text='동의할 때 안내한 보유기간: 결정 후 이 일수가 지나면 연락처를 지웁니다. 예: 365', verbose_name='연락처 보유기간(일)')),
                ('state', models.CharField(choices=[('received', '접수'), ('reviewing', '검토중'), ('deliberation', '심의'), ('selected', '선정'), ('not_selected', '미선정'), ('returned', '반려')], default='received', editable=False, help_text='관리 화면의 상태 변경으로만 바뀝니다. 예: 검토중', max_length=12, verbose_name='처리상태')),
                ('due_on', models.DateField(editable=False, help_text='접수일에 정해진 일수를 더한 날. 예: 2026-04-01', verbose_name='처리기한')),
                ('review_date', models.DateField(blank=True, help_text='위원회 심의일. 예: 2026-03-20', null=True, verbose_name='심의일')),
                ('decision_text', models.TextField(blank=True, help_text='위원회의 결정 내용. 공개 목록에 표시됩니다. 예: 2026년 중점관리 대상사업으로 선정', max_length=2000, verbose_name='결정 내용')),
                ('decided_at', models.DateTimeField(blank=True, editable=False, help_text='선정·미선정·반려한 때. 연락처 보유기간은 이때부터 셉니다. 예: 2026-03-21 10:00', null=True, verbose_name='결정일시')),
                ('rejection_note', models.CharField(blank=True, editable=False, help_text='반려 사유에 덧붙인 설명. 예: 도로 보수 요청은 민원 창구로 안내했습니다.', max_length=1000, verbose_name='반려 사유 설명')),
                ('contact_purged_at', models.DateTimeField(blank=True, editable=False, help_text='성명·전자우편·전화번호를 지운 때. 예: 2027-03-22 03:00', null=True, verbose_name='연락처 파기일시')),
                ('created_project', models.OneToOneField(blank=True, editable=False, help_text='선정하면 만들어지는 사업내역서(초안). 공개되면 공개 목록에 연결됩니다. 예: 2026-7', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='source_application', to='projects.policyproject', verbose_name='선정으로 만든 사업')),
                ('department', models.ForeignKey(blank=True, help_text='선택. 선정하면 이 부서의 사업내역서 초안이 만들어집니다. 예: 교통행정과', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='applications', to='projects.department', verbose_name='관련 부서')),
                ('project', models.ForeignKey(blank=True, help_text='선택. 이미 등록부에 있는 사업에 관한 신청이면. 예: 2023-13', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='applications', to='projects.policyproject', verbose_name='관련 등록 사업')),
            ],
            options={
                'verbose_name': '국민신청',
                'verbose_name_plural': '국민신청',
                'ordering': ['-receipt_year', '-receipt_seq'],
                'permissions': [('review_application', '국민신청을 검토·결정하고 신청인 연락처를 볼 수 있음')],
            },
        ),
        migrations.CreateModel(
            name='ApplicationStateChange',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('changed_at', models.DateTimeField(default=django.utils.timezone.now, help_text='예: 2026-03-05 14:00', verbose_name='변경일시')),
                ('from_state', models.CharField(blank=True, choices=[('received', '접수'), ('reviewing', '검토중'), ('deliberation', '심의'), ('selected', '선정'), ('not_selected', '미선정'), ('returned', '반려')], help_text='접수 때는 비어 있습니다. 예: 접수', max_length=12, verbose_name='이전 상태')),
                ('to_state', models.CharField(choices=[('received', '접수'), ('reviewing', '검토중'), ('deliberation', '심의'), ('selected', '선정'), ('not_selected', '미선정'), ('returned', '반려')], help_text='예: 검토중', max_length=12, verbose_name='바뀐 상태')),
                ('note', models.CharField(blank=True, help_text='예: 관련 부서 의견 조회', max_length=1000, verbose_name='메모')),
                ('application', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='state_changes', to='projects.application', verbose_name='국민신청')),
                ('changed_by', models.ForeignKey(blank=True, help_text='비어 있으면 신청인의 접수(시스템). 예: 총괄 담당자 김정책', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='처리자')),
            ],
            options={
                'verbose_name': '처리 기록',
                'verbose_name_plural': '처리 기록',
                'ordering': ['changed_at', 'id'],
            },
        ),
        migrations.CreateModel(
            name='Notification',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('received', '접수 안내'), ('decided', '결과 안내')], help_text='예: 접수 안내', max_length=10, verbose_name='종류')),
                ('to', models.EmailField(blank=True, help_text='연락처를 파기하면 지워집니다. 예: hong@example.com', max_length=254, verbose_name='받는 주소')),
                ('subject', models.CharField(help_text='예: [중구 정책실명제] 국민신청 접수 2026-0001', max_length=200, verbose_name='제목')),
                ('body', models.TextField(help_text='예: 신청하신 내용이 접수되었습니다 …', max_length=5000, verbose_name='본문')),
                ('status', models.CharField(choices=[('pending', '보내기 전'), ('sent', '보냄'), ('failed', '실패')], default='pending', help_text='예: 보냄', max_length=10, verbose_name='상태')),
                ('attempts', models.PositiveSmallIntegerField(default=0, help_text='예: 1', verbose_name='보낸 횟수')),
                ('last_error', models.CharField(blank=True, help_text='예: Connection refused', max_length=500, verbose_name='마지막 오류')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, help_text='예: 2026-03-02 09:00', verbose_name='만든 때')),
                ('sent_at', models.DateTimeField(blank=True, help_text='예: 2026-03-02 09:00', null=True, verbose_name='보낸 때')),
                ('application', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='notifications', to='projects.application', verbose_name='국민신청')),
            ],
            options={
                'verbose_name': '안내 메일',
                'verbose_name_plural': '안내 메일',
                'ordering': ['created_at', 'id'],
            },
        ),
        migrations.CreateModel(
            name='RejectionReason',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(error_messages={'unique': '같은 이름의 반려 사유가 이미 있습니다.'}, help_text='신청인과 공개 목록에 표시됩니다. 예: 신청 내용 불명확', max_length=100, unique=True, verbose_name='반려 사유')),
                ('order', models.PositiveSmallIntegerField(default=0, help_text='작을수록 앞에 표시. 예: 1', verbose_name='표시 순서')),
            ],
            options={
                'verbose_name': '반려 사유',
                'verbose_name_plural': '반려 사유',
                'ordering': ['order', 'id'],
                'constraints': [models.CheckConstraint(condition=models.Q(('name', ''), _negated=True), name='rejection_reason_not_empty')],
            },
        ),
        migrations.AddField(
            model_name='application',
            name='rejection_reason',
            field=models.ForeignKey(blank=True, editable=False, help_text='예: 단순 민원', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='applications', to='projects.rejectionreason', verbose_name='반려 사유'),
        ),
        migrations.AddConstraint(
            model_name='application',
            constraint=models.UniqueConstraint(fields=('receipt_year', 'receipt_seq'), name='unique_receipt_number'),
        ),
        migrations.AddConstraint(
            model_name='application',
            constraint=models.CheckConstraint(condition=models.Q(('receipt_year__gte', 2000), ('receipt_year__lte', 2100)), name='receipt_year_in_range'),
        ),
        migrations.AddConstraint(
            model_name='application',
            constraint=models.CheckConstraint(condition=models.Q(('receipt_seq__gte', 1)), name='receipt_seq_positive'),
        ),
        migrations.AddConstraint(
            model_name='application',
            constraint=models.CheckConstraint(condition=models.Q(('consent', True)), name='application_consent_given', violation_error_message='개인정보 수집·이용에 동의해야 신청할 수 있습니다.'),
        ),
        migrations.AddConstraint(
            model_name='application',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('policy_title', ''), _negated=True), models.Q(('reason', ''), _negated=True)), name='application_title_and_reason', violation_error_message='신청 정책명과 신청 이유를 입력하세요.'),
        ),
        migrations.AddConstraint(
            model_name='application',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('state', 'returned'), _negated=True), ('rejection_reason__isnull', False), _connector='OR'), name='returned_application_has_reason', violation_error_message='반려하려면 반려 사유를 고르세요.'),
        ),
        migrations.AddConstraint(
            model_name='application',
            constraint=models.CheckConstraint(condition=models.Q(('contact_purged_at__isnull', True), models.Q(('applicant_email', ''), ('applicant_name', ''), ('applicant_phone', '')), _connector='OR'), name='purged_application_has_no_contact'),
        ),
        migrations.RunPython(seed_rejection_reasons, migrations.RunPython.noop),
        migrations.RunPython(grant_review, revoke_review),
    ]
