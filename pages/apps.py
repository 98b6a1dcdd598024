from django.utils.translation import gettext_lazy as _

from unionsite import registry


def next_scheduled_page_time():
    """When the next page dated in the future comes due (drafts included: a spare bump is harmless)."""
    from django.utils import timezone

    from pages.models import Page

    upcoming = Page.objects.filter(published_at__gt=timezone.now()).order_by("published_at")
    return upcoming.values_list("published_at", flat=True).first()


class PagesConfig(registry.ContentAppConfig):
    """Pages reach the menus through pages.MenuItem: no index page, no home block."""

    name = "pages"
    verbose_name = _("Pages and menus")
    search_section = "pages.search.section"
    sitemaps = {"pages": "pages.sitemaps.PageSitemap"}
    demo_loader = "pages.demo.load"

    def ready(self):
        from django.db.models.signals import post_init

        from pages import signals
        from unionsite.pagecache import register_schedule

        post_init.connect(
            signals.fill_tree_position, sender="pages.Page", dispatch_uid="pages_fill_tree_position"
        )
        # A scheduled page appears by itself at its time (and with it its menu entry).
        register_schedule(next_scheduled_page_time)
