import logging

from django.conf import settings
from django.utils.crypto import salted_hmac
from django_ratelimit.core import is_ratelimited

logger = logging.getLogger(__name__)


def client_ip(request):
    """The visitor's address, for rate limits and the login lockout.

    Behind nginx every request comes from 127.0.0.1; the header named by
    DJANGO_RATELIMIT_IP_META_KEY (e.g. HTTP_X_REAL_IP) then carries the visitor's own address.
    In a list (X-Forwarded-For) only the last entry, the one our proxy appended, is trusted:
    earlier entries are the client's word. An unknown address is "" (django-axes stores it as
    an empty inet value; any other placeholder would not be a valid address on PostgreSQL).
    """
    meta_key = getattr(settings, "RATELIMIT_IP_META_KEY", None)
    if meta_key and request.META.get(meta_key):
        return request.META[meta_key].split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def posted_too_often(request, group, rate):
    """Count this POST against its sender's address in `group` (django-ratelimit's `rate`); True
    when the sender is over the limit.

    When the counts cannot be reached (Redis down, a folder that cannot be written), the post is
    let through and the failure logged: losing a member's question or application is worse than a
    spare one.
    """
    try:
        return is_ratelimited(
            request,
            group=group,
            key=lambda _group, request: client_ip(request),
            rate=rate,
            method="POST",
            increment=True,
        )
    except Exception:
        logger.exception("The rate-limit counts of %s are unavailable; the post is let through", group)
        return False


def hashed_ip(ip, salt):
    """A visitor's address kept only as a keyed hash, to see repeats without storing the address."""
    return salted_hmac(salt, ip, algorithm="sha256").hexdigest()
