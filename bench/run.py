"""make bench: load, memory and Lighthouse figures for the site as production serves it.

Starts gunicorn (production settings, 2 gthread workers) on 127.0.0.1 against a bench
database, measures a WhiteNoise static file of similar size as a baseline and each page
against it in the same run, puts the home page under 256 connections, reads each
worker's resident memory, runs Lighthouse (mobile) on four pages, then serves the site
behind nginx and measures a normal client's latency while 200 clients are slow and
while the database is suspended (bench/resilience.py), prints a table and
writes the figures to bench/results/bench-<timestamp>.json and bench/results/latest.json.

Exit status: 0, or 1 if the 256-connection run had errors, or 2 if the bench itself
could not run. Ratio and Lighthouse targets are reported, never enforced: the figures
depend on the machine.
"""

import argparse
import gzip
import json
import os
import platform
import re
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
sys.path.insert(0, str(ROOT))  # tests/served: the servers, ports and slow clients tests use

from resilience import format_resilience, slow_client_run, suspended_database_run  # noqa: E402

from tests.served.ports import free_port  # noqa: E402

RESULTS_DIR = BENCH_DIR / "results"
STATIC_ROOT = ROOT / "staticfiles"
# Kept out of STATIC_ROOT so nothing publishes it (settings.base STORAGES).
STATIC_MANIFEST = ROOT / "var" / "static" / "staticfiles.json"
BIN = Path(sys.executable).parent
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")

HOST = "127.0.0.1"
WORKERS = 2
# Every run asks for what a browser asks for, so static files and pages are compared as served.
ACCEPT_ENCODING = "gzip, br"
RUN_SECONDS = 20
CONNECTIONS = 16
LOAD_SECONDS = 30
# --quick: every throughput line this long, and no Lighthouse or trouble runs.
QUICK_SECONDS = 5
LOAD_CONNECTIONS = 256
WRK_THREADS = 2
# wrk's default of 2 s would count a slow-but-answered request as an error; a person waits longer.
WRK_TIMEOUT = "10s"

CONTENT_PATH = "/what-is-stalking/"
HELP_FINDER_PATH = "/get-help/"
# The same answers as post.lua and lighthouse-flow.mjs send.
HELP_FINDER_BODY = (
    b"for_whom=me&danger=no&can_talk=yes&can_speak_and_hear=yes&relationship=partner"
    b"&gender=woman&age=19_plus&area=notts"
)
RESULTS_MARKER = b"Who can help you"

GET_RATIO_TARGET = 0.6
POST_RATIO_TARGET = 0.5
# Under 256 connections the POST's p99 may be at most this many times the home page's.
POST_LOAD_P99_TARGET = 3.0
LIGHTHOUSE_TARGETS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}


class BenchError(Exception):
    """The bench could not run (a tool, the server or a page is missing); not a slow result."""


# --- tools -------------------------------------------------------------------------------


def _as_root(command):
    """The command run as root, through sudo when needed; None when neither is allowed."""
    if os.geteuid() == 0:
        return command
    if shutil.which("sudo") and subprocess.run(["sudo", "-n", "true"]).returncode == 0:
        return ["sudo", *command]
    return None


