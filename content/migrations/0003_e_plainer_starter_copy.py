"""Plainer starter copy reaches pages made from the earlier starter text, and only those.

A page's body (or summary) is replaced only where it is still exactly the starter text
that load_pages wrote (compared by its SHA-256), so a page staff have edited is never
overwritten. Each replaced page gets a history entry, so staff can see the change and
revert it. Reversing puts nothing back: the earlier text is in each page's history.
"""

import hashlib

from django.db import migrations
from django.utils import timezone

CHANGE_REASON = "Plainer starter copy (hard words explained)"

REVISIONS = {'accessibility': {'body': ('3703d3e3a65ebb96226eef4f951f16ceed7b04cba0ada7a11ee8f878b4c2017f',
                            '<p>We want everyone to be able to use this site, quickly and '
                            'safely.</p>\n'
                            '<h2>The standard we aim for</h2>\n'
                            '<p>We aim to meet a set of rules that makes websites easier for '
                            'disabled people to use. It is called the Web Content Accessibility '
                            'Guidelines, version 2.2, level AA.</p>\n'
                            '<p>This means, for example, that:</p>\n'
                            '<ul>\n'
                            '<li>every page works on a screen 320 pixels wide without scrolling '
                            'sideways. This is the same as zooming in to 400% on a computer.</li>\n'
                            '<li>you can make the space between lines, words and letters bigger, '
                            'and still read everything</li>\n'
                            '<li>you can use every page with a keyboard, and you can always see '
                            'where you are</li>\n'
                            '<li>you can use it with a screen reader</li>\n'
                            '</ul>\n'
                            '<h2>What we have done</h2>\n'
                            '<ul>\n'
                            '<li>It works on small phones and old phones.</li>\n'
                            "<li>It works when a phone's browser has JavaScript turned off. "
                            'JavaScript is a setting that lets web pages do things by '
                            'themselves.</li>\n'
                            '<li>Every phone number is a link you can tap to call.</li>\n'
                            '<li>The words are short and plain.</li>\n'
                            '<li>The quick exit button is on every page, easy to reach with your '
                            'thumb. It never covers the part of the page you are using with a '
                            'keyboard.</li>\n'
                            '</ul>\n'
                            '<h2>How we test</h2>\n'
                            '<p>Each time we change the site, computer checks test every '
                            'page:</p>\n'
                            '<ul>\n'
                            '<li>on a phone-sized screen and a computer screen, with JavaScript '
                            'turned on and off</li>\n'
                            '<li>at 320, 360 and 390 pixels wide, with and without extra space '
                            'between lines, words and letters</li>\n'
                            '<li>by moving through each page with the Tab key, to check the quick '
                            'exit button never hides what you are on</li>\n'
                            '<li>with an automated accessibility checker and an HTML checker</li>\n'
                            '</ul>\n'
                            '<p>Computer checks cannot find every problem. We have not yet tested '
                            'the site with people who use tools such as screen readers. A screen '
                            'reader reads a page out loud. We plan to.</p>\n'
                            '<h2>Known problems</h2>\n'
                            '<ul>\n'
                            '<li>With JavaScript turned off, if you miss a question in the '
                            'help-finder, the page does not move you to the list of problems. The '
                            'page title starts with "Error", and the list is at the top of the '
                            'page.</li>\n'
                            '<li>On a small screen, the printable diary is squeezed, and some long '
                            'words in its headings break across lines. It is made to be '
                            'printed.</li>\n'
                            '<li>On a small screen, the tables of links on the page for partner '
                            'agencies may break long words across lines.</li>\n'
                            '<li>On a very small screen, the preview of the widget on the page for '
                            'partner agencies is taller than the space above the quick exit '
                            'button.</li>\n'
                            '<li>Some services we link to are run by other organisations. Their '
                            'websites and phone lines may not be accessible.</li>\n'
                            '</ul>\n'
                            '<h2>Tell us about a problem</h2>\n'
                            '<p>We are still setting up a way for you to tell us about a problem '
                            'with this site. Until then, if a problem stops you getting help, call '
                            'the National Stalking Helpline. In an emergency, use the emergency '
                            'numbers at the top of every page.</p>\n'
                            '<p>[[service:national-stalking-helpline]]</p>\n'
                            '<h2>If you cannot call</h2>\n'
                            '<p>If you are deaf, hard of hearing or cannot speak, there are other '
                            'ways to get help.</p>\n'
                            '<p>[[service:emergency-sms]]</p>\n'
                            '<p>[[service:relay-uk]]</p>\n'
                            '<p>[[service:bsl-999]]</p>'),
                   'summary': ('c70ebdf839fe63b13b5c488d84c45726b6b8b8c412e0db6267947b1d9d1786f9',
                               'How we make this site easy to use on small phones, with a screen '
                               'reader or a keyboard, the problems we know about, and how to tell '
                               'us about others.')},
 'reporting-to-the-police': {'body': ('8407ae4fa50468f46769e5ce5c9cfbdcdc82db918178d37d77bf2bc32bef00d5',
                                      '<p>You can report stalking to the police at any time. You '
                                      'do not need to be sure it is stalking. The police would '
                                      'rather hear from you early. This gives them more ways to '
                                      'help.</p>\n'
                                      '<h2>How to report</h2>\n'
                                      '<h3>If you are in danger now</h3>\n'
                                      '<p>[[service:emergency-999]]</p>\n'
                                      '<p>If you cannot speak:</p>\n'
                                      '<p>[[service:silent-solution]]</p>\n'
                                      '<h3>If you are scared but not in danger right now</h3>\n'
                                      '<p>[[service:police-101]]</p>\n'
                                      '<p>[[service:notts-police-online]]</p>\n'
                                      '<h3>If you do not want to give your name</h3>\n'
                                      '<p>You can pass on information to Crimestoppers without '
                                      'giving your name. But they cannot tell you what happens '
                                      'next. They cannot make a safety plan with you. If you want '
                                      'protection, contact the police or a support service.</p>\n'
                                      '<p>[[service:crimestoppers]]</p>\n'
                                      '<h2>What happens next</h2>\n'
                                      '<ul>\n'
                                      '<li>The police will ask what has happened. They will ask '
                                      'about your safety.</li>\n'
                                      '<li>It helps to have your notes, messages and photos ready. '
                                      'See <a href="/keeping-a-record/">keeping a '
                                      'record</a>.</li>\n'
                                      '<li>The police may arrest and interview the person.</li>\n'
                                      '<li>The police may ask a court for a Stalking Protection '
                                      'Order. This is a court order that tells the stalker what '
                                      'they must not do. See <a '
                                      'href="/stalking-and-the-law/">stalking and the '
                                      'law</a>.</li>\n'
                                      '<li>Some cases take a long time, because gathering evidence '
                                      'takes time.</li>\n'
                                      '<li>If things happen again, tell the police each '
                                      'time.</li>\n'
                                      '</ul>\n'
                                      '<h2>You do not have to do this alone</h2>\n'
                                      '<p>A support service can help you report, and stay with you '
                                      'through what happens next. You can get support even if you '
                                      'do not report to the police.</p>\n'
                                      '<p>[[service:notts-stalking-advocacy]]</p>\n'
                                      '<p>[[service:national-stalking-helpline]]</p>'),
                             'summary': ('1e390cbe149917ced56a2143107edb28450473052f868bb812da4f58c3a2eb49',
                                         'How to report stalking to Nottinghamshire Police, and '
                                         'what happens after you do.')},
 'stalking-and-the-law': {'body': ('cec3cd27931893f81857b44d3921604d7bc2f6728b7384541f0612d8fa7c206f',
                                   '<p>Stalking is a crime in England and Wales. It has been a '
                                   'crime in its own right since 25 November 2012.</p>\n'
                                   '<h2>What the law says</h2>\n'
                                   '<p>The law is the Protection from Harassment Act 1997. There '
                                   'are two stalking crimes in it.</p>\n'
                                   '<h3>Stalking</h3>\n'
                                   '<p>This is when someone does things to you that:</p>\n'
                                   '<ul>\n'
                                   '<li>happen on at least two occasions</li>\n'
                                   '<li>alarm you or cause you distress</li>\n'
                                   '<li>are the kind of things stalkers do</li>\n'
                                   '</ul>\n'
                                   '<p>And the person knows, or should know, that it is '
                                   'harassment.</p>\n'
                                   '<p>The law gives examples of what stalkers do. They include '
                                   'following you, contacting you, watching or spying on you, '
                                   'hanging around where you are, and checking your phone or '
                                   'email. The list is not complete. Other things can count '
                                   'too.</p>\n'
                                   '<h3>Stalking that causes fear of violence or serious alarm or '
                                   'distress</h3>\n'
                                   '<p>This is the more serious crime. It is when the '
                                   'stalking:</p>\n'
                                   '<ul>\n'
                                   '<li>makes you fear, at least twice, that they will use '
                                   'violence on you, or</li>\n'
                                   '<li>causes you serious alarm or distress that has a big effect '
                                   'on your day-to-day life</li>\n'
                                   '</ul>\n'
                                   '<h2>What a conviction can mean</h2>\n'
                                   '<ul>\n'
                                   '<li>The more serious stalking crime can lead to up to 10 years '
                                   'in prison.</li>\n'
                                   "<li>The other stalking crime is dealt with in a magistrates' "
                                   'court. It can lead to prison or a fine.</li>\n'
                                   '<li>A court can make a restraining order. This tells the '
                                   'person what they must not do, such as contact you.</li>\n'
                                   '<li>A court can make a restraining order even if the person is '
                                   'found not guilty, if you need protecting.</li>\n'
                                   '</ul>\n'
                                   '<h2>Stalking Protection Orders</h2>\n'
                                   '<p>A Stalking Protection Order is a court order. It tells the '
                                   'stalker what they must not do, such as contact you. The law '
                                   'that created them came in on 20 January 2020.</p>\n'
                                   '<ul>\n'
                                   '<li>Only the police can ask a court for one. You cannot apply '
                                   'yourself, but you can ask the police about one.</li>\n'
                                   '<li>It can be made even if there is not yet enough evidence to '
                                   'charge the person.</li>\n'
                                   '<li>It can ban the person from things, like contacting you or '
                                   'going near your home or work.</li>\n'
                                   '<li>It can also make them do things, like go on a '
                                   'course.</li>\n'
                                   '<li>It lasts at least two years, or until a court ends '
                                   'it.</li>\n'
                                   '<li>The court can make a short-term order while it '
                                   'decides.</li>\n'
                                   '<li>Breaking the order is a crime. It can lead to up to 5 '
                                   'years in prison.</li>\n'
                                   '</ul>\n'
                                   '<h2>Get advice about the law</h2>\n'
                                   '<p>The National Stalking Helpline can explain the law and what '
                                   'it means for you.</p>\n'
                                   '<p>[[service:national-stalking-helpline]]</p>\n'
                                   '<p>To report stalking, see <a '
                                   'href="/reporting-to-the-police/">reporting to the '
                                   'police</a>.</p>'),
                          'summary': ('a20e6767d2d07228c2b5269c2efde59f5f7c2437ce05564e246df0dba32f4531',
                                      'Stalking is a crime in England and Wales. What the law '
                                      'says, what a court can order, and what a conviction can '
                                      'mean.')},
 'using-this-site-safely': {'body': ('81aaad6516438347a59766b35d844cb040a1620a8507b79420961941699c6fd7',
                                     '<p>If someone checks your phone or computer, you may not '
                                     'want them to know you came here. This page tells you what '
                                     'this site can do to help, and what it cannot do. No way is '
                                     'perfect.</p>\n'
                                     '<h2>What the quick exit button does</h2>\n'
                                     '<p>Every page has a <strong>Quick exit</strong> button. '
                                     'Press it to leave this site at once. It opens an everyday '
                                     'website that has nothing to do with stalking.</p>\n'
                                     '<p>On most phones and computers, it also:</p>\n'
                                     '<ul>\n'
                                     '<li>hides this page straight away</li>\n'
                                     '<li>takes the page you were on out of the list that the Back '
                                     'button uses</li>\n'
                                     '</ul>\n'
                                     '<p>So if someone presses Back, they do not see the page you '
                                     'were on. But they may see the page of this site that you '
                                     'looked at before it. If you answered our questions, they '
                                     'will see the questions with no answers ticked.</p>\n'
                                     '<p>On a keyboard, you can press the Shift key three times to '
                                     'do the same.</p>\n'
                                     '<h2>If the button cannot do all of this</h2>\n'
                                     '<p>Some phones and browsers have a setting called JavaScript '
                                     'turned off. JavaScript lets a web page do things by itself, '
                                     'like hide quickly. Most phones have it on. If it is off, the '
                                     'button still takes you away from this site. But Back will '
                                     'bring you back to the page you were on.</p>\n'
                                     '<p>If it is off and you answered our questions, Back may '
                                     'show a page or a message about sending a form again. In '
                                     'Chrome it says "Confirm form resubmission". If someone then '
                                     'reloads the page and says yes, the browser sends your '
                                     'answers to us again, and your results show. When you have '
                                     'finished, close the tab. Private browsing is safer (see '
                                     'below).</p>\n'
                                     '<h2>What the quick exit does not do</h2>\n'
                                     '<ul>\n'
                                     '<li>It does not delete your browser history. The pages of '
                                     'this site you visited stay in the list.</li>\n'
                                     '<li>It does not close the tab or the browser.</li>\n'
                                     '<li>It does not hide your visit from spying apps on your '
                                     'phone or computer.</li>\n'
                                     '<li>It does not hide your visit from someone who can see '
                                     'your internet account or work network.</li>\n'
                                     '<li>It does not remove calls you made from your phone.</li>\n'
                                     '</ul>\n'
                                     '<h2>Delete this site from your history</h2>\n'
                                     '<p>Your browser keeps a list of the pages you visit. You can '
                                     'delete just the pages from this site. Someone may notice if '
                                     'all your history has gone. The steps may be a little '
                                     'different on your phone.</p>\n'
                                     '<h3>Chrome on an Android phone</h3>\n'
                                     '<ol>\n'
                                     '<li>Tap the three dots at the top right (or bottom '
                                     'right).</li>\n'
                                     '<li>Tap History.</li>\n'
                                     '<li>Tap the X next to each page from this site.</li>\n'
                                     '</ol>\n'
                                     '<h3>Safari on an iPhone</h3>\n'
                                     '<ol>\n'
                                     '<li>Tap the book button. On some newer iPhones, tap the '
                                     'button with three dots first.</li>\n'
                                     '<li>Tap the clock to see your history.</li>\n'
                                     '<li>Swipe left on each page from this site, then tap '
                                     'Delete.</li>\n'
                                     '</ol>\n'
                                     '<h3>Samsung Internet</h3>\n'
                                     '<ol>\n'
                                     '<li>Tap the menu button with three lines, at the bottom of '
                                     'the screen.</li>\n'
                                     '<li>Tap History.</li>\n'
                                     '<li>Press and hold a page from this site, tick each page '
                                     'from this site, then tap Delete.</li>\n'
                                     '</ol>\n'
                                     '<p>If you searched for this site, the search may be saved '
                                     'too. You can delete it in the same history list, and in your '
                                     'search account if you are signed in.</p>\n'
                                     '<h2>Calls show on your phone</h2>\n'
                                     '<p>If you call a number from this site, the call shows in '
                                     'the call history on your phone, even when it is not on your '
                                     'phone bill. Some free numbers do not show on the bill, but '
                                     'other numbers may. To remove a call, delete it from the list '
                                     'of recent calls in your phone app.</p>\n'
                                     '<h2>Use private browsing</h2>\n'
                                     '<p>Private browsing means your browser does not keep a '
                                     'history of your visit. It may be called a private tab or '
                                     "incognito mode. Look for it in your browser's menu. When you "
                                     'close all your private tabs, the browser forgets them.</p>\n'
                                     '<p>Private browsing does not hide your visit from spying '
                                     'apps, or from your internet account.</p>\n'
                                     '<h2>If your device may be watched</h2>\n'
                                     '<p>If you think someone can see what you do on your phone or '
                                     'computer, use a device they cannot get into. This could be a '
                                     "friend's phone, or a computer at work or a library.</p>\n"
                                     '<p>Read about <a href="/staying-safe-online/">staying safe '
                                     'on your phone and online</a>.</p>\n'
                                     '<h2>What this site keeps</h2>\n'
                                     '<p>This site does not use cookies. It does not save your '
                                     'answers or what you search for. Our server does log which '
                                     'pages are asked for, and when. Read our <a '
                                     'href="/privacy/">privacy notice</a>.</p>'),
                            'summary': ('04c9b464edc75dc38f81c43e8c548e1731a823b6ceb768835073dc77192d2665',
                                        'What the quick exit button does and does not do, how to '
                                        "delete this site from your phone's history, and what to "
                                        'do if your phone may be watched.')}}


def _sha256(text):
    return hashlib.sha256(text.encode()).hexdigest()


def use_plainer_copy(apps, schema_editor):
    Page = apps.get_model("content", "Page")
    HistoricalPage = apps.get_model("content", "HistoricalPage")
    fields = [f.attname for f in Page._meta.concrete_fields if f.attname != "id"]
    for slug, revision in REVISIONS.items():
        page = Page.objects.filter(slug=slug).first()
        if page is None:
            continue
        changes = {
            field: plainer
            for field, (earlier_sha256, plainer) in revision.items()
            if _sha256(getattr(page, field)) == earlier_sha256
        }
        if not changes:
            continue
        # An update, not save(): no signal may add a second history entry.
        Page.objects.filter(pk=page.pk).update(**changes)
        for field, plainer in changes.items():
            setattr(page, field, plainer)
        HistoricalPage.objects.create(
            id=page.pk,
            **{name: getattr(page, name) for name in fields if name != "updated_at"},
            history_date=timezone.now(),
            history_type="~",
            history_change_reason=CHANGE_REASON,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0002_last_reviewed_only_when_a_person_reviewed"),
    ]

    operations = [
        migrations.RunPython(use_plainer_copy, migrations.RunPython.noop),
    ]
