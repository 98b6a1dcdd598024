from django.utils.translation import gettext_lazy as _

from unionsite import registry


class DocumentsConfig(registry.ContentAppConfig):
    name = "documents"
    verbose_name = _("Documents")
    index_url_name = "documents:list"
    nav_label = _("Documents")
    position = 30
    home_block_template = "documents/home_section.html"
    home_position = 15
    search_section = "documents.search.section"
    sitemaps = {"documents": "documents.sitemaps.DocumentSitemap"}
    demo_loader = "documents.demo.load"
    card_models = ("Document",)
