from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from unionsite.registry import model_permissions


class SiteconfigConfig(AppConfig):
    """Site settings and the home page. Not a content app: the core connects nothing for it, so it
    connects its own models to the page cache here."""

    name = "siteconfig"
    verbose_name = _("Site settings")
    # The staff guide's page that its admin screens' help link opens (editorial/guide/).
    guide_task = "settings"
    # The federation's editors keep the settings and the home page (editorial.groups; granted by
    # migration 0003). The singletons are never added or deleted.
    role_permissions = {
        "federation_editor": [
            *model_permissions("announcement"),
            *model_permissions("featureditem"),
            *model_permissions("homeblock"),
            *model_permissions("homepage", ("change", "view")),
            *model_permissions("sitesettings", ("change", "view")),
        ],
    }

    def ready(self):
        from django.db import transaction
        from django.db.models.signals import post_delete, post_save

        from siteconfig import loading
        from unionsite import pagecache

        def changed(sender=None, using=None, **kwargs):
            # At once and again at commit, as the page cache does: a page rendered from the old
            # rows in between cannot stay cached under the new version.
            loading.bump_version()
            transaction.on_commit(loading.refresh, using=using)
            pagecache.bump_after_change(sender=sender, using=using)

        self._changed = changed
        for model in self.get_models():
            uid = f"siteconfig-{model._meta.label_lower}"
            post_save.connect(changed, sender=model, dispatch_uid=f"{uid}-save", weak=False)
            post_delete.connect(changed, sender=model, dispatch_uid=f"{uid}-delete", weak=False)
        # An announcement appears and disappears by itself at its times (siteconfig/loading.py).
        pagecache.register_schedule(loading.next_announcement_change)
