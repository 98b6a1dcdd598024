from django.utils.translation import gettext_lazy as _

from unionsite import registry


class FaqConfig(registry.ContentAppConfig):
    name = "faq"
    urls = "faq.urls"
    url_prefix = "faq/"
    verbose_name = _("Questions and answers")
    # The staff guide's page that its admin screens' help link opens (editorial/guide/).
    guide_task = "questions"
    index_url_name = "faq:index"
    nav_label = _("Questions and answers")
    position = 20
    home_block_template = "faq/home_section.html"
    home_position = 35
    search_section = "faq.search.section"
    sitemaps = {"faq-topics": "faq.sitemaps.TopicSitemap", "faq": "faq.sitemaps.QuestionSitemap"}
    role_permissions = {
        "federation_editor": [
            *registry.model_permissions("topic"),
            *registry.model_permissions("question"),
            *registry.model_permissions("legalreference"),
            *registry.model_permissions("incomingquestion"),
        ],
        "faq_editor": [
            *registry.model_permissions("topic"),
            *registry.model_permissions("question"),
            *registry.model_permissions("legalreference"),
            *registry.model_permissions("incomingquestion", ("change", "view", "delete")),
        ],
    }
    demo_loader = "faq.demo.load"
    demo_featured = ("Question",)
    card_models = ("Question",)
    desk_sections = "faq.desk.sections"
    private_models = ("IncomingQuestion", "Reply")
    # Members' questions and the replies to them are personal data: the inbox's daily purge
    # (inbox/services.py) runs this too, deleting them after FAQ_QUESTION_RETENTION_DAYS.
    personal_data_purge = "faq.services.purge_expired"
