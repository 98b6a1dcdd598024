"""A throw-away content app that plugs into the site by its AppConfig alone (issue 28).

It is installed only by its own settings (tests/courses/settings.py) and tested in a pytest
session of its own; docs/architecture.md ("Adding another app") points at it as the worked example.
"""
