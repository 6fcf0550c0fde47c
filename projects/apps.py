from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = "정책실명제 등록부"

    def ready(self):
        from . import publication, writing
        from .history import revisions
        from .public import caching
        from .rendering import tasks, yearbook

        revisions.register_sheet_models()
        writing.connect_guards()
        publication.connect_signals()
        yearbook.connect_signals()
        caching.connect_signals()
        tasks.connect_signals()
        self._forget_filter_choices_on_change()

    def _forget_filter_choices_on_change(self):
        from django.db.models.signals import post_delete, post_save

        from .models import Department, PolicyProject, SelectionCriterion
        from .public.filters import FilterChoices

        for model in (PolicyProject, Department, SelectionCriterion):
            for signal in (post_save, post_delete):
                signal.connect(FilterChoices.forget, sender=model, dispatch_uid=f"forget-{model.__name__}-{signal}")
