"""The whole directory as downloadable files: HSDS 3.0 JSON and a flat CSV.

The JSON is every service, fully nested, in one HSDS Page: what GET
/api/v1/services?full=true gives when the page holds them all. The CSV has one row per
service, for people who use spreadsheets; partners.tabular gives HSDS's own CSV form.
"""

import csv
import io
import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from signposting.entries import visible_alert
from signposting.opening import describe_sessions
from signposting.selectors import listed_services
from signposting.serializers.hsds import directory_json as hsds_directory
from signposting.serializers.hsds import publication

FILE_STEM = "stalking-help-nottinghamshire-directory"

CSV_COLUMNS = (
    "id",
    "slug",
    "name",
    "organisation",
    "category",
    "status",
    "alert",
    "description",
    "who_it_helps",
    "area",
    "minimum_age",
    "maximum_age",
    "phones",
    "website",
    "email",
    "opening_hours",
    "verified",
    "last_verified",
    "page",
)

# A cell that starts like a formula is run by Excel and other spreadsheets when the file
# is opened (CSV injection); a leading apostrophe keeps it as text.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value):
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def directory_json(pub=None):
    pub = pub or publication(timezone.now())
    return json.dumps(
        hsds_directory(pub), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2
    ).encode("utf-8")


def _phones(service):
    return "; ".join(
        " ".join(filter(None, [contact.label + ":" if contact.label else "", contact.value]))
        for contact in service.public_contacts()
        if contact.kind in ("voice", "sms", "textphone")
    )


def _first(service, kinds):
    return next((c.value for c in service.public_contacts() if c.kind in kinds), "")


def service_row(service):
    return {
        "id": str(service.hsds_id),
        "slug": service.slug,
        "name": service.name,
        "organisation": service.organisation.name if service.organisation_id else "",
        "category": service.category,
        "status": service.status,
        "alert": visible_alert(service, timezone.now()),
        "description": service.short_description,
        "who_it_helps": service.who_it_helps,
        "area": service.get_area_display(),
        "minimum_age": service.min_age,
        "maximum_age": service.max_age,
        "phones": _phones(service),
        "website": service.url or _first(service, ("web", "chat")),
        "email": _first(service, ("email",)),
        "opening_hours": "; ".join(describe_sessions(service.hours)),
        "verified": "yes" if service.verified else "no",
        "last_verified": service.last_verified.isoformat() if service.last_verified else "",
        "page": settings.SITE_URL + service.get_absolute_url(),
    }


def directory_csv(pub=None):
    services = pub.services if pub else listed_services()
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for service in services:
        writer.writerow({key: _cell(value) for key, value in service_row(service).items()})
    # A byte-order mark, so Excel opens the file as UTF-8 ("Women's", "–") not as Latin-1.
    return ("\ufeff" + out.getvalue()).encode("utf-8")
