"""No tables of its own: staff are Django users in role groups (roles.py).

The module exists because Django sends post_migrate only to apps with a models module,
and accounts.roles keeps the groups in step on that signal.
"""
