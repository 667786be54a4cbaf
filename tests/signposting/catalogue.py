"""A made-up translation catalogue for tests, compiled to a .mo file in a temporary folder.

The real catalogues (locale/) are generated and translated elsewhere; these tests need only
to prove that a string marked for translation is translated when a catalogue has it. The
messages are obviously not real translations ("[pl] ..."), so none can be mistaken for one.
"""

import struct

from django.test import override_settings

HEADER = "Content-Type: text/plain; charset=UTF-8\n"


def _mo_bytes(messages):
    """GNU gettext's .mo format: a header, two tables of (length, offset), then the strings."""
    pairs = sorted({"": HEADER, **messages}.items())
    ids = [key.encode() for key, _value in pairs]
    strs = [value.encode() for _key, value in pairs]
    count = len(pairs)
    start = 7 * 4 + 16 * count  # the header and both tables
    offsets, data = [], b""
    for text in ids + strs:
        offsets.append((len(text), start + len(data)))
        data += text + b"\0"
    header = struct.pack("<7I", 0x950412DE, 0, count, 28, 28 + 8 * count, 0, 0)
    tables = b"".join(struct.pack("<2I", *pair) for pair in offsets)
    return header + tables + data


def catalogue(tmp_path, language, messages):
    """Settings under which `language` has `messages` ({msgid: msgstr}): use as a context."""
    folder = tmp_path / "locale" / language / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "django.mo").write_bytes(_mo_bytes(messages))
    # Changing LOCALE_PATHS makes Django drop the catalogues it has loaded (setting_changed).
    return override_settings(LOCALE_PATHS=[tmp_path / "locale"])
