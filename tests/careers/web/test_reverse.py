"""The remembered {% url %} (careers/web/reverse.py, careers/templatetags/urls.py): Django's answers, once."""

from __future__ import annotations

import pytest
from django.template import Context, Engine, engines
from django.test import RequestFactory, override_settings
from django.urls import NoReverseMatch, reverse, set_script_prefix

from careers.templatetags.urls import CachedURLNode
from careers.web import reverse as remembered
from careers.web.reverse import cached_reverse


def render(source: str, **context) -> str:
    return engines["django"].from_string(source).render(context)


def test_every_template_gets_the_remembered_tag():
    template = engines["django"].from_string("{% url 'skill_detail' 'python' %}")
    assert any(isinstance(node, CachedURLNode) for node in template.template.nodelist)


@pytest.mark.parametrize(
    ("name", "args"),
    [("home", []), ("skill_detail", ["python"]), ("career_level", ["data-engineer", "senior"]), ("admin:index", [])],
)
def test_it_answers_as_django_does(name, args):
    assert cached_reverse(name, args=args) == reverse(name, args=args)
    quoted = " ".join(f"'{arg}'" for arg in args)
    assert render(f"{{% url '{name}' {quoted} %}}") == reverse(name, args=args)


def test_keyword_arguments_and_as_var():
    assert render("{% url 'skill_detail' skill='sql' as link %}[{{ link }}]") == "[/skills/sql/]"
    assert render("{% url 'no_such_page' as link %}[{{ link }}]") == "[]"


def test_an_unknown_name_or_bad_argument_still_raises():
    with pytest.raises(NoReverseMatch):
        render("{% url 'no_such_page' %}")
    with pytest.raises(NoReverseMatch):
        render("{% url 'skill_detail' 'not a slug' %}")


def test_a_path_is_worked_out_once(monkeypatch):
    remembered._reverse.cache_clear()
    calls = []
    real = remembered.reverse
    monkeypatch.setattr(remembered, "reverse", lambda *a, **k: calls.append(a) or real(*a, **k))
    for _ in range(3):
        assert render("{% url 'skill_detail' name %}", name="python") == "/skills/python/"
    assert len(calls) == 1


def test_arguments_that_are_not_plain_are_reversed_each_time(monkeypatch):
    """A model instance's str() can change while its hash does not; True and 1 are one key but two paths."""
    calls = []
    real = remembered.reverse
    monkeypatch.setattr(remembered, "reverse", lambda *a, **k: calls.append(a) or real(*a, **k))

    class Slug:
        def __str__(self) -> str:
            return "python"

    assert cached_reverse("skill_detail", args=[Slug()]) == "/skills/python/"
    assert cached_reverse("skill_detail", args=[Slug()]) == "/skills/python/"
    assert len(calls) == 2


def test_the_script_prefix_is_part_of_the_path():
    try:
        set_script_prefix("/careers/")
        assert render("{% url 'skill_detail' 'python' %}") == "/careers/skills/python/"
    finally:
        set_script_prefix("/")
    assert render("{% url 'skill_detail' 'python' %}") == "/skills/python/"


def test_a_swapped_urlconf_is_not_answered_from_memory():
    assert cached_reverse("home") == "/"
    with override_settings(ROOT_URLCONF="tests.careers.web.prefixed_urls"):
        assert cached_reverse("home") == "/prefixed/"
    assert cached_reverse("home") == "/"


def test_the_admin_namespace_follows_the_request():
    """Inside the admin, {% url %} reverses for the request's current app, as Django's tag does."""
    request = RequestFactory().get("/admin/")
    request.current_app = "admin"
    template = Engine.get_default().from_string("{% url 'admin:index' %}")
    assert template.render(Context({"request": request})) == "/admin/"
