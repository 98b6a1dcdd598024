from tests.courses.models import Course
from unionsite.sitemaps import LocalizedSitemap


class CourseSitemap(LocalizedSitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return Course.objects.published().order_by("pk")

    def lastmod(self, course):
        return course.updated_at
