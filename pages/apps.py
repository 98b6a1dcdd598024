from django.utils.translation import gettext_lazy as _

from unionsite import registry


class PagesConfig(registry.ContentAppConfig):
    """Pages reach the menus through pages.MenuItem: no index page, no home block."""

    name = "pages"
    urls = "pages.urls"
    url_prefix = "pages/"
    verbose_name = _("Pages and menus")
    # The staff guide's page that its admin screens' help link opens (editorial/guide/).
    guide_task = "pages"
    share_label = _("Information")
    search_section = "pages.search.section"
    sitemaps = {"pages": "pages.sitemaps.PageSitemap"}
    role_permissions = {
        "federation_editor": [
            *registry.model_permissions("page"),
            "publish_page",
            *registry.model_permissions("menuitem"),
        ],
    }
    demo_loader = "pages.demo.load"

    def ready(self):
        from django.db.models.signals import post_init

        from pages import signals

        post_init.connect(
            signals.fill_tree_position, sender="pages.Page", dispatch_uid="pages_fill_tree_position"
        )
