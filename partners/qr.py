"""QR codes for our stable links, made on the server with segno (no outside service)."""

import io

import segno

# Medium error correction survives a scuffed or folded poster; the addresses are short
# enough that it costs little in size.
ERROR_LEVEL = "m"
# Ten pixels a module: about 3 cm at 300 dpi for a short address, big enough to scan.
PNG_SCALE = 10


def make_qr(url):
    # make_qr, not make: a Micro QR code is too small for some phone cameras to read.
    return segno.make_qr(url, error=ERROR_LEVEL, boost_error=False)


def qr_svg(url):
    out = io.BytesIO()
    make_qr(url).save(
        out,
        kind="svg",
        scale=1,
        xmldecl=False,
        omitsize=True,  # a viewBox only, so the code scales to whatever box holds it
        title=f"QR code for {url}",
        svgclass="qr-code",
        lineclass=None,
    )
    return out.getvalue()


def qr_png(url, scale=PNG_SCALE):
    out = io.BytesIO()
    make_qr(url).save(out, kind="png", scale=scale)
    return out.getvalue()
