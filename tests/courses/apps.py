from django.utils.translation import gettext_lazy as _

from unionsite import registry


class CoursesConfig(registry.ContentAppConfig):
    name = "tests.courses"
    label = "courses"
    verbose_name = _("Training courses")
    urls = "tests.courses.urls"
    url_prefix = "courses/"
    index_url_name = "courses:list"
    nav_label = _("Training courses")
    position = 40
    home_block_template = "courses/home_section.html"
    search_section = "tests.courses.search.section"
    sitemaps = {"courses": "tests.courses.sitemaps.CourseSitemap"}
    card_models = ("Course",)
    desk_sections = "tests.courses.desk.sections"
    role_permissions = {
        "federation_editor": [*registry.model_permissions("course"), "publish_course"],
        "regional_editor": registry.model_permissions("course"),
        "reviewer": ["change_course", "view_course", "publish_course"],
    }
