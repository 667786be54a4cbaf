from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.decorators.http import require_safe

from accounts.enrolment import two_factor_urls
from accounts.invitations import AcceptInvitationView
from content.sitemaps import SITEMAPS
from content.views import robots_txt
from signposting.urls import api_not_found, api_urlpatterns

from . import views

# English only, at one address each: staff pages, machine-read files and the pages for
# partner agencies.
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
    path("robots.txt", robots_txt, name="robots"),
    # One sitemap lists every page in every language, with its alternates (content.sitemaps).
    path("sitemap.xml", require_safe(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    path("", include((api_urlpatterns, "signposting"), namespace="signposting_api")),
    # Before the pages: content's catch-all /<slug>/ would otherwise take /partners/ and /embed/.
    path("", include("partners.urls")),
    # Anything else under /api/ is a JSON 404, not content's HTML page.
    *api_not_found,
]

# The pages a visitor reads, in every language of settings.LANGUAGES: English at /...,
# the others at /pl/..., /ar/... (stalkinghelp.language activates the prefix's language).
urlpatterns += i18n_patterns(
    path("", include("signposting.urls")),
    path("", include("content.urls")),
    prefix_default_language=False,
)

handler400 = "stalkinghelp.views.bad_request"
handler403 = "stalkinghelp.views.permission_denied"
handler404 = "stalkinghelp.views.page_not_found"
handler500 = "stalkinghelp.views.server_error"
