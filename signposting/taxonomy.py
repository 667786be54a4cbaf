# ruff: noqa: E501 - one term to a line reads best as a table
"""Our taxonomies: the words the open data uses for who a service is for and what it does.

Published at /api/v1/taxonomies and /api/v1/taxonomy_terms (HSDS `taxonomy` and
`taxonomy_term`), and applied to each service as HSDS `attributes`, so a partner can
filter with `taxonomy_term_id`. The vocabulary is fixed in code, because the help-finder's
rules are written in it; each term's id is derived from its taxonomy's code and its own
code, which never change (a name or a description may be reworded, the id stays).

The routing roles are the jobs the help-finder gives services: triage.py picks services
by the role the directory gives them (Service.role), never by name, so another police
area's directory routes with the same rules. A role in EXCLUSIVE_ROLES is filled by one
service at most; the others may have several (a local and a national line).
"""

import uuid
from dataclasses import dataclass

from . import entries, opening

# Shared by every site that runs this code: the same term has the same id everywhere.
NAMESPACE = uuid.UUID("6f1d2a8e-3c47-4b5e-9a0d-52c8e7b4f913")  # made once for this project
# The date a person last changed a term below: the taxonomy's `version` and Last-Modified.
VERSION = "2026-12-02"


@dataclass(frozen=True)
class Term:
    taxonomy: str  # the taxonomy's code
    code: str
    name: str
    description: str

    @property
    def id(self):
        return str(uuid.uuid5(NAMESPACE, f"term:{self.taxonomy}:{self.code}"))


@dataclass(frozen=True)
class Taxonomy:
    code: str
    name: str
    description: str
    link_type: str  # HSDS attribute.link_type: what the term says about a service
    terms: tuple

    @property
    def id(self):
        return str(uuid.uuid5(NAMESPACE, f"taxonomy:{self.code}"))

    def term(self, code):
        return next(term for term in self.terms if term.code == code)


def _taxonomy(code, name, description, link_type, terms):
    return Taxonomy(code, name, description, link_type, tuple(Term(code, *t) for t in terms))


CATEGORY = _taxonomy(
    "category",
    "What the service does",
    "The kind of help a service gives, as the help-finder groups services.",
    "service_type",
    [
        ("emergency", "Emergency", "Emergency help: 999 and the ways to reach it silently, by text or in BSL."),
        ("report", "Report to the police", "Ways to report a crime: the police, online, or anonymously."),
        ("advocacy", "Stalking advocacy", "Advocates who support a person through safety planning and the justice process."),
        ("helpline", "Helpline", "A line to call, text or chat to for advice and support."),
        ("support", "Support", "Other support: victims' services and emotional support."),
    ],
)  # fmt: skip

RELATIONSHIP = _taxonomy(
    "relationship",
    "Who is doing it",
    "Whether a service helps with stalking by a partner, ex-partner or family member "
    "(domestic abuse), by anyone else, or both.",
    "eligibility",
    [
        ("any", "Anyone", "The service helps whoever is doing it."),
        ("domestic", "A partner, ex-partner or family member", "The service helps with domestic abuse only."),
        ("non_domestic", "Anyone else", "The service helps when the person doing it is not a partner, ex-partner or family member."),
    ],
)  # fmt: skip

GENDER = _taxonomy(
    "gender",
    "Who the service is for: gender",
    "Whether a service is for women, for men, or for anyone.",
    "eligibility",
    [
        (entries.ANY, "Anyone", "The service is for people of any gender."),
        (entries.WOMEN, "Women", "The service is for women."),
        (entries.MEN, "Men", "The service is for men."),
    ],
)  # fmt: skip

AGE = _taxonomy(
    "age",
    "Who the service is for: age",
    "The help-finder's age groups a service takes, from its minimum and maximum ages.",
    "eligibility",
    [
        ("under_16", "Under 16", "The service takes people aged 15 or under."),
        ("16_17", "16 or 17", "The service takes people aged 16 or 17."),
        ("18", "18", "The service takes people aged 18."),
        ("19_plus", "19 or over", "The service takes people aged 19 or over."),
    ],
)  # fmt: skip
# The ages each group covers, inclusive (the help-finder's own groups).
AGE_RANGES = {"under_16": (0, 15), "16_17": (16, 17), "18": (18, 18), "19_plus": (19, 200)}

AREA = _taxonomy(
    "area",
    "Where the service works",
    "Whether a service is national or only for people in this police force's area.",
    "eligibility",
    [
        (entries.AREA_NATIONAL, "National", "The service is for people anywhere in the United Kingdom."),
        (entries.AREA_LOCAL, "This police area", "The service is only for people who live in the police area this site serves."),
    ],
)  # fmt: skip

