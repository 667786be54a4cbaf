from django.urls import path

from . import views

app_name = "content"

# Every language: stalkinghelp.urls puts these in i18n_patterns (robots.txt and the
# sitemap, one for every language, are outside).
urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("<slug:slug>/diary/", views.diary, name="diary"),
    path("<slug:slug>/diary/diary.xlsx", views.diary_file, {"kind": "xlsx"}, name="diary_xlsx"),
    path("<slug:slug>/diary/diary.pdf", views.diary_file, {"kind": "pdf"}, name="diary_pdf"),
    path("<slug:slug>/", views.page, name="page"),
]
