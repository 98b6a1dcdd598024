from django.utils.translation import gettext_lazy as _

from search.engine import SearchSection
from structure.models import Organisation

section = SearchSection(
    key="structure",
    label=_("Organisations"),
    result_label=_("Organisation"),
    get_queryset=lambda: Organisation.objects.all(),
    weights={"name": "A", "short_name": "A", "leader_name": "B", "address": "C", "description": "C"},
    title_field="name",
    snippet_fields=("description", "address"),
)
