from django import template

from tests.courses.models import Course

register = template.Library()


@register.inclusion_tag("courses/home_block.html")
def upcoming_courses(limit=3):
    """The home page's block: the next courses (one query)."""
    return {"courses": list(Course.objects.published().order_by("starts_on", "pk")[:limit])}