BANK_HOLIDAYS = _taxonomy(
    "bank_holidays",
    "Opening on bank holidays",
    "Whether a service keeps its usual hours on bank holidays in England.",
    "opening_hours",
    [
        (opening.BANK_HOLIDAY_OPEN, "Open as usual", "The service keeps its usual hours on bank holidays."),
        (opening.BANK_HOLIDAY_CLOSED, "Closed", "The service is closed on bank holidays."),
        (opening.BANK_HOLIDAY_UNKNOWN, "Not known", "We do not know whether the service opens on bank holidays."),
    ],
)  # fmt: skip

VERIFIED = _taxonomy(
    "verified",
    "Checked with the provider",
    "Whether staff have checked a service's number and hours with the provider. Treat "
    "details not yet checked with care.",
    "provenance",
    [
        ("yes", "Checked", "Staff checked the number and hours with the provider."),
        ("no", "Not yet checked", "The details come from public sources that disagree or are incomplete."),
    ],
)  # fmt: skip

ROLE = _taxonomy(
    "role",
    "The job a service does in the help-finder",
    "The routing roles the help-finder's rules pick services for. A directory for any "
    "police area names which of its services fills each role.",
    "role",
    [
        ("emergency_call", "Emergency call", "The 999 emergency line."),
        ("silent_emergency_call", "Silent emergency call", "Reaching 999 without speaking (the Silent Solution)."),
        ("emergency_text", "Emergency text", "Texting 999 from a registered phone."),
        ("text_relay", "Text relay", "Calls by text through a relay service."),
        ("bsl_emergency", "Emergency calls in British Sign Language", "Reaching 999 through a BSL interpreter."),
        ("police_non_emergency", "Police non-emergency line", "Reporting to the police when not in danger now."),
        ("police_online_report", "Report to the police online", "The local force's online report."),
        ("police_bsl_video", "The police in British Sign Language", "The local force through a video interpreter, when it is not an emergency."),
        ("anonymous_reporting", "Anonymous reporting", "Passing on information about a crime without giving a name."),
        ("stalking_helpline", "Stalking helpline", "Specialist advice about stalking, for anyone."),
        ("high_risk_stalking_advocacy", "Stalking advocacy at high risk", "Advocates for people at high risk of serious harm from stalking."),
        ("local_stalking_advocacy", "Local stalking advocacy", "The area's stalking advocates, for stalking by someone other than a partner or family member."),
        ("domestic_abuse_line_women", "Domestic abuse line for women", "A line for women stalked by a partner, ex-partner or family member."),
        ("domestic_abuse_line_men", "Domestic abuse line for men", "A line for men stalked by a partner, ex-partner or family member."),
        ("lgbt_abuse_line", "Abuse line for LGBT+ people", "A line for LGBT+ people facing abuse, including stalking."),
        ("honour_based_abuse_line", "Honour-based abuse line", "A line for abuse involving a family, or people acting for them."),
        ("children_and_young_people_line", "Line for children and young people", "A line for children and young people."),
        ("victim_support", "Support for victims of crime", "Victims' services that can stand in when a stalking line is closed."),
        ("emotional_support", "Emotional support", "Someone to talk to at any time."),
    ],
)  # fmt: skip

# Roles the rules send one service for: a second would be a routing mistake.
MULTIPLE_ROLES = ("domestic_abuse_line_women", "domestic_abuse_line_men", "victim_support")
EXCLUSIVE_ROLES = tuple(term.code for term in ROLE.terms if term.code not in MULTIPLE_ROLES)

TAXONOMIES = (CATEGORY, RELATIONSHIP, GENDER, AGE, AREA, BANK_HOLIDAYS, VERIFIED, ROLE)
TERMS = tuple(term for taxonomy in TAXONOMIES for term in taxonomy.terms)
TAXONOMY_BY_CODE = {taxonomy.code: taxonomy for taxonomy in TAXONOMIES}
TAXONOMY_BY_ID = {taxonomy.id: taxonomy for taxonomy in TAXONOMIES}
TERM_BY_ID = {term.id: term for term in TERMS}


def ages_served(min_age, max_age):
    """The age groups a service takes: every group its age limits overlap."""
    low = 0 if min_age is None else min_age
    high = 200 if max_age is None else max_age
    return [code for code, (start, end) in AGE_RANGES.items() if start <= high and end >= low]


def service_terms(service):
    """The terms that describe a service (a Service row), in taxonomy order."""
    values = {
        CATEGORY: [service.category],
        RELATIONSHIP: [service.relationship],
        GENDER: [service.genders],
        AGE: ages_served(service.min_age, service.max_age),
        AREA: [service.area],
        BANK_HOLIDAYS: [service.bank_holidays],
        VERIFIED: ["yes" if service.verified else "no"],
        ROLE: [service.role] if service.role else [],
    }
    return [taxonomy.term(code) for taxonomy, codes in values.items() for code in codes]
