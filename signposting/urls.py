from django.urls import path, re_path

from . import api, views

app_name = "signposting"

# The pages, in every language: stalkinghelp.urls puts them in i18n_patterns.
urlpatterns = [
    path("get-help/", views.help_finder, name="help_finder"),
    path("services/", views.service_list, name="service_list"),
    path("services/<slug:slug>/", views.service_detail, name="service_detail"),
]

# The API, English only and outside the language prefixes (its own namespace there,
# "signposting_api", since one namespace cannot be included twice).
api_urlpatterns = [
    path("api/v1/recommendations", api.recommendations, name="api_recommendations"),
    # HSDS 3.0: the root, services and our taxonomies (see docs/api.md).
    path("api/v1/", api.root, name="api_root"),
    path("api/v1/services", api.services, name="api_services"),
    path("api/v1/services/<uuid:service_id>", api.service, name="api_service"),
    path("api/v1/taxonomies", api.taxonomies, name="api_taxonomies"),
    path("api/v1/taxonomies/<uuid:taxonomy_id>", api.taxonomy_detail, name="api_taxonomy"),
    path("api/v1/taxonomy_terms", api.taxonomy_terms, name="api_taxonomy_terms"),
    path("api/v1/taxonomy_terms/<uuid:term_id>", api.taxonomy_term, name="api_taxonomy_term"),
]

# After every real API address (partners.urls adds the OpenAPI document; stalkinghelp.urls
# puts this last among them): anything else under /api answers a JSON 404.
api_not_found = [re_path(r"^api(?:/(?P<rest>.*))?$", api.not_found, name="api_not_found")]
