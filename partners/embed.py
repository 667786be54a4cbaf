"""The embeddable widget: its address, who may frame it, and the code partners paste."""

from django.conf import settings

EMBED_PATH = "/embed/get-help/"
# Any site may frame the widget: it holds public numbers and links that open at the top
# level, so there is nothing in it to trick a person into doing (clickjacking). http:
# partner sites (some small charities still have them) are allowed too, which `https:`
# alone would refuse. Every other route keeps frame-ancestors 'none' and X-Frame-Options.
FRAME_ANCESTORS = ["*"]
HEIGHT = 320


def embed_snippet():
    url = settings.SITE_URL + EMBED_PATH
    return (
        f'<iframe src="{url}" title="Get help: emergency numbers from {settings.SITE_NAME}" '
        f'width="100%" height="{HEIGHT}" style="border: 0; max-width: 420px;" '
        'loading="lazy" referrerpolicy="no-referrer"></iframe>'
    )
