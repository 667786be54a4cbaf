"""Close a hole in django-simple-history's admin: its "view this version" page saves on POST.

SimpleHistoryAdmin.history_form_view (3.13) checks only that the user may *view* history,
then saves whatever is posted: someone with view-only access to the directory could change
a service's name, alert or status, and an Editor could revert a page without
`content.revert_page`. The admin site wraps that view on every history admin so a POST
needs the change permission and a revert the admin allows (`revert_disabled` is False).
"""

import functools

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from simple_history.admin import SimpleHistoryAdmin


def guard_history_form_view(model_admin):
    if not isinstance(model_admin, SimpleHistoryAdmin) or getattr(
        model_admin.history_form_view, "guarded", False
    ):
        return
    view = model_admin.history_form_view

    @functools.wraps(view)
    def guarded(request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            obj = model_admin.get_object(request, unquote(object_id))
            if (
                obj is None
                or not model_admin.has_change_permission(request, obj)
                or model_admin.revert_disabled(request, obj)
            ):
                raise PermissionDenied
        return view(request, object_id, version_id, extra_context)

    guarded.guarded = True
    model_admin.history_form_view = guarded
