from django.utils.translation import gettext_lazy as _

from unionsite import registry


class StructureConfig(registry.ContentAppConfig):
    name = "structure"
    urls = "structure.urls"
    url_prefix = "structure/"
    verbose_name = _("Structure")
    # The staff guide's page that its admin screens' help link opens (editorial/guide/).
    guide_task = "structure"
    index_url_name = "structure:index"
    nav_label = _("Structure")
    position = 40
    home_block_template = "structure/home_section.html"
    search_section = "structure.search.section"
    sitemaps = {"structure": "structure.sitemaps.OrganisationSitemap"}
    role_permissions = {
        "federation_editor": [
            *registry.model_permissions("organisation"),
            *registry.model_permissions("governingbody"),
            *registry.model_permissions("governingbodymember"),
        ],
        "regional_editor": ["view_organisation", "change_organisation"],
        "reviewer": ["view_organisation"],
    }
    demo_loader = "structure.demo.load"

    def ready(self):
        from structure import signals  # noqa: F401 (connects the receivers)
