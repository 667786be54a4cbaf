"""Submit admin forms as a browser would: start from what the page shows, change a little."""

from django.forms import CheckboxInput, MultiWidget


def _field_data(form, name, value):
    widget = form.fields[name].widget
    html_name = form.add_prefix(name)
    if isinstance(widget, MultiWidget):
        parts = widget.decompress(value)
        return {
            f"{html_name}_{i}": "" if part is None else str(part) for i, part in enumerate(parts)
        }
    if isinstance(widget, CheckboxInput):
        return {html_name: "on"} if value else {}
    if value is None:
        return {html_name: ""}
    if isinstance(value, list | tuple):
        return {html_name: [str(item) for item in value]}
    return {html_name: str(value)}


def _form_data(form):
    data = {}
    for name in form.fields:
        data |= _field_data(form, name, form[name].value())
    return data


def admin_form_data(response):
    """The POST data the admin change/add page in `response` would send unchanged."""
    data = _form_data(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        data |= _form_data(formset.management_form)
        for form in formset.forms:
            data |= _form_data(form)
    return data
