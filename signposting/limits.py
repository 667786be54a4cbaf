"""Request-size limits for the help-finder and the API. The answers are a few short words."""

MAX_BODY_BYTES = 10 * 1024


def body_too_large(request):
    """True if the declared or actual body is over the limit (read no more than limit + 1)."""
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return True
    if declared > MAX_BODY_BYTES:
        return True
    return False
