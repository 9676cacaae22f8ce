"""A URLconf whose paths differ from the site's, for tests/careers/web/test_reverse.py."""

from django.http import HttpResponse
from django.urls import path

urlpatterns = [path("prefixed/", lambda request: HttpResponse(), name="home")]
