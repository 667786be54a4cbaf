"""Invitations: new staff choose their own password and set up two-factor sign-in.

A site administrator adds a person (name, email, role) and the site emails them a one-time
link; nobody ever types, sees or passes on their password. The link is a Django password
reset token with its own salt: it stops working once a password is chosen through it (the
token covers the password hash), or after settings.PASSWORD_RESET_TIMEOUT.

The same link is the only way to set up a first authenticator (enrolment.py): a password
on its own, guessed or phished, cannot enrol an attacker's phone.
"""

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.contrib.auth.views import PasswordResetConfirmView
from django.core.mail import send_mail
from django.urls import reverse, reverse_lazy
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

# The session remembers that this sign-in came through an invitation, for enrolment.
INVITED_SESSION_KEY = "accounts_invited_user"


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "accounts.invitations.InvitationTokenGenerator"


invitation_tokens = InvitationTokenGenerator()


def invitation_link(user):
    path = reverse(
        "accounts_invitation",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": invitation_tokens.make_token(user),
        },
    )
    return settings.SITE_URL + path


def send_invitation(user):
    """Email `user` their one-time link, through Django's configured email backend."""
    days = settings.PASSWORD_RESET_TIMEOUT // (24 * 60 * 60)
    name = user.get_short_name() or user.username
    send_mail(
        subject=f"Your {settings.SITE_NAME} staff account",
        message=(
            f"Hello {name},\n\n"
            f"You have a staff account on {settings.SITE_NAME}. Your username is "
            f"{user.username}.\n\n"
            "Open this link to choose your password and set up two-factor sign-in with an "
            "authenticator app on your phone:\n\n"
            f"{invitation_link(user)}\n\n"
            f"The link works once, for {days} days. If it has expired, ask a site "
            "administrator to send a new invitation. Nobody from the site will ever ask "
            "you for your password.\n"
        ),
        from_email=None,  # settings.DEFAULT_FROM_EMAIL
        recipient_list=[user.email],
    )


class AcceptInvitationView(PasswordResetConfirmView):
    """Choose a password, then go on to set up two-factor sign-in.

    Django's own view: it moves the token from the address into the session at once, so
    the link is not left in the browser's history or sent anywhere as a referrer.
    """

    token_generator = invitation_tokens
    template_name = "accounts/invitation.html"
    post_reset_login = True
    # Several backends are installed (django-axes first); sign in with the model backend.
    post_reset_login_backend = "django.contrib.auth.backends.ModelBackend"
    success_url = reverse_lazy("two_factor:setup")
    reset_url_token = "choose-password"  # noqa: S105 - a URL word, not a secret

    def form_valid(self, form):
        response = super().form_valid(form)
        self.request.session[INVITED_SESSION_KEY] = form.user.pk
        return response

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {"title": "Choose your password"}
