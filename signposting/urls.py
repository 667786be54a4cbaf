from django.urls import path

from . import api, views

app_name = "signposting"

urlpatterns = [
    path("get-help/", views.help_finder, name="help_finder"),
    path("services/", views.service_list, name="service_list"),
    path("services/<slug:slug>/", views.service_detail, name="service_detail"),
    path("api/v1/recommendations", api.recommendations, name="api_recommendations"),
    path("api/v1/services", api.services, name="api_services"),
]
