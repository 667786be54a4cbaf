from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from accounts.enrolment import two_factor_urls
from accounts.invitations import AcceptInvitationView
from signposting.urls import api_not_found

from . import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    # Staff sign-in, authenticator setup and backup codes (django-two-factor-auth), under the
    # admin path so their cookies are scoped like the admin's; before the admin's catch-all.
    # Its setup wizard opens only through an invitation link (accounts.enrolment).
    path(settings.ADMIN_PATH, include(two_factor_urls())),
    path(
        settings.ADMIN_PATH + "invitation/<uidb64>/<token>/",
        AcceptInvitationView.as_view(),
        name="accounts_invitation",
    ),
    path(settings.ADMIN_PATH, admin.site.urls),
    path("", include("signposting.urls")),
    # Before content: its catch-all /<slug>/ would otherwise take /partners/ and /embed/.
    path("", include("partners.urls")),
    # Anything else under /api/ is a JSON 404, not content's HTML page.
    *api_not_found,
    path("", include("content.urls")),
]

handler400 = "stalkinghelp.views.bad_request"
handler403 = "stalkinghelp.views.permission_denied"
handler404 = "stalkinghelp.views.page_not_found"
handler500 = "stalkinghelp.views.server_error"
