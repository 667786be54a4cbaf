"""make bench, part two: a normal client's latency while the site is under two kinds of trouble.

Both runs serve the site as `make serve-production` does (nginx in front of gunicorn,
through tests/served/production.py) and measure "a normal client" with wrk: a few
connections asking for the home page, through nginx.

1. Slow clients: 200 connections that send their header or body a byte at a time, or
   read the answer that way (tests/served/slow_clients.py), for 30 s. The same wrk run
   first without them, as the baseline.
2. A suspended database: a PostgreSQL cluster of the bench's own (initdb in a temporary
   folder), every process SIGSTOPped for 30 s. Besides wrk on the cached home page, a
   second client asks, one request at a time, for what needs the database (search
   results) and for /healthz, and records how long their fallback and 503 take.
"""

import statistics
import threading
import time

from tests.served import postgres
from tests.served.folders import shared_folder
from tests.served.http import Client
from tests.served.ports import free_port
from tests.served.postgres import PostgresCluster
from tests.served.production import ProductionSite, prepare_database
from tests.served.slow_clients import SlowClients

SLOW_CLIENTS = 200
TROUBLE_SECONDS = 30
BASELINE_SECONDS = 20
NORMAL_CONNECTIONS = 4
SEARCH_BODY = {"q": "stalking"}


def _site(env, folder):
    proxy_port, app_port = free_port(), free_port()
    env = env | {"SITE_URL": f"http://127.0.0.1:{proxy_port}"}
    return ProductionSite(env, folder / "run", proxy_port, app_port)


def slow_client_run(env, run_wrk):
    with shared_folder("bench-slow") as folder:
        site = _site(env, folder).start()
        try:
            print(f"wrk via nginx: home page, {BASELINE_SECONDS} s, no slow clients...", flush=True)
            quiet = run_wrk(site.url + "/", BASELINE_SECONDS, NORMAL_CONNECTIONS)
            print(f"wrk via nginx: home page, {TROUBLE_SECONDS} s, {SLOW_CLIENTS} slow clients...",
                  flush=True)  # fmt: skip
            with SlowClients("127.0.0.1", site.proxy_port, SLOW_CLIENTS) as slow:
                time.sleep(3)
                during = run_wrk(site.url + "/", TROUBLE_SECONDS, NORMAL_CONNECTIONS)
                figures = slow.figures
        finally:
            site.stop()
    return {
        "connections": NORMAL_CONNECTIONS,
        "baseline": quiet,
        "during": during,
        "slow_clients": {
            "count": SLOW_CLIENTS,
            "most_open_at_once": figures.most_open,
            "connections_made": figures.connections,
            "dropped_by_nginx": figures.dropped,
            "longest_before_drop_s": {
                kind: round(max(times), 1) if times else None
                for kind, times in figures.lifetimes.items()
            },
        },
    }


def _summary(seconds, statuses):
    ordered = sorted(seconds)
    return {
        "requests": len(ordered),
        "statuses": sorted(set(statuses)),
        "p50_ms": round(statistics.median(ordered) * 1000, 1),
        "max_ms": round(ordered[-1] * 1000, 1),
    }


def _database_client(url, stop, found):
    """Search results and /healthz, one at a time, until `stop`."""
    client = Client(url, timeout=30)
    seen = {"search": ([], []), "healthz": ([], [])}
    asks = [
        ("search", lambda: client.post("/search/", SEARCH_BODY)),
        ("healthz", lambda: client.get("/healthz")),
    ]
    while not stop.is_set():
        for name, ask in asks:
            if stop.is_set():
                break
            response = ask()
            seen[name][0].append(response.seconds)
            seen[name][1].append(response.status_code)
    found.update({name: _summary(*values) for name, values in seen.items() if values[0]})


def suspended_database_run(env, run_wrk, accept_encoding):
    if not postgres.available():
        return {"skipped": f"PostgreSQL's initdb and postgres not found in {postgres.BIN}"}
    with shared_folder("bench-pg") as pg_folder, shared_folder("bench-hung") as folder:
        cluster = PostgresCluster(pg_folder, free_port())
        try:
            cluster.start()
            cluster.create_database("stalkinghelp")
            site_env = env | {
                "DATABASE_URL": cluster.url("stalkinghelp"),
                # Fresh all day: the run must not cross a freshness boundary (see the test).
                "DJANGO_PAGE_CACHE_SECONDS": "86400",
            }
            prepare_database(site_env)
            site = _site(site_env, folder).start()
            try:
                client = Client(site.url)
                # Kept in the cache before the database stops, in the encoding wrk asks for
                # (copies are kept per encoding); several times, in case each worker has a
                # cache of its own (DJANGO_CACHE_URL unset).
                for _ in range(20):
                    client.get("/", headers={"Accept-Encoding": accept_encoding})
                print(f"wrk via nginx: home page, {TROUBLE_SECONDS} s, database suspended...",
                      flush=True)  # fmt: skip
                stop, database = threading.Event(), {}
                other = threading.Thread(target=_database_client, args=(site.url, stop, database))
                cluster.suspend()
                try:
                    other.start()
                    during = run_wrk(site.url + "/", TROUBLE_SECONDS, NORMAL_CONNECTIONS)
                finally:
                    stop.set()
                    other.join(60)  # its last request is bounded too: figures while stopped
                    cluster.resume()
                recovered = _recovery_seconds(client)
            finally:
                site.stop()
        finally:
            cluster.stop()
    return {
        "connections": NORMAL_CONNECTIONS,
        "during": during,
        "needing_the_database": database,
        "healthz_200_again_after_s": recovered,
    }


def _recovery_seconds(client, limit=30):
    started = time.monotonic()
    while time.monotonic() - started < limit:
        if client.get("/healthz").status_code == 200:
            return round(time.monotonic() - started, 2)
        time.sleep(0.2)
    return None


def format_resilience(report):
    slow, hung = report["slow_clients"], report["suspended_database"]
    lines = [
        f"Normal client through nginx (wrk, {NORMAL_CONNECTIONS} connections, home page),"
        " gunicorn gthread, production settings:",
        f"{'':34} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'errors':>7}",
    ]

    def row(label, run):
        return (
            f"{label:34} {run['rps']:>8.1f} {run['p50_ms']:>8.1f} {run['p99_ms']:>8.1f}"
            f" {run['max_ms']:>8.1f} {run['errors']:>7}"
        )

    lines.append(row(f"quiet, {BASELINE_SECONDS} s", slow["baseline"]))
    lines.append(row(f"{SLOW_CLIENTS} slow clients, {TROUBLE_SECONDS} s", slow["during"]))
    clients = slow["slow_clients"]
    lines.append(
        f"    slow clients: {clients['most_open_at_once']} open at once,"
        f" {clients['connections_made']} connections made; dropped by nginx"
        f" {clients['dropped_by_nginx']}; longest before a drop {clients['longest_before_drop_s']}"
    )
    if "skipped" in hung:
        lines.append(f"database suspended: skipped ({hung['skipped']})")
        return lines
    lines.append(row(f"database suspended, {TROUBLE_SECONDS} s", hung["during"]))
    for name, figures in hung["needing_the_database"].items():
        lines.append(
            f"    {name} meanwhile: {figures['requests']} requests, statuses"
            f" {figures['statuses']}, p50 {figures['p50_ms']} ms, max {figures['max_ms']} ms"
        )
    lines.append(f"    /healthz 200 again {hung['healthz_200_again_after_s']} s after SIGCONT")
    return lines
