"""The Jinja2 environment (the help-finder's results): Django's gettext, so the one set of
catalogues (locale/) translates Jinja2 and Django templates alike, in the active language.

Old-style gettext (`{{ _("More about %(name)s")|format(name=...) }}`): Django's makemessages
reads Jinja2 templates as Django ones and finds `_("...")` there, but only a call with the
string alone, so placeholders are filled by the `format` filter, never inside the call.
"""

from jinja2 import Environment

from stalkinghelp.remembered_gettext import gettext, ngettext


def environment(**options):
    # Django passes autoescape=True in `options` unless the settings say otherwise.
    env = Environment(**options)  # noqa: S701
    env.install_gettext_callables(gettext, ngettext, newstyle=False)
    return env
