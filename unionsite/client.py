from django.conf import settings


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
