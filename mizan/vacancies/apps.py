from django.apps import AppConfig


class VacanciesConfig(AppConfig):
    name = "mizan.vacancies"
    label = "vacancies"
