import pytest
from django.db import transaction

from signposting.selectors import directory_entries
from signposting.starter import load_directory


@pytest.fixture(scope="session")
def starter_entries(django_db_setup, django_db_blocker):
    """The starter directory as plain entries, built once through the real models.

    Tests using it must be marked django_db, or pytest-django creates no test database.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        load_directory()
        entries = directory_entries()
        transaction.set_rollback(True)
    return entries
