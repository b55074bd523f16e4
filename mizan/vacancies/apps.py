from django.apps import AppConfig


class VacanciesConfig(AppConfig):
    name = "mizan.vacancies"
    label = "vacancies"

    def ready(self) -> None:
        from mizan.compliance import hooks
        from mizan.privacy.ledger import KINDS, register_kind
        from mizan.vacancies import permissions  # noqa: F401  (registers the permission actions)
        from mizan.vacancies.recheck import on_pack_published

        if "vacancy.published" not in KINDS:
            register_kind(
                "vacancy.published",
                "A job offer was published on the job board (vacancy, employer and poster ids, the check's "
                "id and day, the rule-pack versions it was checked against).",
            )
        hooks.unregister_on_published("vacancies")  # ready() may run twice in tests; register once
        hooks.register_on_published("vacancies", on_pack_published)
