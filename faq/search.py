from django.utils.translation import gettext_lazy as _

from faq.models import Question
from search.engine import SearchSection

section = SearchSection(
    key="faq",
    label=_("Questions and answers"),
    result_label=_("Answer"),
    get_queryset=lambda: Question.objects.published().select_related("topic"),
    weights={"question": "A", "answer": "B"},
    title_field="question",
    snippet_fields=("answer",),
)
