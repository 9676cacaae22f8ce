"""Every public URL of the site, in one place, so that a URL leads straight to its view."""

from django.contrib import admin
from django.urls import path, register_converter
from django.views.decorators.http import require_safe

from careers.cards import views as cards_views
from careers.cards.urls import DigestConverter
from careers.changes import views as changes_views
from careers.changes.feeds import ChangesFeed
from careers.opendata import views as opendata_views
from careers.pages import views as careers_views
from careers.web import crawlers, favicon, health
from roles import views as roles_views
from salaries import views as salaries_views
from titles import views as titles_views

register_converter(DigestConverter, "digest")

urlpatterns = [
    path("", careers_views.home, name="home"),
    path("roles/", careers_views.catalog, name="catalog"),
    path("roles/<slug:role>/", careers_views.role_detail, name="role_detail"),
    path("roles/<slug:role>.json", opendata_views.role_json, name="role_json"),
    path("roles/<slug:role>/career-path/", careers_views.career_path, name="career_path"),
    path("roles/<slug:role>/career-path/<slug:level>/", careers_views.career_level, name="career_level"),
    path("roles/<slug:role>/compare/", careers_views.role_compare, name="role_compare"),
    path("roles/<slug:role>/check/", careers_views.role_check, name="role_check"),
    path("roles/<slug:role>/salary/", salaries_views.role_salary, name="role_salary"),
    path("roles/<slug:role>/to/<slug:other>/", careers_views.role_move, name="role_move"),
    path("salaries/", salaries_views.compare, name="salary_compare"),
    path("changes/", changes_views.changes, name="changes"),
    path("changes/feed/", require_safe(ChangesFeed()), name="changes_feed"),
    path("skills/", roles_views.skill_list, name="skill_list"),
    path("skills/<slug:skill>/", careers_views.skill_detail, name="skill_detail"),
    path("titles/", titles_views.translator, name="title_translator"),
    path("titles/<slug:title>/", titles_views.job_title, name="job_title"),
    path("cards/roles/<slug:role>-<digest:digest>.png", cards_views.role_card_image, name="role_card"),
    path("cards/site-<digest:digest>.png", cards_views.site_card_image, name="site_card"),
    path("about/data/", opendata_views.methodology, name="methodology"),
    path("data/", opendata_views.downloads, name="opendata"),
    path("data/catalog.json", opendata_views.catalog_json, name="opendata_catalog"),
    path("data/pay.csv", opendata_views.pay_csv, name="opendata_pay_csv"),
    path("data/pay.csv-metadata.json", opendata_views.pay_csv_metadata, name="opendata_pay_csv_metadata"),
    path("data/schema/<slug:name>.json", opendata_views.schema_current, name="opendata_schema"),
    path("data/schema/<str:version>/<slug:name>.json", opendata_views.schema_version, name="opendata_schema_version"),
    path("admin/", admin.site.urls),
    path("healthz", health.healthz, name="healthz"),
    path("robots.txt", crawlers.robots_txt, name="robots_txt"),
    # Browsers ask for /favicon.ico on pages that name no icon (the admin's).
    # GET and HEAD only, like every other page: any other method is a 405, not a redirect.
    path("favicon.ico", favicon.favicon, name="favicon"),
    path("sitemap.xml", crawlers.sitemap_index, name="sitemap_index"),
    path("sitemap-<slug:section>.xml", crawlers.sitemap_section, name="sitemap_section"),
]

handler403 = "careers.admin.refusals.permission_denied"
handler500 = "careers.web.errors.server_error"
