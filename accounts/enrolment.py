"""Setting up a first authenticator needs the invitation link, not only a password.

two_factor's setup wizard lets anyone signed in with a password add an authenticator.
For an account with none yet, that would let whoever has the password (guessed, phished,
reused) enrol their own phone and walk in. Here the wizard opens only for a session that
came through the account's invitation (invitations.py), or one already verified with a
second factor.
"""

import functools

from django.shortcuts import render
from django.urls import URLPattern
from two_factor.urls import urlpatterns as two_factor_urlpatterns

from .invitations import INVITED_SESSION_KEY


def may_enrol(request):
    user = request.user
    if user.is_verified():
        return True
    return request.session.get(INVITED_SESSION_KEY) == user.pk


def enrol_only_by_invitation(view):
    @functools.wraps(view)
    def guarded(request, *args, **kwargs):
        if request.user.is_authenticated and not may_enrol(request):
            return render(request, "accounts/enrol_by_invitation.html", status=403)
        return view(request, *args, **kwargs)

    return guarded


def two_factor_urls():
    """two_factor's URLs, with its setup wizard guarded; for include()."""
    patterns, namespace = two_factor_urlpatterns
    guarded = [
        URLPattern(p.pattern, enrol_only_by_invitation(p.callback), p.default_args, p.name)
        if p.name == "setup"
        else p
        for p in patterns
    ]
    return guarded, namespace
