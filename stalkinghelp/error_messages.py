"""Every refusal on a public page says, in plain words, what went wrong.

Django's method checks (require_GET, require_safe, HttpResponseNotAllowed) answer 405
with an empty body. A visitor, or a partner's developer, deserves a sentence: this
fills in any empty 4xx on a public path. The JSON API writes its own messages.
"""

from django.template import loader

from .middleware import is_admin_path


def explain_method_not_allowed(request, response):
    """Write the sentence into the 405 itself, keeping its headers (Allow, CSP, framing)."""
    response.content = loader.render_to_string(
        "405.html",
        {"method": request.method[:20], "allowed": response.get("Allow", "")},
        request=request,
    )
    response["Content-Type"] = "text/html; charset=utf-8"
    if response.has_header("Content-Length"):  # CommonMiddleware measured the empty body
        response["Content-Length"] = str(len(response.content))
    return response


class ClearErrorMessageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code == 405
            and not response.streaming
            and not response.content
            and not is_admin_path(request.path)
        ):
            return explain_method_not_allowed(request, response)
        return response
