"""Changes made in the admin, as an editor makes them, for the tests of what changed."""

from __future__ import annotations

from roles.models import Level, Role, Skill
from tests.admin.formdata import index_of, pay_input
from tests.admin.test_role_screen import current_form, post


def edit_in_admin(client, role: Role, *, summary: str = "A new summary, written again.", median: int = 2500000,
                  add_skill: str | None = "spark") -> None:  # fmt: skip
    """By default: rewrite the summary, raise the senior median in India, add Spark to the mid level's skills."""
    data = current_form(client, role)
    data["summary"] = [summary]
    data[pay_input("senior", "india", "median")] = [str(median)]
    if add_skill:
        i = index_of(data, "role_levels", "level", str(Level.objects.get(slug="mid").pk))
        skill = str(Skill.objects.get(slug=add_skill).pk)
        data[f"role_levels-{i}-skills"] = [*data[f"role_levels-{i}-skills"], skill]
    response = post(client, role, data)
    assert response.status_code == 302, "the admin refused the change"


EXPECTED = [
    "Summary rewritten",
    "Skills for Mid-level: Spark added",
    "Pay for Senior in India raised",
]
