"""Starter translations shipped in the repository, loaded as published and unchecked.

Pages: content/starter/translations/<language>/<slug>.html, with the English starter
pages' front matter (slug: the English page's slug, title, summary) and the body as HTML.
Services: signposting/starter/translations/<language>.yaml, mapping each service's slug
to {short_description, who_it_helps}. Only languages in settings.LANGUAGES are read.

Only missing translations are created: one staff have edited, or deleted, is left alone.
Each is made from the English as it is when loaded, and is unchecked: the team wrote it,
and no fluent speaker has checked it here yet (design rule 7).
"""

from dataclasses import dataclass
from pathlib import Path

import yaml
from django.conf import settings
from django.core.exceptions import ValidationError

from content.models import Page
from signposting.models import Service

from .languages import translation_languages
from .models import PageTranslation, ServiceTranslation, Translation

PAGES_DIR = Path(settings.BASE_DIR) / "content" / "starter" / "translations"
SERVICES_DIR = Path(settings.BASE_DIR) / "signposting" / "starter" / "translations"
REASON = "Starter translation"


class StarterTranslationError(Exception):
    """A starter file that cannot be loaded; the message names the file."""


@dataclass(frozen=True)
class StarterPageTranslation:
    path: Path
    language: str
    slug: str
    title: str
    summary: str
    body: str


def read_page_translation(path, language):
    text = Path(path).read_text(encoding="utf-8")
    try:
        _before, front, body = text.split("---\n", 2)
        meta = yaml.safe_load(front)
        return StarterPageTranslation(
            Path(path),
            language,
            slug=meta["slug"],
            title=meta["title"],
            summary=" ".join(meta["summary"].split()),
            body=body.strip(),
        )
    except (ValueError, KeyError, TypeError, yaml.YAMLError) as error:
        raise StarterTranslationError(
            f"{path}: no front matter with slug, title and summary"
        ) from error


def starter_page_translations(pages_dir=PAGES_DIR):
    found = []
    for language, _name in translation_languages():
        for path in sorted((Path(pages_dir) / language).glob("*.html")):
            found.append(read_page_translation(path, language))
    return found


def starter_service_translations(services_dir=SERVICES_DIR):
    """[(path, language, service slug, {short_description, who_it_helps})]"""
    found = []
    for language, _name in translation_languages():
        path = Path(services_dir) / f"{language}.yaml"
        if not path.exists():
            continue
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for slug, texts in entries.items():
            if not isinstance(texts, dict):
                raise StarterTranslationError(
                    f"{path}: {slug} needs short_description and who_it_helps"
                )
            found.append((path, language, slug, texts))
    return found


def _ever_existed(model, **record):
    return model.objects.filter(**record).exists() or model.history.filter(**record).exists()


def _save_new(row, path):
    row.status = Translation.Status.PUBLISHED
    row.made_from_latest_english()
    try:
        row.full_clean()
    except ValidationError as error:
        raise StarterTranslationError(f"{path}: {'; '.join(error.messages)}") from error
    row._change_reason = REASON
    row.save()


def load_page_translations(pages_dir=PAGES_DIR):
    starters = starter_page_translations(pages_dir)
    pages = {page.slug: page for page in Page.objects.filter(slug__in={s.slug for s in starters})}
    created = 0
    for starter in starters:
        page = pages.get(starter.slug)
        if page is None:
            raise StarterTranslationError(f"{starter.path}: there is no page “{starter.slug}”")
        if _ever_existed(PageTranslation, page_id=page.pk, language=starter.language):
            continue
        row = PageTranslation(
            page=page,
            language=starter.language,
            title=starter.title,
            summary=starter.summary,
            body=starter.body,
        )
        _save_new(row, starter.path)
        created += 1
    return created


def load_service_translations(services_dir=SERVICES_DIR):
    starters = starter_service_translations(services_dir)
    services = {s.slug: s for s in Service.objects.filter(slug__in={s[2] for s in starters})}
    created = 0
    for path, language, slug, texts in starters:
        service = services.get(slug)
        if service is None:
            raise StarterTranslationError(f"{path}: there is no service “{slug}”")
        if _ever_existed(ServiceTranslation, service_id=service.pk, language=language):
            continue
        row = ServiceTranslation(
            service=service,
            language=language,
            short_description=" ".join(str(texts.get("short_description", "")).split()),
            who_it_helps=str(texts.get("who_it_helps", "")).strip(),
        )
        _save_new(row, path)
        created += 1
    return created
