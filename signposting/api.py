"""JSON API v1: recommendations for partner tools, and the directory as HSDS 3.0 open data.

Errors are JSON with a plain message: 400 for bad JSON, answers or query parameters,
404 for an address or id we do not have, 405 for the wrong method, 413 for a body over
10 KB, 415 for a body that is not JSON. The open-data views share their HTTP behaviour
(CORS, methods, validators) through stalkinghelp.open_data.
"""

import datetime as dt
import json

from django.conf import settings
from django.http import HttpResponsePermanentRedirect, JsonResponse
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.cache import add_never_cache_headers

from stalkinghelp.open_data import (
    OPEN_GOVERNMENT_LICENCE,
    json_error,
    open_data,
    set_last_modified,
)

from . import directory_snapshot, taxonomy
from .api_query import SERVICE_LIST, SINGLE, TAXONOMY_LIST, TERM_LIST, QueryError, parse_query
from .forms import QUESTIONS, HelpFinderForm
from .limits import MAX_BODY_BYTES, body_too_large
from .serializers import hsds
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


# --- HSDS 3.0 open data -------------------------------------------------------------

# When the API's own documents (this root, the OpenAPI file) last changed, set by a person.
API_DOCUMENTS_CHANGED = dt.datetime(2026, 12, 2, tzinfo=dt.UTC)
TAXONOMY_CHANGED = dt.datetime.fromisoformat(taxonomy.VERSION).replace(tzinfo=dt.UTC)


def _json(body, last_modified):
    response = JsonResponse(body, json_dumps_params={"ensure_ascii": False})
    return set_last_modified(response, last_modified)


def _query(request, allowed):
    return parse_query(request.GET, allowed)


def _bad_query(error):
    return json_error(400, str(error))


@open_data
def root(request):
    """HSDS's `/`: which version we publish, and where the API is described."""
    try:
        _query(request, SINGLE)
    except QueryError as error:
        return _bad_query(error)
    # No `profile`: we publish HSDS 3.0 itself and claim no profile we have not checked.
    body = {
        "version": hsds.HSDS_VERSION,
        "openapi_url": f"{settings.SITE_URL}/api/v1/openapi.json",
        "license": OPEN_GOVERNMENT_LICENCE,
        "publisher": settings.SITE_NAME,
        "services_url": f"{settings.SITE_URL}/api/v1/services",
        "taxonomies_url": f"{settings.SITE_URL}/api/v1/taxonomies",
        "taxonomy_terms_url": f"{settings.SITE_URL}/api/v1/taxonomy_terms",
    }
    return _json(body, API_DOCUMENTS_CHANGED)


def _words_match(words, texts):
    haystack = " ".join(texts).casefold()
    return all(word in haystack for word in words)


def _service_matches(service, query, pub):
    if query.organization_id and str(getattr(service.organisation, "hsds_id", "")) != (
        query.organization_id
    ):
        return False
    if query.modified_after:
        modified = pub.last_modified(service)
        if modified is None or modified < query.modified_after:
            return False
    terms = taxonomy.service_terms(service)
    if query.taxonomy_term_id and query.taxonomy_term_id not in {t.id for t in terms}:
        return False
    if query.taxonomy_id:
        codes = {t.taxonomy for t in terms}
        if taxonomy.TAXONOMY_BY_ID[query.taxonomy_id].code not in codes:
            return False
    if query.search:
        texts = [service.name, service.short_description, service.who_it_helps]
        if service.organisation:
            texts.append(service.organisation.name)
        return _words_match(query.search.casefold().split(), texts)
    return True


def _page(items, query):
    return hsds.page_json(
        items[query.offset : query.offset + query.per_page],
        page_number=query.page,
        per_page=query.per_page,
        total_items=len(items),
    )


@open_data
def services(request):
    """HSDS's `/services`: a page of services, filtered (every filter must match)."""
    try:
        query = _query(request, SERVICE_LIST)
    except QueryError as error:
        return _bad_query(error)
    pub = hsds.publication(timezone.now())
    found = [s for s in pub.services if _service_matches(s, query, pub)]
    shape = hsds.service_full if query.full else hsds.service_brief
    page = _page(found, query)
    page["contents"] = [shape(service, pub) for service in page["contents"]]
    return _json(page, pub.modified.overall)


@open_data
def service(request, service_id):
    """HSDS's `/services/{id}`: one fully nested service."""
    try:
        _query(request, SINGLE)
    except QueryError as error:
        return _bad_query(error)
    pub = hsds.publication(timezone.now())
    match = next((s for s in pub.services if str(s.hsds_id) == str(service_id)), None)
    if match is None:
        return json_error(404, f"No service has the id {service_id}.")
    return _json(hsds.service_full(match, pub), pub.last_modified(match))


def _taxonomy_matches(of, query):
    return _words_match(query.search.casefold().split(), [of.name, of.description])


@open_data
def taxonomies(request):
    try:
        query = _query(request, TAXONOMY_LIST)
    except QueryError as error:
        return _bad_query(error)
    found = [of for of in taxonomy.TAXONOMIES if _taxonomy_matches(of, query)]
    page = _page(found, query)
    page["contents"] = [hsds.taxonomy_json(of) for of in page["contents"]]
    return _json(page, TAXONOMY_CHANGED)


@open_data
def taxonomy_detail(request, taxonomy_id):
    try:
        _query(request, SINGLE)
    except QueryError as error:
        return _bad_query(error)
    of = taxonomy.TAXONOMY_BY_ID.get(str(taxonomy_id))
    if of is None:
        return json_error(404, f"No taxonomy has the id {taxonomy_id}.")
    return _json(hsds.taxonomy_json(of), TAXONOMY_CHANGED)


def _term_matches(term, query):
    if query.taxonomy_id and taxonomy.TAXONOMY_BY_ID[query.taxonomy_id].code != term.taxonomy:
        return False
    if query.parent_id:
        return False  # our taxonomies are flat: no term has a parent
    return _words_match(query.search.casefold().split(), [term.name, term.description])


@open_data
def taxonomy_terms(request):
    try:
        query = _query(request, TERM_LIST)
    except QueryError as error:
        return _bad_query(error)
    found = [term for term in taxonomy.TERMS if _term_matches(term, query)]
    page = _page(found, query)
    page["contents"] = [hsds.term_json(term, detail=True) for term in page["contents"]]
    return _json(page, TAXONOMY_CHANGED)


@open_data
def taxonomy_term(request, term_id):
    try:
        _query(request, SINGLE)
    except QueryError as error:
        return _bad_query(error)
    term = taxonomy.TERM_BY_ID.get(str(term_id))
    if term is None:
        return json_error(404, f"No taxonomy term has the id {term_id}.")
    return _json(hsds.term_json(term, detail=True), TAXONOMY_CHANGED)


@open_data
def not_found(request, rest=""):
    """Any other address under /api/: a JSON 404 that points somewhere useful."""
    if request.path == "/api/v1":
        return HttpResponsePermanentRedirect("/api/v1/")
    hint = ""
    other = request.path[:-1] if request.path.endswith("/") else request.path + "/"
    try:
        if resolve(other).func is not not_found:
            hint = f" Did you mean {other}?"
    except Resolver404:
        pass
    return json_error(404, f"There is nothing at {request.path[:200]}.{hint} Start at /api/v1/.")
