"""Translations on the review dashboard: those out of step with the English, and those no
fluent speaker has checked yet. Published ones only: what visitors are reading now."""

from dataclasses import dataclass

from django.urls import reverse

from .selectors import out_of_step_translations, unchecked_translations


@dataclass(frozen=True)
class TranslationToReview:
    label: str
    url: str


def _listed(rows):
    return [
        TranslationToReview(
            str(row), reverse(f"admin:translations_{row._meta.model_name}_change", args=[row.pk])
        )
        for row in rows
    ]


def translations_to_review():
    return {
        "out_of_step_translations": _listed(out_of_step_translations()),
        "unchecked_translations": _listed(unchecked_translations()),
    }
