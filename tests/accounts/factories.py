"""Plain factory functions for the accounts tests: staff in roles, pages, services."""

import datetime as dt
import itertools

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from content.models import Page
from signposting.models import Contact, OpeningTime, Service

PASSWORD = "correct horse battery staple 42"
_numbers = itertools.count(1)


def make_staff(role=None, username=None, **fields):
    username = username or f"staff{next(_numbers)}"
    user = User.objects.create_user(
        username, f"{username}@example.org", PASSWORD, is_staff=True, **fields
    )
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


def add_authenticator(user):
    return TOTPDevice.objects.create(user=user, name="default", confirmed=True)


def verified_client(user):
    """A browser signed in with password and second factor, as after the real sign-in."""
    client = Client()
    client.force_login(user)
    device = add_authenticator(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def make_page(**fields):
    n = next(_numbers)
    values = {
        "title": f"Page {n}",
        "slug": f"page-{n}",
        "summary": "A page for tests.",
        "body": "<p>Words.</p>",
        "last_reviewed": dt.date.today(),
    }
    return Page.objects.create(**values | fields)


def make_service(**fields):
    n = next(_numbers)
    values = {
        "name": f"Service {n}",
        "slug": f"service-{n}",
        "short_description": "Helps people.",
        "who_it_helps": "Anyone.",
        "category": Service.Category.HELPLINE,
        "verified": True,
        "last_verified": dt.date.today(),
    }
    return Service.objects.create(**values | fields)


def make_contact(service, value="0808 802 0300", **fields):
    return Contact.objects.create(service=service, kind=Contact.Kind.VOICE, value=value, **fields)


def make_opening_time(service, weekday=0):
    return OpeningTime.objects.create(
        service=service, weekday=weekday, opens=dt.time(9), closes=dt.time(17)
    )


def accept_invitation(client, user, password=PASSWORD):
    """Follow `user`'s invitation link and choose a password, as a new member of staff does."""
    from accounts.invitations import invitation_link

    link = invitation_link(user).removeprefix(settings.SITE_URL)
    choose = client.get(link)  # Django moves the token into the session and redirects
    assert choose.status_code == 302, choose
    response = client.post(
        choose["Location"], {"new_password1": password, "new_password2": password}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return response
