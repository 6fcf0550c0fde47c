import errno
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from projects.importer.services import MAX_SHEET_BYTES, SheetImportError, sheet_import

ACTIONS = {"created": "새로 등록했습니다", "replaced": "기존 내용을 바꿨습니다",
           "checked": "확인만 했습니다(--dry-run, 저장하지 않음)"}
#: Why a file could not be read, in Korean (the operating system says it in English).
READ_ERRORS = {
    errno.ENOENT: "파일이 없습니다. 경로와 파일 이름을 확인하세요.",
    errno.EACCES: "파일을 읽을 권한이 없습니다.",
    errno.EPERM: "파일을 읽을 권한이 없습니다.",
    errno.EISDIR: "파일이 아니라 폴더입니다. 폴더 안의 파일을 지정하세요(예: 내역서/*.md).",
}


class Command(BaseCommand):
    help = "공개된 사업내역서(마크다운 또는 HTML)를 등록부로 가져옵니다. 파일마다 전부 아니면 전무입니다."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="사업내역서 파일")
        parser.add_argument("--dry-run", action="store_true", help="검사만 하고 저장하지 않습니다.")
        parser.add_argument("--publish", action="store_true", help="가져온 사업을 바로 공개합니다.")
        parser.add_argument("--replace", action="store_true",
                            help="같은 등록번호가 있으면 그 사업내역서의 내용을 바꿉니다.")

    def handle(self, *args, paths, dry_run, publish, replace, **options):
        failed = 0
        for path in paths:
            try:
                result = sheet_import(source=_read(Path(path)), filename=Path(path).name,
                                      publish=publish, replace=replace, dry_run=dry_run)
            except SheetImportError as error:
                failed += 1
                self.stderr.write(self.style.ERROR(f"{path}: 가져오지 못했습니다. {error}"))
                continue
            self.stdout.write(f"{path}: {result.summary}")
            self.stdout.write(self.style.SUCCESS(f"  → {ACTIONS[result.action]}"))
        if failed:
            raise CommandError(f"{len(paths)}개 파일 중 {failed}개를 가져오지 못했습니다.")


def _read(path: Path) -> bytes:
    """Read at most one byte past the limit, so a huge file is refused without loading it."""
    try:
        with path.open("rb") as file:
            return file.read(MAX_SHEET_BYTES + 1)
    except OSError as error:
        reason = READ_ERRORS.get(error.errno, f"파일을 읽을 수 없습니다(오류 번호 {error.errno}).")
        raise SheetImportError(reason) from error
