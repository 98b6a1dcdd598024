from django.utils.translation import gettext_lazy as _

from unionsite import registry


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
    card_models = ("Report",)
