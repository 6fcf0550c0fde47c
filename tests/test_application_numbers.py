"""접수번호: ``2026-0001`` per year, consecutive, no gaps — also when twenty citizens apply at once."""

import threading
from datetime import datetime
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.db import IntegrityError, connection, connections, transaction

from projects.models import Application, ReceiptCounter, mask_name
from tests.applications import submitted

SEOUL = ZoneInfo("Asia/Seoul")


@pytest.mark.django_db
def test_numbers_count_from_0001_within_a_year_and_restart_next_year():
    with mock.patch("django.utils.timezone.now", return_value=datetime(2026, 12, 31, 23, 0, tzinfo=SEOUL)):
        first, second = submitted(), submitted()
    with mock.patch("django.utils.timezone.now", return_value=datetime(2027, 1, 1, 0, 30, tzinfo=SEOUL)):
        next_year = submitted()
    assert [first.receipt_number, second.receipt_number, next_year.receipt_number] == [
        "2026-0001", "2026-0002", "2027-0001"]
    assert str(first.due_on) == "2027-01-30"  # 30 days (APPLICATION_DUE_DAYS) after receipt


@pytest.mark.django_db
def test_a_failed_submission_gives_its_number_back():
    submitted()
    with pytest.raises(IntegrityError), transaction.atomic():
        submitted(policy_title="")  # refused by the database: the counter rolls back with it
    assert submitted().receipt_seq == 2
    assert ReceiptCounter.objects.get().last_seq == 2


@pytest.mark.parametrize(("name", "masked"), [
    ("홍길동", "홍*동"), ("홍길", "홍*"), ("남궁민수", "남**수"), ("홍", "*"), (" 김 철수 ", "김*수"),
])
def test_names_are_masked_for_the_public(name, masked):
    assert mask_name(name) == masked


@pytest.mark.django_db(transaction=True)
def test_twenty_applications_at_once_get_twenty_consecutive_numbers():
    if connection.vendor != "postgresql":
        pytest.skip("동시 접수는 PostgreSQL에서 확인합니다(SQLite는 쓰기를 한 번에 하나만 받습니다)")
    start = threading.Barrier(20)
    errors = []

    def apply(n):
        try:
            start.wait()
            submitted(policy_title=f"동시 신청 {n}")
        except Exception as error:  # reported below with the others
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=apply, args=(n,)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    year = Application.objects.values_list("receipt_year", flat=True).first()
    numbers = sorted(Application.objects.values_list("receipt_number", flat=True))
    assert numbers == [f"{year}-{seq:04d}" for seq in range(1, 21)]
    assert len(set(Application.objects.values_list("policy_title", flat=True))) == 20
