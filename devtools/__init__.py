"""Development tools: the benchmark, its database, Lighthouse and the load test.

Installed only when DJANGO_DEV_TOOLS=1 (the Makefile's bench, populate-bench, lighthouse and
loadtest targets set it); the site itself never imports from here.
"""