def apt_install(package):
    install = _as_root(["apt-get", "install", "-y", "-qq", package])
    update = _as_root(["apt-get", "update", "-qq"])
    if install is None or not shutil.which("apt-get"):
        raise BenchError(f"{package} is missing and apt-get is not available to install it")
    print(f"Installing {package} from apt...", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(update, check=True, env=env)
    subprocess.run(install, check=True, env=env)


def ensure_wrk():
    if not shutil.which("wrk"):
        apt_install("wrk")


def ensure_nginx():
    if not (shutil.which("nginx") or Path("/usr/sbin/nginx").exists()):
        apt_install("nginx")


def ensure_chromium():
    if not Path(CHROMIUM).exists():
        apt_install("chromium")


def ensure_lighthouse():
    """npm ci into bench/ when node_modules is missing or older than package*.json."""
    installed = BENCH_DIR / "node_modules" / ".package-lock.json"
    declared = max(
        (BENCH_DIR / name).stat().st_mtime for name in ("package.json", "package-lock.json")
    )
    if installed.exists() and installed.stat().st_mtime >= declared:
        return
    if not shutil.which("npm"):
        raise BenchError("npm is needed to install Lighthouse")
    print("Installing Lighthouse from npm into bench/node_modules...", flush=True)
    # Never let puppeteer fetch its own Chrome: we drive Debian's Chromium.
    env = {**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1"}
    command = ["npm", "ci", "--prefix", str(BENCH_DIR), "--no-audit", "--no-fund"]
    subprocess.run(command, check=True, env=env)


# --- the site ----------------------------------------------------------------------------


def bench_environment(port):
    base_url = f"http://{HOST}:{port}"
    database = os.environ.get("DATABASE_URL") or f"sqlite:///{RESULTS_DIR / 'bench.sqlite3'}"
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "stalkinghelp.settings.production",
        # Throwaway values: production refuses to start without them.
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": f"{HOST},localhost",
        "DJANGO_ADMIN_PATH": "staff-bench",
        # Plain http on loopback: without this every request is a redirect to https.
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "SITE_URL": base_url,
        "DATABASE_URL": database,
        "GUNICORN_WORKERS": str(WORKERS),
        "GUNICORN_BIND": f"{HOST}:{port}",
        # Writing one log line per request would measure the disk, not the site.
        "GUNICORN_ACCESS_LOG": "/dev/null",
    }


def prepare_site(env):
    """A fresh bench database with the starter data, and the static files as production has them."""
    if "DATABASE_URL" not in os.environ:
        (RESULTS_DIR / "bench.sqlite3").unlink(missing_ok=True)
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in (
        ["migrate", "--noinput"],
        ["load_starter_data"],
        ["collectstatic", "--noinput"],
    ):
        subprocess.run([*manage, *command, "-v0"], check=True, env=env, cwd=ROOT)


def start_gunicorn(env, port, log_file):
    command = [
        str(BIN / "gunicorn"),
        "--config",
        "gunicorn.conf.py",
        "--workers",
        str(WORKERS),
        "--bind",
        f"{HOST}:{port}",
        "stalkinghelp.wsgi",
    ]
    # Its own session, so stopping it can reach a worker the master failed to reap.
    return subprocess.Popen(
        command,
        env=env,
        cwd=ROOT,
        stdout=log_file,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def wait_until_serving(base_url, server, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise BenchError("gunicorn exited during start-up; see the gunicorn log")
        try:
            if fetch(base_url + "/healthz").status == 200:
                return
        except (urllib.error.URLError, ConnectionError):
            pass
        time.sleep(0.3)
    raise BenchError("gunicorn did not answer /healthz within a minute")


def stop_gunicorn(server):
    if server.poll() is not None:
        return
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


# --- requests ----------------------------------------------------------------------------


class Fetched:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body  # as sent on the wire: still compressed when the server compressed it

    @property
    def encoding(self):
        return self.headers.get("Content-Encoding", "identity")

    def text(self):
        """The body decoded, for checks; brotli is not in the standard library, so not decoded."""
        if self.encoding == "gzip":
            return gzip.decompress(self.body)
        return self.body


def fetch(url, data=None):
    headers = {"Accept-Encoding": ACCEPT_ENCODING}
    if data is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    request = urllib.request.Request(url, data=data, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return Fetched(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        return Fetched(error.code, error.headers, error.read())


def check_page(url, data=None, marker=None):
    """The page answers 200 (and shows the marker), so the bench does not time an error page."""
    page = fetch(url, data)
    if page.status != 200:
        raise BenchError(f"{url} answered {page.status}, not 200")
    if marker and page.encoding in ("gzip", "identity") and marker not in page.text():
        raise BenchError(f"{url} did not show {marker!r}: the form was probably rejected")
    return page


def served_size(hashed_name):
    """(bytes sent, encoding) for a static file: WhiteNoise prefers .br, then .gz, when asked."""
    path = STATIC_ROOT / hashed_name
    for suffix, encoding in ((".br", "br"), (".gz", "gzip")):
        compressed = path.with_name(path.name + suffix)
        if compressed.exists():
            return compressed.stat().st_size, encoding
    return path.stat().st_size, "identity"


def choose_static_baseline(target_bytes):
    """The collected static file whose size as served is closest to the home page's."""
    manifest = json.loads(STATIC_MANIFEST.read_text())
    # Only files a page really loads: a source map is never fetched by a visitor.
    candidates = sorted(
        name for name in set(manifest["paths"].values()) if name.endswith((".css", ".js", ".svg"))
    )
    if not candidates:
        raise BenchError("collectstatic produced no files")

    def distance(name):
        return abs(served_size(name)[0] - target_bytes)

    name = min(candidates, key=distance)
    sent, encoding = served_size(name)
    return {
        "path": "/static/" + name,
        "raw_bytes": (STATIC_ROOT / name).stat().st_size,
        "served_bytes": sent,
        "served_encoding": encoding,
    }


# --- wrk ---------------------------------------------------------------------------------


def run_wrk(url, seconds, connections, script="report.lua"):
    command = [
        "wrk",
        f"--threads={WRK_THREADS}",
        f"--connections={connections}",
        f"--duration={seconds}s",
        f"--timeout={WRK_TIMEOUT}",
        f"--script={script}",
        f"--header=Accept-Encoding: {ACCEPT_ENCODING}",
        url,
    ]
    # From bench/, so post.lua can dofile("report.lua").
    result = subprocess.run(command, cwd=BENCH_DIR, capture_output=True, text=True, check=True)
    for line in result.stdout.splitlines():
        if line.startswith("WRK_JSON "):
            return summarise_wrk(json.loads(line.removeprefix("WRK_JSON ")))
    raise BenchError(f"wrk printed no figures for {url}:\n{result.stdout}\n{result.stderr}")


def summarise_wrk(raw):
    seconds = raw["duration_us"] / 1e6
    return {
        "requests": raw["requests"],
        "seconds": round(seconds, 2),
        "rps": round(raw["requests"] / seconds, 1),
        "p50_ms": round(raw["latency_us"]["p50"] / 1000, 2),
        "p90_ms": round(raw["latency_us"]["p90"] / 1000, 2),
        "p99_ms": round(raw["latency_us"]["p99"] / 1000, 2),
        "max_ms": round(raw["latency_us"]["max"] / 1000, 2),
        "errors": sum(raw["errors"].values()),
        "error_kinds": raw["errors"],
        "bytes_per_request": round(raw["bytes"] / raw["requests"]) if raw["requests"] else 0,
    }


# --- memory ------------------------------------------------------------------------------


def _status_fields(pid):
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        fields[key] = value.strip()
    return fields


def worker_pids(master_pid):
    """The master's children, found through /proc (gunicorn keeps no pid list we can read)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if _status_fields(entry.name).get("PPid") == str(master_pid):
                pids.append(int(entry.name))
        except (FileNotFoundError, ProcessLookupError):
            continue  # exited while we looked
    return sorted(pids)


def rss_mib(pid):
    kib = int(_status_fields(pid)["VmRSS"].split()[0])
    return round(kib / 1024, 1)


def memory_report(master_pid):
    return {
        "master_mib": rss_mib(master_pid),
        "workers": [{"pid": pid, "rss_mib": rss_mib(pid)} for pid in worker_pids(master_pid)],
    }


def count_worker_boots(log_path):
    return log_path.read_text(errors="replace").count("Booting worker with pid")


# --- Lighthouse --------------------------------------------------------------------------


def run_lighthouse(base_url, out_dir):
    command = [
        "node",
        str(BENCH_DIR / "lighthouse-flow.mjs"),
        f"--base={base_url}",
        f"--content={CONTENT_PATH}",
        f"--out={out_dir}",
    ]
    env = {**os.environ, "CHROME_PATH": CHROMIUM, "PUPPETEER_SKIP_DOWNLOAD": "1"}
    # Its own session, so a hung run can be stopped together with the Chromium it started.
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        stdout, _ = process.communicate(timeout=600)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        raise BenchError("Lighthouse did not finish within 10 minutes") from None
    if process.returncode != 0:
        raise BenchError("Lighthouse failed (its error is printed above)")
    return json.loads(stdout.strip().splitlines()[-1])


def lighthouse_targets_met(scores):
    return all(scores[category] >= target for category, target in LIGHTHOUSE_TARGETS.items())


# --- the report --------------------------------------------------------------------------


def met(ok):
    return "met" if ok else "NOT MET"


def ratio_target(name):
    return POST_RATIO_TARGET if name == "help-finder POST" else GET_RATIO_TARGET


def add_ratios(runs):
    baseline = runs[0]["rps"]
    for run in runs:
        run["ratio"] = round(run["rps"] / baseline, 3) if baseline else 0.0
        if run is not runs[0]:
            run["target_ratio"] = ratio_target(run["name"])
            run["target_met"] = run["ratio"] >= run["target_ratio"] and run["errors"] == 0


LABEL_WIDTH = 30


def run_label(run):
    # The baseline's long hashed path is printed once, above the table.
    return run["name"] if run["name"] == "static baseline" else f"{run['name']} {run['path']}"


def format_throughput(runs, loads, load_seconds):
    lines = [
        f"{'':{LABEL_WIDTH}} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}"
        f" {'bytes':>7} {'ratio':>6}  target",
    ]
    for run in runs:
        target = "(baseline)"
        if "target_ratio" in run:
            target = f">= {run['target_ratio']:.2f} and 0 errors: {met(run['target_met'])}"
        lines.append(
            f"{run_label(run):{LABEL_WIDTH}} {run['rps']:>8.1f} {run['p50_ms']:>8.1f}"
            f" {run['p99_ms']:>8.1f} {run['errors']:>7} {run['bytes_per_request']:>7}"
            f" {run['ratio']:>6.2f}  {target}"
        )
    p99_ratio = post_load_p99_ratio(loads)
    for load in loads:
        label = f"{load['name']}, {LOAD_CONNECTIONS} conns, {load_seconds} s"
        if load["name"] == "home page":
            target = f"0 errors: {met(load['errors'] == 0)}"
        else:
            ok = p99_ratio <= POST_LOAD_P99_TARGET and load["errors"] == 0
            target = (
                f"p99 {p99_ratio:.2f} x home's, <= {POST_LOAD_P99_TARGET:.0f} and 0 errors:"
                f" {met(ok)}"
            )
        lines.append(
            f"{label:{LABEL_WIDTH}} {load['rps']:>8.1f} {load['p50_ms']:>8.1f}"
            f" {load['p99_ms']:>8.1f} {load['errors']:>7} {load['bytes_per_request']:>7}"
            f" {'':>6}  {target}"
        )
    for run in [*runs, *loads]:
        if run["errors"]:
            kinds = {kind: n for kind, n in run["error_kinds"].items() if n}
            lines.append(f"    errors on {run['name']}: {kinds}")
    lines.append("    (bytes: per response as sent, headers included)")
    return lines


def format_page_bytes(pages):
    lines = [
        f"{'First render, bodies as sent':{LABEL_WIDTH}} {'HTML':>7} {'CSS':>7} {'total':>7}"
        f"  target <= {FIRST_RENDER_TARGET} B"
    ]
    for page in pages:
        lines.append(
            f"{page['name']:{LABEL_WIDTH}} {page['html_bytes']:>7} {page['css_bytes']:>7}"
            f" {page['total_bytes']:>7}  {met(page['total_bytes'] <= FIRST_RENDER_TARGET)}"
            f"   ({page['html_encoding']} HTML; {', '.join(page['stylesheets'])})"
        )
    return lines


def format_memory(memory, boots):
    workers = ", ".join(f"pid {w['pid']}: {w['rss_mib']} MiB" for w in memory["workers"])
    return [
        f"Resident memory after the load runs: {workers}; master {memory['master_mib']} MiB",
        f"Workers booted during the run: {boots} ({WORKERS} at start; the rest are"
        " gunicorn.conf.py's max_requests recycling)",
    ]


def format_lighthouse(lighthouse):
    header = (
        f"{'Lighthouse ' + lighthouse['lighthouse'] + ', mobile':{LABEL_WIDTH}} {'Perf':>5}"
        f" {'A11y':>5} {'BP':>5} {'SEO':>5}  target 98/100/100/100   (Perf of each run)"
    )
    lines = [header]
    for page in lighthouse["pages"]:
        s = page["scores"]
        runs = "/".join(
            "error" if score is None else str(score) for score in page["performanceRuns"]
        )
        lines.append(
            f"{page['name']:{LABEL_WIDTH}} {s['performance']:>5} {s['accessibility']:>5}"
            f" {s['best-practices']:>5} {s['seo']:>5}  {met(lighthouse_targets_met(s)):24}"
            f" ({runs})"
        )
    for page in lighthouse["pages"]:
        for error in page.get("runErrors", []):
            lines.append(
                f"    {page['name']}: a run failed and was retried, {error.get('code')}:"
                f" {error.get('message', '')[:120]}"
            )
        for audit in page["failing"]:
            value = f" ({audit['displayValue']})" if audit["displayValue"] else ""
            lines.append(
                f"    {page['name']}: {audit['category']} loses on {audit['id']}"
                f" (score {audit['score']}){value}: {audit['title']}"
            )
    return lines


def print_report(report):
    baseline = report["static_baseline"]
    machine = report["machine"]
    loads = [report["load"], report["post_load"]]
    lines = [
        "",
        f"Stalking Help bench, {report['timestamp']}, commit {report['commit']},"
        f" {machine['cpus']} CPUs, load average {machine['load_average_before']} before and"
        f" {machine['load_average_after']} after (other work on the machine skews absolute"
        " figures; ratios less so)",
        f"gunicorn {WORKERS} gthread workers, production settings; wrk {WRK_THREADS} threads,"
        f" {CONNECTIONS} connections, {report['settings']['seconds']} s per line,"
        f" timeout {WRK_TIMEOUT},"
        f" Accept-Encoding: {ACCEPT_ENCODING}",
        f"Static baseline {baseline['path']}: {baseline['served_bytes']} B served"
        f" ({baseline['served_encoding']}), {baseline['raw_bytes']} B on disk;"
        f" home page {report['home_page']['served_bytes']} B served"
        f" ({report['home_page']['served_encoding']})",
        "",
        *format_throughput(report["runs"], loads, report["settings"]["load_seconds"]),
        "",
        *format_page_bytes(report["pages"]),
        "",
        *format_memory(report["memory"], report["worker_boots"]),
        "",
    ]
    if not report["quick"]:
        lines += [
            *format_lighthouse(report["lighthouse"]),
            "",
            *format_resilience(report["resilience"]),
            "",
        ]
    print("\n".join(lines), flush=True)


def git_commit():
    result = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    )
    return result.stdout.strip() or "unknown"


def write_results(report, stamp):
    text = json.dumps(report, indent=2) + "\n"
    path = RESULTS_DIR / f"bench-{stamp}.json"
    path.write_text(text)
    (RESULTS_DIR / "latest.json").write_text(text)
    return path


# --- the run -----------------------------------------------------------------------------


def measure(base_url, baseline_path, seconds, load_seconds):
    """The runs at 16 connections (baseline first), then the home page and the POST at 256."""
    plan = [
        ("static baseline", baseline_path, "report.lua"),
        ("home page", "/", "report.lua"),
        ("content page", CONTENT_PATH, "report.lua"),
        ("directory", "/services/", "report.lua"),
        ("help-finder POST", HELP_FINDER_PATH, "post.lua"),
    ]
    runs = []
    for name, path, script in plan:
        print(f"wrk: {name} {path}, {seconds} s...", flush=True)
        result = run_wrk(base_url + path, seconds, CONNECTIONS, script)
        runs.append({"name": name, "path": path, **result})
    add_ratios(runs)
    loads = []
    for name, path, script in (
        ("home page", "/", "report.lua"),
        ("help-finder POST", HELP_FINDER_PATH, "post.lua"),
    ):
        print(f"wrk: {name}, {LOAD_CONNECTIONS} connections, {load_seconds} s...", flush=True)
        load = {"name": name, "path": path, "connections": LOAD_CONNECTIONS}
        load.update(run_wrk(base_url + path, load_seconds, LOAD_CONNECTIONS, script))
        loads.append(load)
    return runs, loads


def post_load_p99_ratio(loads):
    home, post = loads
    return round(post["p99_ms"] / home["p99_ms"], 2) if home["p99_ms"] else 0.0


STYLESHEET = re.compile(rb'<link rel="stylesheet" href="([^"]+)"')
# The HTML and its render-blocking CSS, compressed, should fit TCP's first window with headers.
FIRST_RENDER_TARGET = 12 * 1024


def page_bytes(base_url):
    """What the first render of each page costs: the HTML and its stylesheets, as sent."""
    pages = []
    for name, path, data in (
        ("home", "/", None),
        ("help-finder", HELP_FINDER_PATH, None),
        ("results", HELP_FINDER_PATH, HELP_FINDER_BODY),
    ):
        page = check_page(base_url + path, data)
        sheets = [href.decode() for href in STYLESHEET.findall(page.text())]
        css = sum(len(check_page(base_url + href).body) for href in sheets)
        pages.append(
            {
                "name": name,
                "html_bytes": len(page.body),
                "html_encoding": page.encoding,
                "stylesheets": sheets,
                "css_bytes": css,
                "total_bytes": len(page.body) + css,
            }
        )
    return pages


def check_pages(base_url):
    home = check_page(base_url + "/")
    check_page(base_url + CONTENT_PATH)
    check_page(base_url + "/services/")
    check_page(base_url + HELP_FINDER_PATH)
    check_page(base_url + HELP_FINDER_PATH, data=HELP_FINDER_BODY, marker=RESULTS_MARKER)
    return {"served_bytes": len(home.body), "served_encoding": home.encoding}


def load_average():
    """The 1-minute load average: on a shared machine, why one run differs from another."""
    return round(os.getloadavg()[0], 2)


def bench(base_url, server, log_path, stamp, quick):
    load_before = load_average()
    home = check_pages(base_url)
    baseline = choose_static_baseline(home["served_bytes"])
    check_page(base_url + baseline["path"])
    pages = page_bytes(base_url)
    seconds, load_seconds = (QUICK_SECONDS, QUICK_SECONDS) if quick else (RUN_SECONDS, LOAD_SECONDS)
    runs, loads = measure(base_url, baseline["path"], seconds, load_seconds)
    memory = memory_report(server.pid)
    lighthouse = None
    if not quick:
        # Let the workers finish the connections wrk left queued, so they do not share the
        # CPU with Chromium during the first Lighthouse run.
        time.sleep(5)
        print("Lighthouse: home, content page, help-finder, results (mobile)...", flush=True)
        lighthouse = run_lighthouse(base_url, RESULTS_DIR / f"lighthouse-{stamp}")
    return {
        "timestamp": stamp,
        "commit": git_commit(),
        "quick": quick,
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "load_average_before": load_before,
            "load_average_after": load_average(),
        },
        "settings": {
            "workers": WORKERS,
            "wrk_threads": WRK_THREADS,
            "connections": CONNECTIONS,
            "seconds": seconds,
            "load_connections": LOAD_CONNECTIONS,
            "load_seconds": load_seconds,
            "wrk_timeout": WRK_TIMEOUT,
            "accept_encoding": ACCEPT_ENCODING,
            "database": "DATABASE_URL"
            if "DATABASE_URL" in os.environ
            else "sqlite (bench/results)",
        },
        "home_page": home,
        "static_baseline": baseline,
        "pages": pages,
        "runs": runs,
        "post_ratio": runs[-1]["ratio"],
        "load": loads[0],
        "post_load": loads[1],
        "post_load_p99_ratio": post_load_p99_ratio(loads),
        "post_load_p99_target": POST_LOAD_P99_TARGET,
        "memory": memory,
        "worker_boots": count_worker_boots(log_path),
        "lighthouse": lighthouse,
        "lighthouse_targets": LIGHTHOUSE_TARGETS,
    }


def main():
    parser = argparse.ArgumentParser(description="Load, memory and Lighthouse figures.")
    parser.add_argument(
        "--quick",
        action="store_true",
        help=f"throughput only, {QUICK_SECONDS} s a line: no Lighthouse, no trouble runs",
    )
    quick = parser.parse_args().quick
    RESULTS_DIR.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    try:
        ensure_wrk()
        ensure_nginx()
        if not quick:
            ensure_chromium()
            ensure_lighthouse()
        port = free_port()
        env = bench_environment(port)
        prepare_site(env)
    except (BenchError, subprocess.CalledProcessError) as error:
        print(f"bench: {error}", file=sys.stderr)
        return 2

    log_path = RESULTS_DIR / f"gunicorn-{stamp}.log"
    base_url = env["SITE_URL"]
    with log_path.open("w") as log_file:
        server = start_gunicorn(env, port, log_file)
        try:
            wait_until_serving(base_url, server)
            report = bench(base_url, server, log_path, stamp, quick)
        except (BenchError, subprocess.CalledProcessError) as error:
            print(f"bench: {error}", file=sys.stderr)
            return 2
        finally:
            stop_gunicorn(server)
    try:
        if not quick:
            report["resilience"] = {
                "slow_clients": slow_client_run(env, run_wrk),
                "suspended_database": suspended_database_run(env, run_wrk, ACCEPT_ENCODING),
            }
    except (BenchError, RuntimeError, subprocess.CalledProcessError) as error:
        print(f"bench: {error}", file=sys.stderr)
        return 2

    print_report(report)
    path = write_results(report, stamp)
    print(f"Figures written to {path.relative_to(ROOT)} and bench/results/latest.json")
    return 1 if report["load"]["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
