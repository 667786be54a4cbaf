from django.urls import path

from stalkinghelp.open_data import open_data

from . import views
from .feeds import ChangesFeed

app_name = "partners"

urlpatterns = [
    path("partners/", views.partners_page, name="index"),
    path("partners/qr.svg", views.qr_code, {"extension": "svg"}, name="qr_svg"),
    path("partners/qr.png", views.qr_code, {"extension": "png"}, name="qr_png"),
    path("partners/poster/", views.poster, name="poster"),
    path("partners/card/", views.wallet_card, name="card"),
    path("partners/data/directory.json", views.directory_json, name="directory_json"),
    path("partners/data/directory.csv", views.directory_csv, name="directory_csv"),
    path("partners/changes.atom", open_data(ChangesFeed()), name="changes_feed"),
    path("embed/get-help/", views.embed_get_help, name="embed_get_help"),
    path("api/v1/openapi.json", views.openapi_json, name="openapi"),
]
