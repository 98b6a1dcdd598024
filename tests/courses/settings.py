"""The site with the courses app installed: only INSTALLED_APPS differs from unionsite.settings.

.venv/bin/python -m pytest --ds=tests.courses.settings tests/courses -p no:cacheprovider
"""

from unionsite.settings import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "tests.courses"]  # noqa: F405
