from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = "정책실명제 등록부"

    def ready(self):
        from . import publication, revisions

        revisions.register_sheet_models()
        publication.connect_signals()
