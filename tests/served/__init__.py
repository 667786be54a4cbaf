"""Start the site's real servers for tests and the bench: PostgreSQL, gunicorn, nginx.

Loopback only, bounded waits, always stopped. Used by tests/resilience and bench/run.py.
"""
