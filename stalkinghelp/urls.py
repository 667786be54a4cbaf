from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from . import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path(settings.ADMIN_PATH, admin.site.urls),
    path("", include("signposting.urls")),
    path("", include("content.urls")),
]

handler400 = "stalkinghelp.views.bad_request"
handler403 = "stalkinghelp.views.permission_denied"
handler404 = "stalkinghelp.views.page_not_found"
handler500 = "stalkinghelp.views.server_error"
