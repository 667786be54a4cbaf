from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import PartnersIntro


@admin.register(PartnersIntro)
class PartnersIntroAdmin(SimpleHistoryAdmin):
    fields = ["body"]

    def has_add_permission(self, request):
        # One introduction: once it exists, staff change it rather than add another.
        return super().has_add_permission(request) and not PartnersIntro.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
