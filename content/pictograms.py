"""Pictures for easy read pages: simple pictograms drawn for this site, as SVG.

An easy read page puts `[[picture:<name>]]` at the start of a line. When the page is
shown, each becomes a small inline SVG with its text alternative, drawing a symbol from
one sprite in the same page (only the symbols the page uses): no extra request.
"""

import re

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

PICTURE = re.compile(r"\[\[\s*picture\s*:\s*([a-z-]+)\s*\]\]", re.IGNORECASE)

# name: (text alternative, SVG shapes on a 48 by 48 grid, drawn in the text colour)
PICTOGRAMS = {
    "phone": (
        "A phone",
        '<rect x="14" y="4" width="20" height="40" rx="4"/><path d="M21 38h6"/>',
    ),
    "danger": (
        "A warning sign",
        '<path d="M24 5 44 41H4Z"/><path d="M24 18v11M24 34v2"/>',
    ),
    "quiet": (
        "A face with a finger on its lips",
        '<circle cx="24" cy="24" r="19"/><path d="M17 19h2M29 19h2M24 26v14"/>',
    ),
    "police": (
        "A police badge",
        '<path d="M24 4 40 10v12c0 11-7 18-16 22C15 40 8 33 8 22V10Z"/><path d="m18 24 4 4 8-8"/>',
    ),
    "heart": (
        "A heart",
        '<path d="M24 42S6 31 6 18a9 9 0 0 1 18-3 9 9 0 0 1 18 3c0 13-18 24-18 24Z"/>',
    ),
    "question": (
        "A question mark",
        '<circle cx="24" cy="24" r="19"/><path d="M18 19a6 6 0 1 1 8 6c-2 1-2 2-2 5M24 35v2"/>',
    ),
    "following": (
        "One person following another",
        '<circle cx="14" cy="10" r="4"/><path d="M14 16v14M14 20l-5 6M14 20l5 6M14 30l-4 12'
        'M14 30l4 12"/><circle cx="34" cy="10" r="4"/><path d="M34 16v14M34 20l-5 6M34 20'
        'l5 6M34 30l-4 12M34 30l4 12"/>',
    ),
    "eye": (
        "An eye",
        '<path d="M3 24s8-13 21-13 21 13 21 13-8 13-21 13S3 24 3 24Z"/>'
        '<circle cx="24" cy="24" r="6"/>',
    ),
    "message": (
        "A message",
        '<path d="M6 8h36v24H20l-10 8v-8H6Z"/><path d="M13 17h22M13 24h14"/>',
    ),
    "no": (
        "A cross in a circle",
        '<circle cx="24" cy="24" r="19"/><path d="m16 16 16 16M32 16 16 32"/>',
    ),
    "tick": (
        "A tick",
        '<circle cx="24" cy="24" r="19"/><path d="m15 25 6 6 12-13"/>',
    ),
    "law": (
        "Weighing scales, for the law",
        '<path d="M24 6v34M14 42h20M8 12h32M8 12 3 26h10ZM40 12l-5 14h10Z"/>',
    ),
    "people": (
        "Two people",
        '<circle cx="16" cy="14" r="6"/><circle cx="33" cy="16" r="5"/>'
        '<path d="M4 42c0-9 5-15 12-15s12 6 12 15M27 30c2-3 4-4 6-4 6 0 10 6 10 14"/>',
    ),
    "house": (
        "A house",
        '<path d="M5 23 24 6l19 17M10 19v23h28V19"/><path d="M20 42V30h8v12"/>',
    ),
    "gift": (
        "A present",
        '<rect x="6" y="18" width="36" height="24"/><path d="M4 12h40v6H4ZM24 12v30'
        'M24 12c-4-8-12-6-10 0M24 12c4-8 12-6 10 0"/>',
    ),
    "repeat": (
        "Arrows going round and round",
        '<path d="M38 18A15 15 0 0 0 10 16M10 30a15 15 0 0 0 28 2M10 8v8h8M38 40v-8h-8"/>',
    ),
    "notebook": (
        "A notebook and a pen",
        '<rect x="6" y="5" width="26" height="38" rx="2"/><path d="M12 14h14M12 21h14M12 28h9'
        'M40 8v28l-2 5-2-5V8Z"/>',
    ),
    "calendar": (
        "A calendar",
        '<rect x="5" y="9" width="38" height="33" rx="2"/><path d="M5 18h38M15 5v8M33 5v8'
        'M13 26h4M22 26h4M31 26h4M13 34h4M22 34h4"/>',
    ),
    "camera": (
        "A camera",
        '<path d="M4 15h10l4-6h12l4 6h10v25H4Z"/><circle cx="24" cy="27" r="8"/>',
    ),
    "lock": (
        "A padlock",
        '<rect x="9" y="21" width="30" height="22" rx="3"/><path d="M16 21v-6a8 8 0 0 1 16 0v6'
        'M24 29v6"/>',
    ),
    "exit": (
        "A door with an arrow going out",
        '<path d="M26 5H8v38h18M20 24h22M35 17l7 7-7 7"/>',
    ),
}


def pictures_in(html):
    return list(dict.fromkeys(name.lower() for name in PICTURE.findall(html or "")))


def picture_errors(html):
    return [
        f"There is no picture called “{name}”. Pictures: {', '.join(sorted(PICTOGRAMS))}."
        for name in pictures_in(html)
        if name not in PICTOGRAMS
    ]


def render_pictures(html):
    """Each picture token as an inline SVG with its text alternative, and the sprite."""
    used = [name for name in pictures_in(html) if name in PICTOGRAMS]
    if not used:
        return mark_safe(html)  # noqa: S308 - the body was sanitised on save

    def picture(match):
        name = match.group(1).lower()
        if name not in PICTOGRAMS:
            return ""
        return format_html(
            '<svg class="easy-read__picture" role="img" aria-label="{}" viewBox="0 0 48 48">'
            '<use href="#picture-{}"></use></svg>',
            PICTOGRAMS[name][0],
            name,
        )

    sprite = format_html(
        '<svg class="easy-read__sprite" aria-hidden="true" focusable="false">{}</svg>',
        format_html_join(
            "",
            '<symbol id="picture-{}" viewBox="0 0 48 48">{}</symbol>',
            ((name, mark_safe(PICTOGRAMS[name][1])) for name in used),  # noqa: S308 - ours
        ),
    )
    return mark_safe(sprite + PICTURE.sub(picture, html))  # noqa: S308 - sanitised, ours
