from django.utils.translation import gettext_lazy as _

from unionsite import registry


class FaqConfig(registry.ContentAppConfig):
    name = "faq"
    verbose_name = _("Questions and answers")
    index_url_name = "faq:index"
    nav_label = _("Questions and answers")
    position = 20
    home_block_template = "faq/home_section.html"
    home_position = 35
    search_section = "faq.search.section"
    sitemaps = {"faq-topics": "faq.sitemaps.TopicSitemap", "faq": "faq.sitemaps.QuestionSitemap"}
    demo_loader = "faq.demo.load"
    card_models = ("Question",)
    desk_sections = "faq.desk.sections"
    private_models = ("IncomingQuestion",)
