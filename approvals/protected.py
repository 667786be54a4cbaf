"""What needs a second person, and the values a change carries.

A rule names, for one model, the fields (and the related rows edited with it) whose
change can hurt someone. To protect another field, add its name to the rule's
`fields`: the admin, the diff, the dashboard and the approval all follow from it.

A snapshot is the record's editable values as JSON-safe data:
    {"fields": {name: value}, "related": {accessor: [{"id": pk or None, name: value}]}}
Rows of a new record, or rows added by the change, have "id": None.
"""

import json
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import strip_tags


@dataclass(frozen=True)
class TwoPersonRule:
    label: str  # app_label.model_name
    fields: tuple  # a change to any of these needs a second person
    related: tuple = ()  # related rows (reverse accessors) edited with the record
    # The permission that lets someone approve a change to this model (with approve_change).
    approve_permission: str = ""
    # A page: while it is live, or once it is to go live, every change waits.
    protect_everything_while: tuple = ()  # (field, value) pairs
    # Pages are prepared as working copies and sent when ready; a directory change is
    # sent for approval as soon as it is saved.
    working_copies: bool = False

    def needs_second_person(self, before, after):
        for field, value in self.protect_everything_while:
            if value in ((before or {}).get("fields", {}).get(field), after["fields"].get(field)):
                return before != after
        if before is None:
            # A new service's numbers and hours are all new; a new page is a draft.
            return not self.working_copies
        if self.changes_protected_fields(before, after):
            return True
        return any(
            before["related"].get(name) != after["related"].get(name) for name in self.related
        )

    def changes_protected_fields(self, before, after):
        old = (before or {}).get("fields", {})
        return any(old.get(name) != after["fields"].get(name) for name in self.fields)


RULES = {
    rule.label: rule
    for rule in (
        TwoPersonRule(
            "content.page",
            fields=("status",),
            approve_permission="content.publish_page",
            protect_everything_while=(("status", "published"),),
            working_copies=True,
        ),
        # A translation is published text like a page: its own working copy, and a second
        # person to publish it or to change it while it is live.
        TwoPersonRule(
            "translations.pagetranslation",
            fields=("status",),
            approve_permission="translations.publish_pagetranslation",
            protect_everything_while=(("status", "published"),),
            working_copies=True,
        ),
        TwoPersonRule(
            "translations.servicetranslation",
            fields=("status",),
            approve_permission="translations.publish_servicetranslation",
            protect_everything_while=(("status", "published"),),
            working_copies=True,
        ),
        TwoPersonRule(
            "signposting.service",
            fields=(
                "status",
                "alert",
                "alert_until",
                # eligibility
                "genders",
                "min_age",
                "max_age",
                "relationship",
                "area",
                "self_referral",
                # hours
                "always_open",
                "bank_holidays",
                "hours_confirmed",
                # routing: which part of the help-finder sends people here
                "role",
            ),
            related=("contacts", "opening_times", "hours_exceptions"),
            approve_permission="signposting.change_service",
        ),
    )
}


def rule_for(model):
    return RULES.get(model._meta.label_lower)


def _editable_fields(model, skip=()):
    return [
        field
        for field in model._meta.get_fields()
        if getattr(field, "editable", False)
        and (field.concrete or field.many_to_many)
        and not field.auto_created
        and not field.primary_key
        and field.name not in skip
    ]


def json_safe(value):
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def _row_values(instance, skip=()):
    values = {}
    for field in _editable_fields(type(instance), skip):
        if field.many_to_many:
            values[field.name] = (
                sorted(obj.pk for obj in getattr(instance, field.name).all()) if instance.pk else []
            )
        else:
            values[field.attname] = getattr(instance, field.attname)
    return values


def snapshot(instance, rule):
    """The record as a change stores it (read from the database, related rows included)."""
    related = {}
    for accessor in rule.related:
        manager = getattr(instance, accessor)
        back = manager.field.name
        related[accessor] = [
            {"id": row.pk} | _row_values(row, skip=(back,)) for row in manager.all()
        ]
    return json_safe({"fields": _row_values(instance), "related": related})


