import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unionsite.settings")

application = get_asgi_application()

from unionsite.startup import refuse_to_serve_without_a_secret  # noqa: E402 (needs settings loaded)

refuse_to_serve_without_a_secret()
