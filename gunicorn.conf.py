"""gunicorn settings for Stalking Help.

Privacy: the access log records the path only (%(U)s), never the query string,
the referrer or the user agent, so search terms and anything else a visitor
typed cannot end up in a log. The help-finder's answers travel in POST bodies,
which gunicorn never logs.

Slow clients: gunicorn's sync workers are meant to sit behind a buffering
proxy (nginx, a load balancer or a CDN) that absorbs slow uploads and
downloads. The timeouts below are short so that a stalled client that reaches
gunicorn directly cannot hold a worker for long.

What the proxy must do (nginx names): buffer whole requests and responses
(proxy_request_buffering on, proxy_buffering on); drop clients that send
slowly (client_header_timeout and client_body_timeout about 10s); refuse big
bodies itself (client_max_body_size 64k, matching DATA_UPLOAD_MAX_MEMORY_SIZE);
and wait for gunicorn a little longer than `timeout` (proxy_read_timeout 25s).

A database that does not answer fails after DATABASE_CONNECT_TIMEOUT (3s),
well inside `timeout`, so visitors get the last good copy of the page or the
emergency page (stalkinghelp.outage) rather than a worker killed mid-request.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 20))
graceful_timeout = 20
keepalive = 2
# Requests larger than these are refused before Django sees them.
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
