from django.utils.translation import gettext_lazy as _

from pages.models import Page
from search.engine import SearchSection

section = SearchSection(
    key="pages",
    label=_("Pages"),
    result_label=_("Page"),
    get_queryset=lambda: Page.objects.published(),
    weights={"title": "A", "lead": "B", "body": "C"},
    snippet_fields=("lead", "body"),
)
