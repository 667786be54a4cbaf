"""The session, CSRF, sign-in and audit middleware, run only under the admin path.

Public pages must never use a session (design rule 1). Rather than trusting every
view and template to leave `request.session` and `request.user` alone, these
middleware do nothing at all outside the admin: a public request never touches
the session machinery, and saves the cost of it on every page and help-finder
answer. Each is a subclass of the original, so Django's admin checks still see it.

CSRF protects a signed-in session, and only staff have one: a public form carries no
credentials and changes nothing. Checking CSRF on public addresses only ever turned a
POST to a page that takes none into Django's cookie-error page instead of a 405.
django-axes stays as it is: its own check looks for it by name, and it is cheap.
"""

from django.contrib.auth.middleware import AuthenticationMiddleware
from django.contrib.messages.middleware import MessageMiddleware
from django.contrib.sessions.middleware import SessionMiddleware
from django.middleware.csrf import CsrfViewMiddleware
from django_otp.middleware import OTPMiddleware
from simple_history.middleware import HistoryRequestMiddleware

from .middleware import is_admin_path


class StaffOnly:
    def __call__(self, request):
        if not is_admin_path(request.path):
            return self.get_response(request)
        return super().__call__(request)


class StaffSessionMiddleware(StaffOnly, SessionMiddleware):
    pass


class StaffCsrfViewMiddleware(StaffOnly, CsrfViewMiddleware):
    def process_view(self, request, callback, callback_args, callback_kwargs):
        # Django calls process_view itself, past __call__, so it needs its own guard.
        if not is_admin_path(request.path):
            return None
        return super().process_view(request, callback, callback_args, callback_kwargs)


class StaffAuthenticationMiddleware(StaffOnly, AuthenticationMiddleware):
    pass


class StaffOTPMiddleware(StaffOnly, OTPMiddleware):
    pass


class StaffMessageMiddleware(StaffOnly, MessageMiddleware):
    pass


def staff_history_request_middleware(get_response):
    # simple-history's middleware is a function, so it is wrapped rather than subclassed.
    inner = HistoryRequestMiddleware(get_response)

    def middleware(request):
        if not is_admin_path(request.path):
            return get_response(request)
        return inner(request)

    return middleware
