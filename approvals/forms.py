"""The few inputs a decision takes: when it goes live, and why it was sent back or made alone."""

from django import forms
from django.contrib.admin.widgets import AdminSplitDateTime

from .models import EmergencyAllowance


class DecisionForm(forms.Form):
    go_live_at = forms.SplitDateTimeField(
        label="Go live at",
        required=False,
        widget=AdminSplitDateTime,
        help_text="Leave empty to make it live as soon as you approve. UK time.",
    )
    reason = forms.CharField(
        label="Reason",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text="Needed to send a change back, and for an emergency change.",
    )


class EmergencyAllowanceForm(forms.ModelForm):
    class Meta:
        model = EmergencyAllowance
        fields = ["user", "reason"]

    granted_by = None  # set by the admin for each request

    def clean_user(self):
        user = self.cleaned_data["user"]
        if self.granted_by is not None and user.pk == self.granted_by.pk:
            raise forms.ValidationError("Another Site administrator must allow you.")
        if not user.has_perm("approvals.approve_change"):
            raise forms.ValidationError(
                "Only a Publisher can be allowed to make emergency changes."
            )
        return user
