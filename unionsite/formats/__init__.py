"""Date and number formats of the site's languages (settings.FORMAT_MODULE_PATH), ahead of Django's."""
