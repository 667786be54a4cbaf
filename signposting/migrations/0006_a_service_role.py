"""Each service's role in the help-finder, which now routes by role instead of by slug.

Existing rows get the role their slug had in the rules until now, so the help-finder
recommends exactly what it did. A slug staff have renamed gets no role: its reason and
place in the results came from the slug, so staff choose its role in the admin.
"""

from django.db import migrations, models

ROLE_BY_SLUG = {
    "emergency-999": "emergency_call",
    "silent-solution": "silent_emergency_call",
    "emergency-sms": "emergency_text",
    "relay-uk": "text_relay",
    "bsl-999": "bsl_emergency",
    "police-101": "police_non_emergency",
    "notts-police-online": "police_online_report",
    "notts-police-signvideo": "police_bsl_video",
    "crimestoppers": "anonymous_reporting",
    "national-stalking-helpline": "stalking_helpline",
    "paladin": "high_risk_stalking_advocacy",
    "notts-stalking-advocacy": "local_stalking_advocacy",
    "juno-womens-aid": "domestic_abuse_line_women",
    "national-domestic-abuse-helpline": "domestic_abuse_line_women",
    "equation-mens-line": "domestic_abuse_line_men",
    "mens-advice-line": "domestic_abuse_line_men",
    "galop": "lgbt_abuse_line",
    "karma-nirvana": "honour_based_abuse_line",
    "childline": "children_and_young_people_line",
    "victim-support": "victim_support",
    "notts-victim-care": "victim_support",
    "samaritans": "emotional_support",
}


def assign_roles(apps, schema_editor):
    Service = apps.get_model("signposting", "Service")
    for slug, role in ROLE_BY_SLUG.items():
        Service.objects.filter(slug=slug).update(role=role)


class Migration(migrations.Migration):

    dependencies = [
        ('signposting', '0005_hsds_ids'),
    ]

    operations = [
        migrations.AddField(
            model_name='historicalservice',
            name='role',
            field=models.CharField(blank=True, choices=[('emergency_call', 'Emergency call'), ('silent_emergency_call', 'Silent emergency call'), ('emergency_text', 'Emergency text'), ('text_relay', 'Text relay'), ('bsl_emergency', 'Emergency calls in British Sign Language'), ('police_non_emergency', 'Police non-emergency line'), ('police_online_report', 'Report to the police online'), ('police_bsl_video', 'The police in British Sign Language'), ('anonymous_reporting', 'Anonymous reporting'), ('stalking_helpline', 'Stalking helpline'), ('high_risk_stalking_advocacy', 'Stalking advocacy at high risk'), ('local_stalking_advocacy', 'Local stalking advocacy'), ('domestic_abuse_line_women', 'Domestic abuse line for women'), ('domestic_abuse_line_men', 'Domestic abuse line for men'), ('lgbt_abuse_line', 'Abuse line for LGBT+ people'), ('honour_based_abuse_line', 'Honour-based abuse line'), ('children_and_young_people_line', 'Line for children and young people'), ('victim_support', 'Support for victims of crime'), ('emotional_support', 'Emotional support')], help_text="Which job the help-finder gives this service: it recommends services by role. Most roles take one service; a women's or men's domestic abuse line and victim support may have a local and a national one. Leave blank for none.", max_length=40, verbose_name='role in the help-finder'),
        ),
        migrations.AddField(
            model_name='service',
            name='role',
            field=models.CharField(blank=True, choices=[('emergency_call', 'Emergency call'), ('silent_emergency_call', 'Silent emergency call'), ('emergency_text', 'Emergency text'), ('text_relay', 'Text relay'), ('bsl_emergency', 'Emergency calls in British Sign Language'), ('police_non_emergency', 'Police non-emergency line'), ('police_online_report', 'Report to the police online'), ('police_bsl_video', 'The police in British Sign Language'), ('anonymous_reporting', 'Anonymous reporting'), ('stalking_helpline', 'Stalking helpline'), ('high_risk_stalking_advocacy', 'Stalking advocacy at high risk'), ('local_stalking_advocacy', 'Local stalking advocacy'), ('domestic_abuse_line_women', 'Domestic abuse line for women'), ('domestic_abuse_line_men', 'Domestic abuse line for men'), ('lgbt_abuse_line', 'Abuse line for LGBT+ people'), ('honour_based_abuse_line', 'Honour-based abuse line'), ('children_and_young_people_line', 'Line for children and young people'), ('victim_support', 'Support for victims of crime'), ('emotional_support', 'Emotional support')], help_text="Which job the help-finder gives this service: it recommends services by role. Most roles take one service; a women's or men's domestic abuse line and victim support may have a local and a national one. Leave blank for none.", max_length=40, verbose_name='role in the help-finder'),
        ),
        migrations.AlterField(
            model_name='historicalservice',
            name='area',
            field=models.CharField(choices=[('national', 'National'), ('notts', 'This police area only')], default='national', max_length=20),
        ),
        migrations.AlterField(
            model_name='service',
            name='area',
            field=models.CharField(choices=[('national', 'National'), ('notts', 'This police area only')], default='national', max_length=20),
        ),
        migrations.RunPython(assign_roles, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='service',
            constraint=models.UniqueConstraint(condition=models.Q(('role__in', ('emergency_call', 'silent_emergency_call', 'emergency_text', 'text_relay', 'bsl_emergency', 'police_non_emergency', 'police_online_report', 'police_bsl_video', 'anonymous_reporting', 'stalking_helpline', 'high_risk_stalking_advocacy', 'local_stalking_advocacy', 'lgbt_abuse_line', 'honour_based_abuse_line', 'children_and_young_people_line', 'emotional_support'))), fields=('role',), name='one_service_per_exclusive_role', violation_error_message="Another service already has this role. The help-finder sends people to one service in this role: change the other service's role first."),
        ),
    ]
