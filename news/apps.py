from django.utils.translation import gettext_lazy as _

from unionsite import registry


class NewsConfig(registry.ContentAppConfig):
    name = "news"
    urls = "news.urls"
    url_prefix = "news/"
    verbose_name = _("News")
    # The staff guide's page that its admin screens' help link opens (editorial/guide/).
    guide_task = "reports"
    index_url_name = "news:list"
    nav_label = _("News")
    position = 10
    home_block_template = "news/home_section.html"
    search_section = "news.search.section"
    sitemaps = {"news": "news.sitemaps.ReportSitemap"}
    role_permissions = {
        "federation_editor": [
            *registry.model_permissions("category"),
            *registry.model_permissions("report"),
            *registry.model_permissions("reportphoto"),
            "publish_report",
        ],
        "regional_editor": [
            "view_category",
            *registry.model_permissions("report"),
            *registry.model_permissions("reportphoto"),
        ],
        "reviewer": [
            "view_category",
            *registry.model_permissions("report", ("change", "view")),
            *registry.model_permissions("reportphoto"),
            "publish_report",
        ],
    }
    demo_loader = "news.demo.load"
    demo_featured = ("Report",)
    card_models = ("Report",)
