"""JSON API v1: recommendations for partner tools, and the directory as open data.

Errors are JSON with a plain message: 400 for bad JSON or answers, 405 for the
wrong method, 413 for a body over 10 KB, 415 for a body that is not JSON.
"""

import json

from django.http import JsonResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt

from . import directory_snapshot, selectors
from .forms import QUESTIONS, HelpFinderForm
from .limits import MAX_BODY_BYTES, body_too_large
from .serializers.hsds import directory_to_hsds
from .triage import recommend

BOOLEAN_FIELDS = ("danger", "can_talk", "can_speak_and_hear")
# Version 1.0 had one band for every adult; "18" and "19_plus" now split it where
# Childline's age rule falls. The old value keeps its old meaning.
LEGACY_ANSWERS = {("age", "18_plus"): "19_plus"}


def _error(status, message, **extra):
    response = JsonResponse({"error": message, **extra}, status=status)
    add_never_cache_headers(response)
    return response


def _not_allowed(allowed):
    response = _error(405, f"Use {' or '.join(allowed)}.")
    response["Allow"] = ", ".join(allowed)
    return response


def _as_form_data(body):
    """The JSON answers as form values. Booleans may be true/false or "yes"/"no"."""
    data = {}
    for name in QUESTIONS:
        value = body.get(name)
        if name in BOOLEAN_FIELDS and isinstance(value, bool):
            value = "yes" if value else "no"
        if isinstance(value, str):
            data[name] = LEGACY_ANSWERS.get((name, value), value)
        elif value is not None:
            data[name] = (
                "__not_a_choice__"  # any other type is an invalid choice, reported per field
            )
    return data


def _state_json(state):
    return {
        "status": state.kind,
        "text": state.text,
        "open_now": state.is_open,
        "until": state.until.isoformat() if state.until else None,
        "next_open": state.next_open.isoformat() if state.next_open else None,
    }


def _recommendation_json(recommendation):
    entry = recommendation.entry
    return {
        "service": {"slug": entry.slug, "name": entry.name, "url": f"/services/{entry.slug}/"},
        "group": recommendation.group,
        "reason": recommendation.reason,
        "notes": list(recommendation.notes),
        "opening": _state_json(recommendation.state),
        "channels": [
            {
                "kind": c.kind,
                "label": c.label,
                "value": c.value,
                "href": c.href,
                "relay_href": c.relay_href or None,
                "instructions": c.instructions or None,
            }
            for c in recommendation.channels
        ],
    }


# A partner's tool posts from its own origin without our cookies; the answers
# change nothing here, so CSRF protection has nothing to protect.
@csrf_exempt
def recommendations(request):
    if request.method != "POST":
        return _not_allowed(["POST"])
    if body_too_large(request):
        return _error(413, f"The request body must be under {MAX_BODY_BYTES // 1024} KB.")
    content_type = request.content_type or ""
    if content_type != "application/json":
        return _error(415, "Send the answers as JSON with Content-Type: application/json.")
    raw = request.read(MAX_BODY_BYTES + 1)
    if len(raw) > MAX_BODY_BYTES:
        return _error(413, f"The request body must be under {MAX_BODY_BYTES // 1024} KB.")
    try:
        body = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return _error(400, "The request body is not valid JSON.")
    if not isinstance(body, dict):
        return _error(400, "Send a JSON object with the answers.")

    form = HelpFinderForm(_as_form_data(body))
    if not form.is_valid():
        fields = {name: [str(e) for e in errors] for name, errors in form.errors.items()}
        return _error(400, "Some answers are missing or not allowed.", fields=fields)
    now = timezone.now()
    results = recommend(form.situation(), directory_snapshot.directory_entries(), now)
    response = JsonResponse(
        {
            "generated_at": now.isoformat(),
            "recommendations": [_recommendation_json(r) for r in results],
        }
    )
    add_never_cache_headers(response)  # the answers shaped this response: never kept
    return response


def services(request):
    if request.method not in ("GET", "HEAD"):
        return _not_allowed(["GET"])
    response = JsonResponse(directory_to_hsds(selectors.listed_services()))
    # Open data: any partner site may read it from the browser.
    response["Access-Control-Allow-Origin"] = "*"
    return response
