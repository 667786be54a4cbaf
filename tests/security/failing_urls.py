from django.urls import path

from stalkinghelp.urls import handler500, urlpatterns  # noqa: F401


def boom(request):
    raise RuntimeError("deliberate failure for the 500-page test")


urlpatterns = [path("boom/", boom), *urlpatterns]
