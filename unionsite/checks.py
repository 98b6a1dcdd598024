from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def secret_key_is_set(app_configs, **kwargs):
    if not settings.SECRET_KEY_MISSING:
        return []
    return [Error(settings.MISSING_SECRET_MESSAGE, id="unionsite.E001")]
