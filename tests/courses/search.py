from django.utils.translation import gettext_lazy as _

from search.engine import SearchSection
from tests.courses.models import Course

section = SearchSection(
    key="courses",
    label=_("Training courses"),
    result_label=_("Training course"),
    get_queryset=lambda: Course.objects.published(),
    weights={"title": "A", "summary": "B"},
    snippet_fields=("summary",),
)
