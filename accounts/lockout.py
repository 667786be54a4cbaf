"""Sign-in lockout with django-axes: what is counted, and the page shown once locked."""

from axes.helpers import get_cool_off
from django.conf import settings
from django.shortcuts import render


def lockout_response(request, original_response=None, credentials=None):
    # Deliberately no username and no hint whether the account exists.
    cool_off = get_cool_off(request)
    minutes = int(cool_off.total_seconds() // 60) if cool_off else None
    return render(request, "accounts/locked_out.html", {"minutes": minutes}, status=429)


def lockout_parameters(request_or_attempt, credentials=None):
    """What django-axes counts failures against (settings.AXES_LOCKOUT_PARAMETERS).

    Always the pair (account, address): one person's typos lock out only themselves, on
    that address, never a whole office behind it; and nobody elsewhere can lock a colleague
    out by typing their username. Once one address has failed on several accounts, that
    address on its own is counted too, which stops it trying account after account.
    """
    pair = ["username", "ip_address"]
    address = getattr(request_or_attempt, "axes_ip_address", None) or getattr(
        request_or_attempt, "ip_address", None
    )
    if address and _accounts_failed_from(address) >= settings.SIGN_IN_ACCOUNTS_PER_ADDRESS:
        return [pair, "ip_address"]
    return [pair]


def _accounts_failed_from(address):
    """How many accounts this address has failed to sign in to within the cool-off."""
    from axes.models import AccessAttempt  # its models load after settings are read
    from django.utils import timezone

    since = timezone.now() - settings.AXES_COOLOFF_TIME
    attempts = AccessAttempt.objects.filter(ip_address=address, attempt_time__gte=since)
    return attempts.values("username").distinct().count()
