"""Change a directory number the way staff do: through the admin's service page, then
approved by a second person (a number never goes live on one person's word)."""

from django.contrib.auth.models import User
from django.urls import reverse

from signposting.models import Service
from tests.accounts.admin_forms import admin_form_data
from tests.accounts.factories import verified_client
from tests.approvals.helpers import approve_as_someone_else


def verified_superuser_client():
    """A superuser whose session passed the second factor, whatever ADMIN_REQUIRE_2FA says."""
    return verified_client(User.objects.create_superuser("cache-tester", "c@example.org", "x" * 20))


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
    approve_as_someone_else(service)
