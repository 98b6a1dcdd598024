"""The courses' tests run only with the app installed (their own session, tests/courses/settings.py).

In the main suite, whose settings do not install it, pytest skips collecting them.
"""

from django.conf import settings

if "tests.courses" not in settings.INSTALLED_APPS:
    collect_ignore_glob = ["test_*.py"]