def _to_python(field, value):
    return None if value is None else field.to_python(value)


def apply_snapshot(model, instance, values, rule, *, history_user, reason):
    """Make `instance` (or a new record when None) match `values`; returns the record."""
    instance = instance or model()
    m2m = {}
    for field in _editable_fields(model):
        if field.many_to_many:
            m2m[field.name] = values["fields"].get(field.name, [])
        elif field.attname in values["fields"]:
            setattr(instance, field.attname, _to_python(field, values["fields"][field.attname]))
    instance.full_clean()
    instance._history_user = history_user
    instance._change_reason = reason
    instance.save()
    for name, pks in m2m.items():
        getattr(instance, name).set(pks)
    for accessor in rule.related:
        _apply_rows(instance, accessor, values["related"].get(accessor, []), history_user, reason)
    return instance


def _apply_rows(instance, accessor, rows, history_user, reason):
    manager = getattr(instance, accessor)
    row_model, back = manager.model, manager.field.name
    existing = {row.pk: row for row in manager.all()}
    kept = set()
    for values in rows:
        row = existing.get(values.get("id")) or row_model(**{back: instance})
        for field in _editable_fields(row_model, skip=(back,)):
            if field.attname in values:
                setattr(row, field.attname, _to_python(field, values[field.attname]))
        row.full_clean(exclude=[back])
        row._history_user, row._change_reason = history_user, reason
        row.save()
        kept.add(row.pk)
    for pk, row in existing.items():
        if pk not in kept:
            row._history_user, row._change_reason = history_user, reason
            row.delete()


# --- the field-level diff shown to approvers -------------------------------------------


@dataclass(frozen=True)
class FieldChange:
    label: str
    before: str
    after: str


def _display(field, value):
    if value is None or value == "":
        return "(empty)"
    if field.choices:
        return str(dict(field.flatchoices).get(_to_python(field, value), value))
    if field.is_relation:
        if field.many_to_many:
            return (
                ", ".join(
                    str(obj) for obj in field.related_model._default_manager.filter(pk__in=value)
                )
                or "(none)"
            )
        return str(field.related_model._default_manager.filter(pk=value).first() or value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = strip_tags(str(value)) if field.name == "body" else str(value)
    return " ".join(text.split())


def _field_by_key(model, key):
    for field in _editable_fields(model):
        if key in (field.name, getattr(field, "attname", None)):
            return field
    return None


def _row_text(row_model, values, back):
    instance = row_model()
    for field in _editable_fields(row_model, skip=(back,)):
        if field.attname in values:
            setattr(instance, field.attname, _to_python(field, values[field.attname]))
    text = str(instance)
    extras = [
        f"{field.verbose_name}: {_display(field, values[field.attname])}"
        for field in _editable_fields(row_model, skip=(back,))
        if field.attname in values
        and values[field.attname] not in ("", None, False)
        and field.attname not in ("kind", "value", "weekday", "opens", "closes", "date", "closed")
    ]
    return text + (f" ({'; '.join(extras)})" if extras else "")


def diff(model, before, after, rule):
    """What will change, field by field, in words an approver can check."""
    before = before or {"fields": {}, "related": {}}
    changes = []
    for key, new in after["fields"].items():
        old = before["fields"].get(key)
        if old == new:
            continue
        field = _field_by_key(model, key)
        label = str(field.verbose_name) if field else key
        changes.append(FieldChange(label.capitalize(), _display(field, old), _display(field, new)))
    for accessor in rule.related:
        manager_field = model._meta.get_field(accessor)
        row_model, back = manager_field.related_model, manager_field.field.name
        label = str(row_model._meta.verbose_name_plural).capitalize()
        old_rows = [_row_text(row_model, r, back) for r in before["related"].get(accessor, [])]
        new_rows = [_row_text(row_model, r, back) for r in after["related"].get(accessor, [])]
        if old_rows != new_rows:
            changes.append(
                FieldChange(label, "\n".join(old_rows) or "(none)", "\n".join(new_rows) or "(none)")
            )
    return changes
