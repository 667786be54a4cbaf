from django.contrib.sitemaps.views import sitemap
from django.urls import path
from django.views.decorators.http import require_safe

from . import views
from .sitemaps import SITEMAPS

app_name = "content"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("sitemap.xml", require_safe(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    path("<slug:slug>/diary/", views.diary, name="diary"),
    path("<slug:slug>/diary/diary.xlsx", views.diary_file, {"kind": "xlsx"}, name="diary_xlsx"),
    path("<slug:slug>/diary/diary.pdf", views.diary_file, {"kind": "pdf"}, name="diary_pdf"),
    path("<slug:slug>/", views.page, name="page"),
]
