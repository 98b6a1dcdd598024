"""The sender name and signature of the site's emails, from the site settings.

Any app that sends mail uses them, for example:

    mail.send(subject, body + signature(), recipients, sender())  # mail: editorial.mail

The address itself stays DJANGO_DEFAULT_FROM_EMAIL (the mail server must accept it); only the
name shown beside it comes from the settings, in the site's default language.
"""

from email.utils import parseaddr

from django.conf import settings
from django.utils import translation

from editorial.mail import mailbox
from siteconfig.loading import get_site_settings


def sender():
    """`"Short name" <address>` for the From header; the bare address when no name is set."""
    _name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    with translation.override(settings.LANGUAGE_CODE):
        site_settings = get_site_settings()
        name = site_settings.short_name or site_settings.full_name
    if not address:
        return settings.DEFAULT_FROM_EMAIL
    return mailbox(name, address)


def signature(language=None):
    """Lines to end an email with: the federation's name and contacts (starting with "-- "), in
    `language` (a reply to a member in theirs), by default the site's default language."""
    with translation.override(language or settings.LANGUAGE_CODE):
        site_settings = get_site_settings()
        lines = [site_settings.full_name]
        lines += [line.strip() for line in site_settings.address.splitlines() if line.strip()]
    lines += [phone.display for phone in site_settings.phone_numbers]
    lines += site_settings.email_addresses
    lines = [line for line in lines if line]
    return "\n\n-- \n" + "\n".join(lines) if lines else ""
