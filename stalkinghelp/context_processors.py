"""Values every public template needs: the emergency strip, the quick exit and the area."""

from django.conf import settings

from signposting.emergency import emergency_contacts


def site(request):
    return {
        "site_name": settings.SITE_NAME,
        "area": settings.AREA,
        "quick_exit_url": settings.QUICK_EXIT_URL,
        "emergency": emergency_contacts(),
    }
