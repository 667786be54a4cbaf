"""gunicorn settings for Stalking Help.

Privacy: the access log records the path only (%(U)s), never the query string,
the referrer or the user agent, so search terms and anything else a visitor
typed cannot end up in a log. The help-finder's answers travel in POST bodies,
which gunicorn never logs.

In front: nginx (deploy/nginx.conf.template; `make serve-production` runs both). It
buffers whole requests and responses and drops clients that send slowly, so gunicorn
only ever sees complete requests from one fast client, nginx.

Worker type: gthread, GUNICORN_THREADS (default 4) threads per worker. The site must
keep answering while some requests wait: on a database that hangs (up to the bounds
in stalkinghelp.settings.database, a few seconds), on Redis, or on a slow client that
reaches gunicorn without a buffering proxy (a load balancer that does not buffer).
A sync worker waiting so is a whole worker lost; a thread waiting is a quarter of one,
while the worker's other threads keep serving cached pages and the help-finder, and
idle keep-alive connections wait in the worker's event loop without holding a thread.
Rendering itself is CPU work that threads cannot share (the GIL), so CPU parallelism
comes from the workers, one per core plus one; four threads cover the waits without
turning every worker into a queue. Each thread keeps its own database connection:
a server opens at most workers x threads connections to PostgreSQL.

Timeouts: a gthread worker tells the master it is alive from its own loop, so
`timeout` only catches a worker that is stuck as a whole; a single request is bounded
by the database bounds (statement and response timeouts, a few seconds) and by nginx
(proxy_read_timeout 25 s, after which the visitor gets the emergency page).
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() + 1))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", 4))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 20))
graceful_timeout = 20
keepalive = 2
# Requests larger than these are refused before Django sees them (nginx refuses them first).
limit_request_line = 4094
limit_request_fields = 60
limit_request_field_size = 8190
# Recycle workers now and then to bound any slow leak; rarely enough that a surge
# does not spend its time booting workers (2,000 recycled them every second or two).
max_requests = 50000
max_requests_jitter = 5000

accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
