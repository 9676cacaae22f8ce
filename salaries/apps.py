from django.apps import AppConfig


class SalariesConfig(AppConfig):
    name = "salaries"
    verbose_name = "Salaries"

    def ready(self) -> None:
        from roles import words

        from .money import format_full

        # Pay reads as the site writes it (₹24,00,000) where the admin compares versions.
        words.register(
            "salaries.salaryband",
            ["low", "median", "high"],
            lambda value, row: format_full(int(value), row.get("currency") or "INR"),
        )
