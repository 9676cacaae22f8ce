"""Changes made in the admin, as an editor makes them, for the tests of what changed."""

from __future__ import annotations

from roles.models import Level, Role, Skill
from tests.admin.formdata import index_of, pay_input
from tests.admin.test_role_screen import current_form, post


def edit_in_admin(client, role: Role) -> None:
    """Raise the senior median in India, add Spark to the mid level's skills, rewrite the summary."""
    data = current_form(client, role)
    data["summary"] = ["A new summary, written again."]
    data[pay_input("senior", "india", "median")] = ["2500000"]
    i = index_of(data, "role_levels", "level", str(Level.objects.get(slug="mid").pk))
    data[f"role_levels-{i}-skills"] = [*data[f"role_levels-{i}-skills"], str(Skill.objects.get(slug="spark").pk)]
    response = post(client, role, data)
    assert response.status_code == 302, response.content.decode()[:2000]


EXPECTED = [
    "Summary rewritten",
    "Skills for Mid-level: Spark added",
    "Pay for Senior in India raised",
]
