"""Every public URL of the site, in one place, so that a URL leads straight to its view."""

from django.contrib import admin
from django.urls import path, register_converter

from careers.cards import views as cards_views
from careers.cards.urls import DigestConverter
from careers.pages import views as careers_views
from careers.web import crawlers, favicon, health
from roles import views as roles_views
from salaries import views as salaries_views

register_converter(DigestConverter, "digest")

urlpatterns = [
    path("", careers_views.home, name="home"),
    path("roles/", careers_views.catalog, name="catalog"),
    path("roles/<slug:role>/", careers_views.role_detail, name="role_detail"),
    path("roles/<slug:role>/career-path/", careers_views.career_path, name="career_path"),
    path("roles/<slug:role>/career-path/<slug:level>/", careers_views.career_level, name="career_level"),
    path("roles/<slug:role>/compare/", careers_views.role_compare, name="role_compare"),
    path("roles/<slug:role>/check/", careers_views.role_check, name="role_check"),
    path("roles/<slug:role>/salary/", salaries_views.role_salary, name="role_salary"),
    path("roles/<slug:role>/to/<slug:other>/", careers_views.role_move, name="role_move"),
    path("salaries/", salaries_views.compare, name="salary_compare"),
    path("skills/", roles_views.skill_list, name="skill_list"),
    path("skills/<slug:skill>/", roles_views.skill_detail, name="skill_detail"),
    path("cards/roles/<slug:role>-<digest:digest>.png", cards_views.role_card_image, name="role_card"),
    path("cards/site-<digest:digest>.png", cards_views.site_card_image, name="site_card"),
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
