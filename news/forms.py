from datetime import datetime

from django import forms
from django.db.models import Exists, Max, Min
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from news.models import Report
from structure.models import Organisation, OrganisationKind, Region


class ReportFilterForm(forms.Form):
    """The GET filter of the news list. Its choices come from three small queries.

    The organisation select lists the committees (a primary organisation has few reports); the
    filter also accepts any organisation's slug given in the address, such as a school's.
    """

    region = forms.ChoiceField(label=_("Region"), required=False)
    organisation = forms.ChoiceField(label=_("Organisation"), required=False)
    category = forms.ChoiceField(label=_("Category"), required=False)
    year = forms.ChoiceField(label=_("Year"), required=False)

    @staticmethod
    def years():
        """The years with published reports, newest first, by index look-ups only: the newest and
        the oldest report's years (two look-ups; a DISTINCT over the years of every report took
        90 ms at 10,000 reports), then, when years lie between them, one query asking for each
        whether a report falls in it (EXISTS, which stops at the first)."""
        reports = Report.objects.published()
        span = reports.aggregate(first=Min("published_at"), last=Max("published_at"))
        if span["first"] is None:
            return []
        first, last = timezone.localtime(span["first"]).year, timezone.localtime(span["last"]).year
        between = range(last - 1, first, -1)
        if not between:
            return sorted({first, last}, reverse=True)
        zone = timezone.get_current_timezone()

        def start(year):
            return datetime(year, 1, 1, tzinfo=zone)

        found = (
            reports.filter(published_at=span["last"])
            .annotate(
                **{
                    f"in_{year}": Exists(
                        reports.filter(published_at__gte=start(year), published_at__lt=start(year + 1))
                    )
                    for year in between
                }
            )
            .values(*(f"in_{year}" for year in between))
            .first()
        )
        return [last, *(year for year in between if found[f"in_{year}"]), first]

    def __init__(self, data, *, categories):
        super().__init__(data)
        self.categories = {category.slug: category for category in categories}
        self.fields["region"].choices = [("", _("All regions")), *Region.choices]
        self.fields["category"].choices = [("", _("All categories"))] + [
            (category.slug, category.name) for category in categories
        ]
        self.fields["year"].choices = [("", _("All years"))] + [(str(year), year) for year in self.years()]
        committees = list(
            Organisation.objects.exclude(kind=OrganisationKind.PRIMARY).only("path", "depth", "name", "slug")
        )
        self.organisations = {organisation.slug: organisation for organisation in committees}
        slug = (data or {}).get("organisation")
        if slug and slug not in self.organisations:
            extra = Organisation.objects.filter(slug=slug).first()
            if extra is not None:
                self.organisations[slug] = extra
                committees.append(extra)
        self.fields["organisation"].choices = [("", _("All organisations"))] + [
            (organisation.slug, "\u2003" * (organisation.depth - 1) + organisation.name)
            for organisation in committees
        ]

    def filter(self, queryset):
        """Apply the valid filters; call after is_valid()."""
        data = self.cleaned_data
        if data.get("region"):
            queryset = queryset.in_region(data["region"])
        if data.get("organisation"):
            queryset = queryset.of_organisation_tree(self.organisations[data["organisation"]])
        if data.get("category"):
            queryset = queryset.filter(category=self.categories[data["category"]])
        if data.get("year"):
            queryset = queryset.filter(published_at__year=int(data["year"]))
        return queryset

    @property
    def selected_region(self):
        return self.cleaned_data.get("region") if hasattr(self, "cleaned_data") else ""

    @property
    def is_filtered(self):
        return hasattr(self, "cleaned_data") and any(self.cleaned_data.values())
