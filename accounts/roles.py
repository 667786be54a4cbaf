"""Staff roles as data: which permissions each group holds, and keeping the groups in step.

The table is the single statement of who may do what. `sync_roles` rewrites the three
groups from it after every migrate, so a model added later (and its permissions) is
covered at the next deploy, and a permission ticked by hand in the admin does not
quietly outlive the next release. To change a role, change this table.
"""

from dataclasses import dataclass

EDITOR = "Editor"
PUBLISHER = "Publisher"
SITE_ADMINISTRATOR = "Site administrator"
ROLE_NAMES = (EDITOR, PUBLISHER, SITE_ADMINISTRATOR)

STANDARD_ACTIONS = frozenset({"add", "change", "delete", "view"})
EVERY_APP = "*"


@dataclass(frozen=True)
class Grant:
    """Permissions on the models of one app (or of every app, with EVERY_APP).

    `actions` are the standard add/change/delete/view; `extra` are custom codenames,
    granted only when named, so a new custom permission such as "publish_x" never lands
    with an Editor by default. `all_custom` grants every custom permission of the app.
    """

    app_label: str
    actions: frozenset = frozenset()
    extra: frozenset = frozenset()
    all_custom: bool = False
    models: frozenset | None = None  # model names, or None for every model of the app


@dataclass(frozen=True)
class PermissionKey:
    app_label: str
    model: str
    codename: str
    is_history: bool = False  # a simple-history audit model (read-only for every role)


ROLES = {
    # Drafts and previews; reads the directory; cannot publish, revert, delete or change numbers.
    EDITOR: (
        Grant("content", frozenset({"view"})),
        Grant(
            "content",
            frozenset({"add", "change"}),
            extra=frozenset({"preview_page"}),
            models=frozenset({"page"}),
        ),
        Grant("signposting", frozenset({"view"})),
        # Translations as pages: drafts and previews, never publishing.
        Grant(
            "translations",
            frozenset({"view", "add", "change"}),
            extra=frozenset({"preview_pagetranslation"}),
        ),
        # Sees the changes (their own among them) and their state; decides none.
        Grant("approvals", frozenset({"view"}), models=frozenset({"changerequest"})),
    ),
    # Everything an Editor can, plus publishing, reverting and the whole directory.
    PUBLISHER: (
        Grant("content", STANDARD_ACTIONS, all_custom=True),
        Grant("signposting", STANDARD_ACTIONS, all_custom=True),
        Grant("translations", STANDARD_ACTIONS, all_custom=True),
        # The partners page's intro is published text, like a page.
        Grant(
            "partners", frozenset({"view", "add", "change"}), models=frozenset({"partnersintro"})
        ),
        # Approves other people's changes; emergency changes alone only when a Site
        # administrator allows it (approvals.EmergencyAllowance, which only they manage).
        Grant(
            "approvals",
            frozenset({"view"}),
            extra=frozenset({"approve_change"}),
            models=frozenset({"changerequest"}),
        ),
    ),
    # Everything, staff accounts and lockouts included.
    SITE_ADMINISTRATOR: (Grant(EVERY_APP, STANDARD_ACTIONS, all_custom=True),),
}

# Records nobody but a superuser may alter: the audit trails (simple-history's, and the
# admin's own log) and the permission catalogue. Sessions and content types are framework
# plumbing with nothing for staff to do.
READ_ONLY_MODELS = frozenset({("admin", "logentry"), ("auth", "permission")})
HIDDEN_APPS = frozenset({"contenttypes", "sessions"})


def _action(codename):
    action, _, _model = codename.partition("_")
    return action if action in STANDARD_ACTIONS else None


def _grant_allows(grant, key):
    if grant.app_label not in (EVERY_APP, key.app_label):
        return False
    if grant.models is not None and key.model not in grant.models:
        return False
    action = _action(key.codename)
    if action is None:
        return grant.all_custom or key.codename in grant.extra
    return action in grant.actions


def role_permissions(role, permissions):
    """The subset of `permissions` (PermissionKeys) that the role holds."""
    held = set()
    for key in permissions:
        if key.app_label in HIDDEN_APPS:
            continue
        read_only = key.is_history or (key.app_label, key.model) in READ_ONLY_MODELS
        if read_only and _action(key.codename) != "view":
            continue
        if any(_grant_allows(grant, key) for grant in ROLES[role]):
            held.add(key)
    return held


def _is_history_model(model):
    from simple_history.models import HistoricalChanges

    return model is not None and issubclass(model, HistoricalChanges)


def sync_roles(using="default"):
    """Create the role groups and set their permissions from ROLES. Safe to run repeatedly."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    # post_migrate reaches apps one by one; create every app's permissions first so the
    # groups are complete whatever the order of INSTALLED_APPS.
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)

    by_key = {}
    for permission in Permission.objects.using(using).select_related("content_type"):
        content_type = permission.content_type
        model = apps.all_models.get(content_type.app_label, {}).get(content_type.model)
        key = PermissionKey(
            content_type.app_label,
            content_type.model,
            permission.codename,
            _is_history_model(model),
        )
        by_key[key] = permission

    for role in ROLE_NAMES:
        group, _created = Group.objects.using(using).get_or_create(name=role)
        group.permissions.set([by_key[key] for key in role_permissions(role, by_key)])


def sync_roles_after_migrate(sender, using="default", **kwargs):
    sync_roles(using=using)


def user_has_role(user, role):
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name=role).exists()
