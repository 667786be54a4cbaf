"""The embeddable widget: its address, who may frame it, and the code partners paste."""

from django.conf import settings

EMBED_PATH = "/embed/get-help/"
# Any site may frame the widget: it holds public numbers and links that open at the top
# level, so there is nothing in it to trick a person into doing (clickjacking). http:
# partner sites (some small charities still have them) are allowed too, which `https:`
# alone would refuse. Every other route keeps frame-ancestors 'none' and X-Frame-Options.
FRAME_ANCESTORS = ["*"]
# Tall enough for the whole widget in the narrowest phone column (320 px screens, about
# 304 px of frame) without a scroll bar: tests/partners/test_widget_in_a_partner_page.py
# measures it at 320, 360, 375 and 390 px. If text is enlarged the frame scrolls, and
# the quick exit stays in view at its top.
HEIGHT = 400
# The one sandbox token the widget needs, for a partner who sandboxes frames: its links
# (the help-finder, the quick exit, our home page) open in the whole window, which a
# sandbox refuses without it. No script runs in the widget, so it needs nothing else.
SANDBOX = "allow-top-navigation-by-user-activation"


def embed_snippet(*, sandboxed=False):
    url = settings.SITE_URL + EMBED_PATH
    sandbox = f'sandbox="{SANDBOX}" ' if sandboxed else ""
    return (
        f'<iframe src="{url}" title="Get help: emergency numbers from {settings.SITE_NAME}" '
        f'width="100%" height="{HEIGHT}" style="border: 0; max-width: 420px;" {sandbox}'
        'loading="lazy" referrerpolicy="no-referrer"></iframe>'
    )
