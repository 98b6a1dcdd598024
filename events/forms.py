from django import forms
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from structure.models import Organisation, OrganisationKind, Region


class EventFilterForm(forms.Form):
    """The GET filter of the event lists and the calendar: region and organisation (with its tree).

    A value that names no region or organisation is left out of the filter, and the page says so;
    the list is never an error page. The organisation select lists the committees; any
    organisation's slug given in the address (a school's) is accepted too.
    """

    region = forms.ChoiceField(label=_("Region"), required=False)
    organisation = forms.ChoiceField(label=_("Organisation"), required=False)

    def __init__(self, data):
        super().__init__(data)
        self.fields["region"].choices = [("", _("All regions")), *Region.choices]
        committees = list(
            Organisation.objects.exclude(kind=OrganisationKind.PRIMARY).only("path", "depth", "name", "slug")
        )
        self.organisations = {organisation.slug: organisation for organisation in committees}
        slug = (data or {}).get("organisation")
        if slug and isinstance(slug, str) and slug not in self.organisations and len(slug) <= 120:
            extra = Organisation.objects.filter(slug=slug.replace("\x00", "")).first()
            if extra is not None:
                self.organisations[extra.slug] = extra
                committees.append(extra)
        self.fields["organisation"].choices = [("", _("All organisations"))] + [
            (organisation.slug, "\u2003" * (organisation.depth - 1) + organisation.name)
            for organisation in committees
        ]
        self.is_valid()

    def filter(self, queryset):
        data = self.cleaned_data
        if data.get("region"):
            queryset = queryset.in_region(data["region"])
        if data.get("organisation"):
            queryset = queryset.of_organisation_tree(self.organisations[data["organisation"]])
        return queryset

    @property
    def selected_region(self):
        return self.cleaned_data.get("region", "")

    @property
    def selected_organisation(self):
        slug = self.cleaned_data.get("organisation")
        return self.organisations[slug] if slug else None

    @property
    def ignored(self):
        """Did the address hold a value that names nothing? The page tells the visitor."""
        return bool(self.errors)

    @property
    def is_filtered(self):
        return bool(self.selected_region or self.selected_organisation)

    def query_string(self):
        """The valid filters, to carry into the calendar's and the pages' links."""
        names = ("region", "organisation")
        return urlencode([(name, self.cleaned_data[name]) for name in names if self.cleaned_data.get(name)])
