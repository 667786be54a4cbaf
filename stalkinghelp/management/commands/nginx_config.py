"""Write the front proxy's nginx configuration (deploy/nginx.conf.template) into a run folder."""

from pathlib import Path

from django.core.management.base import BaseCommand

from stalkinghelp import front_proxy


class Command(BaseCommand):
    help = (
        "Write nginx.conf for the front proxy into a run folder (pid, temporary files and"
        " the access log go there too). Build its pages with build_emergency_pages."
    )

    def add_arguments(self, parser):
        parser.add_argument("run_dir", type=Path)
        parser.add_argument("--listen", default="127.0.0.1:8080", help="address:port nginx binds")
        parser.add_argument(
            "--upstream",
            action="append",
            help="an app server, host:port (repeat for several; default 127.0.0.1:8000)",
        )
        parser.add_argument(
            "--pages", type=Path, help="where build_emergency_pages wrote (default run_dir/pages)"
        )
        parser.add_argument(
            "--forwarded-proto",
            default="$scheme",
            help="what X-Forwarded-Proto says; behind a load balancer that ends TLS,"
            " '$http_x_forwarded_proto' (and DJANGO_TRUSTED_PROXY_COUNT=2)",
        )

    def handle(self, *args, run_dir, listen, upstream, pages, forwarded_proto, **options):
        path = front_proxy.write_config(
            run_dir,
            listen=listen,
            upstreams=upstream or ["127.0.0.1:8000"],
            pages_dir=pages,
            forwarded_proto=forwarded_proto,
        )
        if options["verbosity"]:
            self.stdout.write(f"Wrote {path}; run: {' '.join(front_proxy.nginx_command(path))}")
