"""The results page built from kept parts is the page rendered afresh for the visit.

signposting.results_page renders what does not depend on the answers once per directory
and keeps it in the shared cache. Here the page from the kept parts (read back from the
cache, as another server would) is compared with the page rendered with every part made
for the visit and nothing remembered, for every situation at every moment the triage
tests use. Both sides use the same templates, so a wording change never needs this test
changed; what it catches is a part that differs, goes stale or is escaped differently.
"""

import gzip

import pytest
from django.test import Client, RequestFactory

from signposting import results_page
from signposting.models import Contact
from signposting.triage import recommend
from signposting.views import results_context
from stalkinghelp import content_generation
from tests.answers import IN_DANGER_CANNOT_TALK, IN_DANGER_ONLY
from tests.signposting.test_triage import EVERY_SITUATION, MOMENTS

pytestmark = pytest.mark.django_db


def _kept_parts(request, entries):
    results_page.current_parts(request, entries)  # rendered and kept
    content_generation._read_here.clear()  # read back from the shared cache, unpickled
    return results_page.current_parts(request, entries)


def _rendered_afresh(context, request, entries):
    results_page._state_html.cache_clear()
    return results_page.render_results(request, context, results_page.build_parts(request, entries))


@pytest.mark.parametrize("moment", MOMENTS.values(), ids=MOMENTS.keys())
def test_the_page_from_kept_parts_is_the_page_rendered_afresh(starter_entries, moment):
    request = RequestFactory().post("/get-help/")
    kept = _kept_parts(request, starter_entries)
    for situation in EVERY_SITUATION:
        recommendations = recommend(situation, starter_entries, moment)
        context = results_context(situation, {}, [], recommendations, moment)
        fast = results_page.render_results(request, context, kept).content
        assert fast == _rendered_afresh(context, request, starter_entries).content, situation


@pytest.mark.parametrize("answers", [IN_DANGER_CANNOT_TALK, IN_DANGER_ONLY])
def test_a_change_in_the_directory_reaches_the_results_at_once(starter_data, answers):
    client = Client()
    assert b"0808 802 0300" in client.post("/get-help/", answers).content
    contact = Contact.objects.get(service__slug="national-stalking-helpline", kind="voice")
    contact.value = "0808 802 0301"
    contact.save()
    page = client.post("/get-help/", answers).content
    assert b"0808 802 0301" in page and b"0808 802 0300" not in page


def test_the_results_are_compressed_once_quickly_for_a_browser_that_takes_gzip(starter_data):
    client = Client()
    plain = client.post("/get-help/", IN_DANGER_ONLY)
    squeezed = client.post("/get-help/", IN_DANGER_ONLY, HTTP_ACCEPT_ENCODING="gzip, br")
    assert "Content-Encoding" not in plain
    assert squeezed["Content-Encoding"] == "gzip"
    assert plain["Vary"] == squeezed["Vary"] == "Accept-Encoding"
    assert int(squeezed["Content-Length"]) == len(squeezed.content)
    # Compressed once (GZipMiddleware leaves it alone), to the very page sent uncompressed.
    assert gzip.decompress(squeezed.content) == plain.content
    # zlib's fastest level, not GZipMiddleware's 6: the gzip header's XFL byte says so.
    assert squeezed.content[8] == 4
