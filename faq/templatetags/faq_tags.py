from django import template

from faq.models import Topic
from faq.structured_data import plain_text as plain_text_of

register = template.Library()


@register.inclusion_tag("faq/includes/home_block.html")
def faq_topics():
    """The home page's block: topics that have published questions, with their counts (one query)."""
    topics = [topic for topic in Topic.objects.with_question_counts() if topic.question_count]
    return {"topics": topics}


@register.filter
def plain_text(value):
    """Stored rich text as plain words, for excerpts and meta descriptions (escaped as usual)."""
    return plain_text_of(value)
