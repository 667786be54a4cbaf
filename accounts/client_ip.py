"""The address django-axes counts sign-in failures against."""

from django.conf import settings


def client_ip(request):
    """REMOTE_ADDR, or, behind N proxies of ours, the address the outermost one saw.

    Only the last N entries of X-Forwarded-For were written by our proxies; anything to
    their left came from the client and could be forged to dodge the lockout.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")
