"""Read the modules back out of a QR code PNG, in pure Python, to check what it encodes."""

import struct
import zlib


def png_pixels(data):
    """Rows of 0/1 pixels (1 = dark) from a 1-bit greyscale PNG, as segno writes them."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, chunks, header = 8, [], None
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        position += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
    width, height, bit_depth, colour_type, _c, _f, interlace = header
    assert (bit_depth, colour_type, interlace) == (1, 0, 0), "expected 1-bit greyscale"
    raw = zlib.decompress(b"".join(chunks))
    stride = (width + 7) // 8
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        filter_type, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - 1] if i else 0
            up = previous[i]
            if filter_type == 1:
                line[i] = (line[i] + left) & 0xFF
            elif filter_type == 2:
                line[i] = (line[i] + up) & 0xFF
            elif filter_type == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif filter_type == 4:
                upper_left = previous[i - 1] if i else 0
                p = left + up - upper_left
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - upper_left)
                predictor = left if pa <= pb and pa <= pc else up if pb <= pc else upper_left
                line[i] = (line[i] + predictor) & 0xFF
        previous = line
        # In greyscale, 0 is black: a dark module.
        rows.append([0 if line[x // 8] >> (7 - x % 8) & 1 else 1 for x in range(width)])
    return rows


def qr_modules(data, border=4):
    """The QR code's module matrix, one sample from the middle of each module (1 = dark)."""
    pixels = png_pixels(data)
    # The top-left finder pattern starts right after the quiet zone of `border` modules,
    # so the first dark row gives the scale.
    scale = next(y for y, row in enumerate(pixels) if any(row)) // border
    assert scale > 0
    count = len(pixels) // scale - 2 * border

    def sample(index):
        return (border + index) * scale + scale // 2

    return tuple(tuple(pixels[sample(y)][sample(x)] for x in range(count)) for y in range(count))
