from unionsite.client import client_ip


def test_client_address_is_remote_addr_without_a_proxy_header(rf, settings):
    settings.RATELIMIT_IP_META_KEY = None
    assert client_ip(rf.get("/", REMOTE_ADDR="203.0.113.9")) == "203.0.113.9"


def test_behind_a_proxy_the_last_forwarded_address_is_trusted(rf, settings):
    settings.RATELIMIT_IP_META_KEY = "HTTP_X_FORWARDED_FOR"
    request = rf.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9")
    assert client_ip(request) == "203.0.113.9"


def test_a_missing_proxy_header_falls_back_to_remote_addr(rf, settings):
    settings.RATELIMIT_IP_META_KEY = "HTTP_X_REAL_IP"
    assert client_ip(rf.get("/", REMOTE_ADDR="127.0.0.1")) == "127.0.0.1"


def test_an_unknown_address_is_empty_not_a_placeholder(rf, settings):
    settings.RATELIMIT_IP_META_KEY = None
    request = rf.get("/")
    del request.META["REMOTE_ADDR"]
    assert client_ip(request) == ""
