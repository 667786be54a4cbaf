from django.urls import path

from stalkinghelp.open_data import open_data

from . import views
from .feeds import ChangesFeed

app_name = "partners"
changes_feed = open_data(ChangesFeed())

urlpatterns = [
    path("partners/", views.partners_page, name="index"),
    path("partners/qr.svg", views.qr_code, {"extension": "svg"}, name="qr_svg"),
    path("partners/qr.png", views.qr_code, {"extension": "png"}, name="qr_png"),
    path("partners/poster/", views.poster, name="poster"),
    path("partners/card/", views.wallet_card, name="card"),
    path("partners/data/directory.json", views.directory_json, name="directory_json"),
    path("partners/data/directory.csv", views.directory_csv, name="directory_csv"),
    path(
        "partners/data/directory-hsds.zip", views.directory_hsds_tables, name="directory_hsds_zip"
    ),
    path("partners/changes.atom", changes_feed, name="changes_feed"),
    path("partners/changes/archive/<int:number>.atom", changes_feed, name="changes_archive"),
    path("embed/get-help/", views.embed_get_help, name="embed_get_help"),
    path("api/v1/openapi.json", views.openapi_json, name="openapi"),
]
