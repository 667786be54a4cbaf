"""The front proxy: deploy/nginx.conf.template made into a runnable nginx configuration.

Everything nginx must agree with is read from the settings rather than typed twice:
the body limit (DATA_UPLOAD_MAX_MEMORY_SIZE), STATIC_ROOT and WhiteNoise's cache
lifetime, and the security headers Django sends (CSP, X-Frame-Options, Referrer-Policy,
...) for the pages and files nginx serves itself. Ports, paths and the app servers are
the caller's (manage.py nginx_config, manage.py serve_production, the tests).

All nginx writes (pid, temporary files, logs) goes under the run folder, so any user
can run it; as root, its workers run as www-data, like Debian's own nginx.
"""

import os
import re
import shutil
from pathlib import Path

from csp.utils import build_policy
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

TEMPLATE = Path(settings.BASE_DIR) / "deploy" / "nginx.conf.template"
MIME_TYPES = Path("/etc/nginx/mime.types")
PLACEHOLDER = re.compile(r"\$\{([A-Z][A-Z0-9_]*)\}")
# WhiteNoise's lifetime for names with a content hash (whitenoise.middleware.FOREVER).
IMMUTABLE_MAX_AGE = 10 * 365 * 24 * 60 * 60
WORKER_USER_AS_ROOT = "www-data"


def render(template, values):
    """`template` with every placeholder replaced; a placeholder without a value is an error."""
    missing = sorted(set(PLACEHOLDER.findall(template)) - set(values))
    if missing:
        raise ImproperlyConfigured(f"No value for {', '.join(missing)} in the nginx template.")
    return PLACEHOLDER.sub(lambda match: str(values[match[1]]), template)


def _header_lines(headers, indent=12):
    pad = " " * indent
    return "\n".join(f'{pad}add_header {name} "{value}" always;' for name, value in headers)


def static_headers():
    """What Django's middleware adds to a file WhiteNoise serves."""
    return [
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", settings.SECURE_REFERRER_POLICY),
        ("Cross-Origin-Opener-Policy", settings.SECURE_CROSS_ORIGIN_OPENER_POLICY),
        ("Permissions-Policy", settings.PERMISSIONS_POLICY),
    ]


def page_headers():
    """What Django's middleware adds to an HTML page."""
    return [
        *static_headers(),
        ("Content-Security-Policy", build_policy(settings.CONTENT_SECURITY_POLICY["DIRECTIVES"])),
        ("X-Frame-Options", settings.X_FRAME_OPTIONS),
    ]


def config_values(*, listen, upstreams, run_dir, pages_dir, access_log, forwarded_proto):
    run_dir = Path(run_dir)
    if not MIME_TYPES.exists():
        raise ImproperlyConfigured(f"{MIME_TYPES} is missing: apt-get install nginx")
    return {
        "USER_DIRECTIVE": f"user {WORKER_USER_AS_ROOT};" if os.geteuid() == 0 else "",
        "RUN_DIR": run_dir,
        "ERROR_LOG": "stderr",
        "ACCESS_LOG": access_log,
        "MIME_TYPES": MIME_TYPES,
        "MAX_BODY_SIZE": f"{settings.DATA_UPLOAD_MAX_MEMORY_SIZE // 1024}k",
        "UPSTREAM_SERVERS": "\n".join(f"        server {upstream};" for upstream in upstreams),
        "LISTEN": listen,
        "PAGES_DIR": Path(pages_dir),
        "PAGE_HEADERS": _header_lines(page_headers()),
        "STATIC_ROOT": Path(settings.STATIC_ROOT),
        "STATIC_MAX_AGE": settings.WHITENOISE_MAX_AGE,
        "IMMUTABLE_MAX_AGE": IMMUTABLE_MAX_AGE,
        "STATIC_HEADERS": _header_lines(static_headers(), indent=12),
        "FORWARDED_PROTO": forwarded_proto,
    }


def write_config(run_dir, *, listen, upstreams, pages_dir=None, forwarded_proto="$scheme"):
    """Write run_dir/nginx.conf (and the folders it names); return its path."""
    run_dir = Path(run_dir)
    for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (run_dir / "temp" / name).mkdir(parents=True, exist_ok=True)
    values = config_values(
        listen=listen,
        upstreams=upstreams,
        run_dir=run_dir,
        pages_dir=pages_dir or run_dir / "pages",
        access_log=run_dir / "access.log",
        forwarded_proto=forwarded_proto,
    )
    path = run_dir / "nginx.conf"
    path.write_text(render(TEMPLATE.read_text(), values))
    return path


def nginx_binary():
    found = os.environ.get("NGINX") or shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(found).exists():
        raise ImproperlyConfigured("nginx is not installed (apt-get install nginx).")
    return found


def nginx_command(config_path, *extra):
    """The command that runs nginx with `config_path`, in the foreground (see the template)."""
    config_path = Path(config_path)
    # -e: the error log before the configuration is read (the built-in path is root's).
    folder = str(config_path.parent)
    return [nginx_binary(), "-p", folder, "-c", str(config_path), "-e", "stderr", *extra]
