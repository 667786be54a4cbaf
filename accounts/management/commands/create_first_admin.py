"""Create the first site administrator from the environment, for deployment scripts.

Reads DJANGO_SUPERUSER_USERNAME, DJANGO_SUPERUSER_EMAIL and DJANGO_SUPERUSER_PASSWORD.
Idempotent: if the account exists it is left alone (its password is not reset, so a
re-run of the deploy script cannot undo a password change). The password must pass the
same validators as any staff password. The account is a superuser in the Site
administrator group; the command prints the one-time link through which it sets up
two-factor sign-in (the only way to enrol a first authenticator).
"""

import os

from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.invitations import invitation_link
from accounts.roles import SITE_ADMINISTRATOR, sync_roles

VARIABLES = ("DJANGO_SUPERUSER_USERNAME", "DJANGO_SUPERUSER_EMAIL", "DJANGO_SUPERUSER_PASSWORD")


class Command(BaseCommand):
    help = "Create the first site administrator from DJANGO_SUPERUSER_* environment variables."

    def handle(self, *args, **options):
        missing = [name for name in VARIABLES if not os.environ.get(name, "").strip()]
        if missing:
            raise CommandError(f"Set {', '.join(missing)} to create the first administrator.")
        username = os.environ["DJANGO_SUPERUSER_USERNAME"].strip()
        email = os.environ["DJANGO_SUPERUSER_EMAIL"].strip()
        password = os.environ["DJANGO_SUPERUSER_PASSWORD"]

        User = get_user_model()
        if User.objects.filter(username=username).exists():
            self.stdout.write(f"The administrator {username} already exists; nothing changed.")
            return

        candidate = User(username=username, email=email)
        try:
            password_validation.validate_password(password, candidate)
        except ValidationError as error:
            raise CommandError("Password refused: " + " ".join(error.messages)) from None

        with transaction.atomic():
            sync_roles()
            user = User.objects.create_superuser(username=username, email=email, password=password)
            user.groups.add(Group.objects.get(name=SITE_ADMINISTRATOR))
        # A first authenticator is set up only through a one-time link (accounts.enrolment);
        # nobody can invite the first administrator, so the link is printed here.
        self.stdout.write(
            self.style.SUCCESS(
                f"Created the site administrator {username}. Open this one-time link to "
                "confirm the password and set up an authenticator app, then print the "
                f"backup codes:\n{invitation_link(user)}"
            )
        )
