"""Staff pages need the browser to say where a form was posted from; public pages do not.

With the site-wide `Referrer-Policy: no-referrer`, browsers send `Origin: null` on form
posts, and Django's CSRF check (rightly) refuses them, so no one could sign in or save in
the admin. `same-origin` still tells other sites nothing. Public pages keep `no-referrer`.
"""

from stalkinghelp.middleware import is_admin_path


class StaffReferrerPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_admin_path(request.path):
            # Set before SecurityMiddleware (outside us) adds its default, which it won't override.
            response["Referrer-Policy"] = "same-origin"
        return response
