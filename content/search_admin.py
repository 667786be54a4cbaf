"""Admin for search synonyms: the everyday words people type, and the pages they mean."""

from django import forms
from django.contrib import admin

from .models import SearchSynonym
from .search_terms import phrases_from


@admin.register(SearchSynonym)
class SearchSynonymAdmin(admin.ModelAdmin):
    list_display = ["__str__", "page_titles", "updated_at"]
    search_fields = ["phrases"]
    formfield_overrides = {
        SearchSynonym.pages.field.__class__: {"widget": forms.CheckboxSelectMultiple}
    }

    @admin.display(description="pages to find first")
    def page_titles(self, synonym):
        return ", ".join(page.title for page in synonym.pages.all())

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("pages")

    def save_model(self, request, obj, form, change):
        # Stored as staff will read it again: one plain phrase on each line.
        obj.phrases = "\n".join(phrases_from(obj.phrases))
        super().save_model(request, obj, form, change)
