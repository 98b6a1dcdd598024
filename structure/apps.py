from django.utils.translation import gettext_lazy as _

from unionsite import registry


class StructureConfig(registry.ContentAppConfig):
    name = "structure"
    verbose_name = _("Structure")
    index_url_name = "structure:index"
    nav_label = _("Structure")
    position = 40
    home_block_template = "structure/home_section.html"
    search_section = "structure.search.section"
    sitemaps = {"structure": "structure.sitemaps.OrganisationSitemap"}
    demo_loader = "structure.demo.load"

    def ready(self):
        from structure import signals  # noqa: F401 (connects the receivers)
