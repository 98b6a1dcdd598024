from django.utils.translation import gettext_lazy as _

from unionsite import registry


def next_scheduled_report_time():
    """When the next report dated in the future comes due (drafts included: a spare bump is harmless)."""
    from django.utils import timezone

    from news.models import Report

    upcoming = Report.objects.filter(published_at__gt=timezone.now()).order_by("published_at")
    return upcoming.values_list("published_at", flat=True).first()


class NewsConfig(registry.ContentAppConfig):
    name = "news"
    verbose_name = _("News")
    index_url_name = "news:list"
    nav_label = _("News")
    position = 10
    home_block_template = "news/home_section.html"
    search_section = "news.search.section"
    sitemaps = {"news": "news.sitemaps.ReportSitemap"}
    demo_loader = "news.demo.load"

    def ready(self):
        from unionsite.pagecache import register_schedule

        # A scheduled report appears by itself at its time: cached pages must not hide it.
        register_schedule(next_scheduled_report_time)
