import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from accounts.roles import (
    EDITOR,
    PUBLISHER,
    ROLE_NAMES,
    SITE_ADMINISTRATOR,
    PermissionKey,
    role_permissions,
    sync_roles,
)


def _key(perm, history=False):
    app_label, codename = perm.split(".")
    model = codename.partition("_")[2]
    return PermissionKey(app_label, model, codename, history)


ALL = [
    _key("content.add_page"),
    _key("content.change_page"),
    _key("content.delete_page"),
    _key("content.view_page"),
    _key("content.publish_page"),
    _key("content.revert_page"),
    _key("content.preview_page"),
    _key("content.add_pageredirect"),
    _key("content.view_pageredirect"),
    _key("content.view_historicalpage", history=True),
    _key("content.change_historicalpage", history=True),
    _key("signposting.change_contact"),
    _key("signposting.view_contact"),
    _key("signposting.delete_service"),
    _key("auth.change_user"),
    _key("auth.change_permission"),
    _key("admin.delete_logentry"),
    _key("axes.delete_accessattempt"),
    _key("sessions.view_session"),
    _key("partners.change_partnersintro"),
    _key("partners.delete_partnersintro"),
]


@pytest.mark.parametrize(
    ("role", "codename", "held"),
    [
        (EDITOR, "content.add_page", True),
        (EDITOR, "content.change_page", True),
        (EDITOR, "content.preview_page", True),
        (EDITOR, "content.view_historicalpage", True),
        (EDITOR, "content.publish_page", False),
        (EDITOR, "content.revert_page", False),
        (EDITOR, "content.delete_page", False),
        (EDITOR, "content.add_pageredirect", False),
        (EDITOR, "signposting.view_contact", True),
        (EDITOR, "signposting.change_contact", False),
        (EDITOR, "auth.change_user", False),
        (PUBLISHER, "content.publish_page", True),
        (PUBLISHER, "content.revert_page", True),
        (PUBLISHER, "content.delete_page", True),
        (PUBLISHER, "signposting.change_contact", True),
        (PUBLISHER, "signposting.delete_service", True),
        (PUBLISHER, "auth.change_user", False),
        (PUBLISHER, "axes.delete_accessattempt", False),
        (PUBLISHER, "partners.change_partnersintro", True),
        (PUBLISHER, "partners.delete_partnersintro", False),
        (EDITOR, "partners.change_partnersintro", False),
        (SITE_ADMINISTRATOR, "auth.change_user", True),
        (SITE_ADMINISTRATOR, "axes.delete_accessattempt", True),
        (SITE_ADMINISTRATOR, "content.publish_page", True),
        (SITE_ADMINISTRATOR, "signposting.change_contact", True),
        # The audit trails are read-only for every role.
        (PUBLISHER, "content.change_historicalpage", False),
        (SITE_ADMINISTRATOR, "content.change_historicalpage", False),
        (SITE_ADMINISTRATOR, "admin.delete_logentry", False),
        (SITE_ADMINISTRATOR, "auth.change_permission", False),
        (SITE_ADMINISTRATOR, "sessions.view_session", False),
    ],
)
def test_role_table_grants_exactly_the_intended_permissions(role, codename, held):
    granted = {f"{k.app_label}.{k.codename}" for k in role_permissions(role, ALL)}
    assert (codename in granted) is held


def test_a_new_custom_permission_reaches_publishers_but_never_editors():
    new = [_key("content.unpublish_page"), _key("content.schedule_campaign")]
    assert role_permissions(EDITOR, new) == set()
    assert role_permissions(PUBLISHER, new) == set(new)


@pytest.mark.django_db
def test_migrate_creates_the_three_role_groups_with_permissions():
    groups = {group.name: group for group in Group.objects.filter(name__in=ROLE_NAMES)}
    assert set(groups) == set(ROLE_NAMES)
    editor = {f"{p.content_type.app_label}.{p.codename}" for p in groups[EDITOR].permissions.all()}
    assert {"content.add_page", "content.change_page", "signposting.view_service"} <= editor
    assert "content.publish_page" not in editor


@pytest.mark.django_db
def test_sync_picks_up_a_model_added_after_the_groups_were_made():
    content_type = ContentType.objects.create(app_label="signposting", model="newthing")
    Permission.objects.create(content_type=content_type, codename="change_newthing", name="x")
    sync_roles()
    assert Group.objects.get(name=PUBLISHER).permissions.filter(codename="change_newthing").exists()
    assert (
        not Group.objects.get(name=EDITOR).permissions.filter(codename="change_newthing").exists()
    )


@pytest.mark.django_db
def test_sync_undoes_a_permission_granted_by_hand_and_is_repeatable():
    editor = Group.objects.get(name=EDITOR)
    editor.permissions.add(Permission.objects.get(codename="publish_page"))
    sync_roles()
    sync_roles()
    assert not editor.permissions.filter(codename="publish_page").exists()
    assert Group.objects.filter(name__in=ROLE_NAMES).count() == 3
