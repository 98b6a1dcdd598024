from django.utils.translation import gettext_lazy as _

from unionsite import registry


class DocumentsConfig(registry.ContentAppConfig):
    name = "documents"
    urls = "documents.urls"
    url_prefix = "documents/"
    verbose_name = _("Documents")
    # The staff guide's page that its admin screens' help link opens (editorial/guide/).
    guide_task = "documents"
    index_url_name = "documents:list"
    nav_label = _("Documents")
    position = 30
    home_block_template = "documents/home_section.html"
    home_position = 15
    search_section = "documents.search.section"
    sitemaps = {"documents": "documents.sitemaps.DocumentSitemap"}
    role_permissions = {
        "federation_editor": [
            *registry.model_permissions("documenttype"),
            *registry.model_permissions("document"),
            *registry.model_permissions("documentfile"),
            "publish_document",
        ],
        "regional_editor": [
            "view_documenttype",
            *registry.model_permissions("document"),
            *registry.model_permissions("documentfile"),
        ],
        "reviewer": [
            "view_documenttype",
            *registry.model_permissions("document", ("change", "view")),
            *registry.model_permissions("documentfile"),
            "publish_document",
        ],
        "faq_editor": ["view_document"],
    }
    demo_loader = "documents.demo.load"
    card_models = ("Document",)
