"""Posting the page form in admin the way a browser does."""

from django.urls import reverse

from content.forms import PageAdminForm


def page_form_data(page=None, **changes):
    data = {}
    if page is not None:
        for name in PageAdminForm.Meta.fields:
            value = getattr(page, f"{name}_id" if name == "owner" else name)
            data[name] = "" if value is None else value
        data["show_on_home"] = "on" if page.show_on_home else ""
    data.update(
        {
            "redirects-TOTAL_FORMS": "0",
            "redirects-INITIAL_FORMS": "0",
            "redirects-MIN_NUM_FORMS": "0",
            "redirects-MAX_NUM_FORMS": "1000",
        }
    )
    data.update(changes)
    if not data.get("show_on_home"):
        data.pop("show_on_home", None)
    for name in ("publish_from", "publish_until"):
        if data.get(name):
            when = data[name]
            data[f"{name}_0"], data[f"{name}_1"] = f"{when:%Y-%m-%d}", f"{when:%H:%M:%S}"
        data.pop(name, None)
        data.setdefault(f"{name}_0", "")
        data.setdefault(f"{name}_1", "")
    return data


def change_url(page):
    return reverse("admin:content_page_change", args=[page.pk])


def add_url():
    return reverse("admin:content_page_add")
