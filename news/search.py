from django.utils.translation import gettext_lazy as _

from news.models import Report
from search.engine import SearchSection

section = SearchSection(
    key="news",
    label=_("Reports"),
    result_label=_("Report"),
    get_queryset=lambda: Report.objects.published(),
    # "Prepared by" is searched too: staff look for the reports a colleague wrote.
    weights={"title": "A", "lead": "B", "body": "C", "prepared_by_name": "C", "prepared_by_position": "C"},
    snippet_fields=("lead", "body"),
)
