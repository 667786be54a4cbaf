from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.templatetags.static import static

register = template.Library()


@register.simple_tag
def qr_url(link, kind):
    """{% qr_url link 'svg' %}: our QR code for one of the stable links."""
    return f"/partners/qr.{kind}?{urlencode({'link': link.path})}"


@register.simple_tag
def share_image_url():
    """The neutral link-preview image, as the absolute address link previews need."""
    return settings.SITE_URL + static("img/share.png")
