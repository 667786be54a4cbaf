"""Keep the cached emergency numbers in step with the directory."""

from django.db.models.signals import post_delete, post_save

from .emergency import forget_emergency_contacts
from .models import Contact, Service


def connect():
    for model in (Service, Contact):
        post_save.connect(
            forget_emergency_contacts, sender=model, dispatch_uid=f"emergency-{model.__name__}-save"
        )
        post_delete.connect(
            forget_emergency_contacts,
            sender=model,
            dispatch_uid=f"emergency-{model.__name__}-delete",
        )
