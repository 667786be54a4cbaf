"""Outgoing email (approvers told of changes waiting for them): from the environment.

DJANGO_EMAIL_URL, parsed by dj-email-url, e.g. `submission://user:password@mail.example.org`
(STARTTLS on 587) or `smtp://user:password@mail.example.org:465?ssl=True`. Without it, Django's
standard variables: EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD,
EMAIL_USE_TLS, EMAIL_USE_SSL. With neither, `default_backend` (the console in dev).
"""

import dj_email_url

from .env import env_bool, env_int, env_str

SMTP = "django.core.mail.backends.smtp.EmailBackend"


def email_settings(default_backend):
    url = env_str("DJANGO_EMAIL_URL")
    if url:
        parsed = dj_email_url.parse(url)
        return {key: value for key, value in parsed.items() if value not in ("", None)}
    host = env_str("EMAIL_HOST")
    if not host:
        return {"EMAIL_BACKEND": default_backend}
    return {
        "EMAIL_BACKEND": SMTP,
        "EMAIL_HOST": host,
        "EMAIL_PORT": env_int("EMAIL_PORT", 587),
        "EMAIL_HOST_USER": env_str("EMAIL_HOST_USER"),
        "EMAIL_HOST_PASSWORD": env_str("EMAIL_HOST_PASSWORD"),
        "EMAIL_USE_TLS": env_bool("EMAIL_USE_TLS", True),
        "EMAIL_USE_SSL": env_bool("EMAIL_USE_SSL", False),
    }
