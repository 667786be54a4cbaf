from django.core.exceptions import BadRequest, PermissionDenied
from django.urls import path

from stalkinghelp.urls import handler400, handler403, handler404, handler500, urlpatterns  # noqa: F401


def boom(request):
    raise RuntimeError("deliberate failure for the 500-page test")


def forbidden(request):
    raise PermissionDenied


def bad(request):
    raise BadRequest


urlpatterns = [path("boom/", boom), path("forbidden/", forbidden), path("bad/", bad), *urlpatterns]
