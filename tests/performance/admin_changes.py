"""Change a directory number the way staff do: through the admin's service page."""

from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from signposting.models import Service
from tests.accounts.admin_forms import admin_form_data


def verified_superuser_client():
    """A superuser whose session passed the second factor, whatever ADMIN_REQUIRE_2FA says."""
    user = User.objects.create_superuser("cache-tester", "cache@example.org", "x" * 20)
    client = Client()
    client.force_login(user)
    device = TOTPDevice.objects.create(user=user, name="default", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def change_main_number_in_admin(client, slug, new_number):
    service = Service.objects.get(slug=slug)
    url = reverse("admin:signposting_service_change", args=[service.pk])
    page = client.get(url)
    assert page.status_code == 200
    data = admin_form_data(page)
    voice = next(
        key.removesuffix("-kind")
        for key, value in data.items()
        if key.startswith("contacts-") and key.endswith("-kind") and value == "voice"
    )
    data[f"{voice}-value"] = new_number
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
