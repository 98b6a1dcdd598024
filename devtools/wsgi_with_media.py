"""The site with uploaded files served by WhiteNoise, for measuring pages without nginx.

In production nginx serves /media/; `make lighthouse` has no nginx, and a page whose photos answer
404 would be measured wrongly, so it runs gunicorn with this module instead of unionsite.wsgi. The
media files are indexed once at start-up (the bench's pictures are few); never use it in production.
"""

from django.conf import settings
from whitenoise import WhiteNoise

from unionsite.wsgi import application as site

application = WhiteNoise(site, max_age=60 * 60 * 24 * 7)
application.add_files(str(settings.MEDIA_ROOT), prefix=settings.MEDIA_URL)
