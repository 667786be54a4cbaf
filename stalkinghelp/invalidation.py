"""Any change to what visitors see invalidates every cached copy of it.

Every model in the apps that feed public pages is connected, rather than a hand-kept
list, so a model added later (a new kind of opening exception, partners' next
editable text) invalidates the cache without anyone remembering to wire it up. A page
can show any service through a token and every page shows the emergency numbers, so
one change invalidates everything: changes are rare, rendering a page is cheap.

Writes that skip the ORM (queryset.update(), bulk_create, raw SQL) send no signals:
call content_generation.bump_generation() after them. Otherwise the directory snapshot
and the emergency numbers, which have no clock of their own, stay as they were until
the next change in the admin, and every page rendered meanwhile shows them.
"""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save

from .content_generation import bump_generation

PUBLIC_APPS = ("signposting", "content", "partners", "translations")


def _is_history_record(model):
    # django-simple-history's copies are written alongside the real save, which
    # already invalidates; connecting them too would just invalidate twice.
    return hasattr(model, "instance_type")


def public_models():
    for label in PUBLIC_APPS:
        if not apps.is_installed(label):
            continue
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            if not _is_history_record(model):
                yield model


def connect():
    for model in public_models():
        uid = f"page-cache-{model._meta.label_lower}"
        post_save.connect(bump_generation, sender=model, dispatch_uid=uid + "-save")
        post_delete.connect(bump_generation, sender=model, dispatch_uid=uid + "-delete")
        if model._meta.auto_created:  # a many-to-many table
            m2m_changed.connect(bump_generation, sender=model, dispatch_uid=uid + "-m2m")
