"""Undo a deletion from its simple-history record, with what was deleted alongside it.

Deleting a service also deletes its contacts and opening times (CASCADE); each leaves its
own "-" record a few milliseconds apart. Restoring the service brings those back too, so
an undo really undoes. Children deleted on their own at another time stay deleted.
"""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models, transaction
from simple_history.models import registered_models

# Cascaded deletions are recorded within one request; a generous window for a slow database.
CASCADE_WINDOW = timedelta(seconds=10)


class CannotRestore(Exception):
    pass


def history_models():
    """Every simple-history audit model, whatever app registered it."""
    return [
        model.history.model for model in registered_models.values() if hasattr(model, "history")
    ]


def can_restore(user, model):
    """Undoing a deletion needs what deleting needed, plus adding: an Editor cannot."""
    opts = model._meta
    return all(
        user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}")
        for action in ("add", "change", "delete")
    )


def restore_deleted(record, user):
    """Recreate the object a "-" history record describes. Returns the objects restored."""
    if record.history_type != "-":
        raise CannotRestore(f"{record} is not a deletion.")
    with transaction.atomic():
        return _restore(record, user)


def _restore(record, user):
    model = record.instance_type
    instance = record.instance
    if model._default_manager.filter(pk=instance.pk).exists():
        raise CannotRestore(f"“{instance}” already exists.")
    try:
        instance.validate_unique()
    except ValidationError as error:
        raise CannotRestore(f"“{instance}” cannot come back: {' '.join(error.messages)}") from None
    instance._history_user = user  # the audit says who undid it
    instance.save(force_insert=True)
    restored = [instance]
    for child_record in _deleted_with(record, model, instance.pk):
        restored += _restore(child_record, user)
    return restored


def _deleted_with(record, model, pk):
    window = (record.history_date - CASCADE_WINDOW, record.history_date + CASCADE_WINDOW)
    for history_model in history_models():
        child_model = history_model.instance_type
        for field in child_model._meta.fields:
            if not (
                isinstance(field, models.ForeignKey)
                and field.related_model is model
                and field.remote_field.on_delete is models.CASCADE
            ):
                continue
            candidates = history_model.objects.filter(
                history_type="-", history_date__range=window, **{field.attname: pk}
            )
            for candidate in candidates:
                if not child_model._default_manager.filter(pk=candidate.instance.pk).exists():
                    yield candidate
