from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from editorial.preview import PreviewMixin
from news.forms import ReportFilterForm
from news.models import Category, Report
from siteconfig.loading import get_site_settings
from structure.models import Region
from unionsite.links import absolute_url, json_ld_script
from unionsite.paging import NearestPageMixin


def number_photos(report, photos):
    """Give each photo of the gallery the address of its own page; its number needs no query."""
    report.__dict__["_photo_numbers"] = {photo.pk: number for number, photo in enumerate(photos, 1)}
    for number, photo in enumerate(photos, 1):
        photo.number = number
        photo.page_url = report.get_photo_url(number)


class ReportListView(NearestPageMixin, ListView):
    """Newest first, 12 a page, filtered by region, organisation (with its tree), category, year.

    An unknown filter value is a 404 (the address was made by hand); a bad page number shows the
    nearest valid page.
    """

    template_name = "news/report_list.html"
    context_object_name = "reports"
    paginate_by = 12

    def get(self, request, *args, **kwargs):
        self.filter_form = ReportFilterForm(request.GET or None, categories=list(Category.objects.all()))
        if self.filter_form.is_bound and not self.filter_form.is_valid():
            raise Http404(_("There is no such region, organisation, category or year."))
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        queryset = Report.objects.published().for_cards()
        if self.filter_form.is_bound:
            queryset = self.filter_form.filter(queryset)
        return queryset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter_form"] = self.filter_form
        region = self.filter_form.selected_region
        context["region"] = region
        context["region_label"] = Region(region).label if region else ""
        return context


class ReportDetailView(PreviewMixin, DetailView):
    template_name = "news/report_detail.html"
    context_object_name = "report"

    def get_queryset(self):
        return self.visible(Report.objects.for_cards())

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        moved = self.redirect_to_canonical(self.object.get_absolute_url())
        return moved or self.render_to_response(self.get_context_data(object=self.object))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = self.object
        public = Report.objects.published().only("slug", "published_at", "title_ky", "title_ru")
        context["photos"] = photos = list(report.photos.all())
        number_photos(report, photos)
        # Ordered by (time, pk), so reports published at the same moment still link to each other.
        same_time = Q(published_at=report.published_at)
        context["previous_report"] = (
            public.filter(Q(published_at__lt=report.published_at) | (same_time & Q(pk__lt=report.pk)))
            .order_by("-published_at", "-pk")
            .first()
        )
        context["next_report"] = (
            public.filter(Q(published_at__gt=report.published_at) | (same_time & Q(pk__gt=report.pk)))
            .order_by("published_at", "pk")
            .first()
        )
        context["related_reports"] = list(
            Report.objects.published()
            .for_cards()
            .filter(Q(category=report.category_id) | Q(organisation=report.organisation_id))
            .exclude(pk=report.pk)[:3]
        )
        context["print_view"] = self.request.GET.get("print") == "1"
        context["json_ld"] = self.json_ld(report)
        cover = report.cover_sizes.get("detail")
        context["og_image"] = absolute_url(self.request, cover.url) if cover else ""
        return context

    def json_ld(self, report):
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": report.title[:110],
            "description": report.lead,
            "datePublished": report.published_at,
            "dateModified": max(report.updated_at, report.published_at),
            "mainEntityOfPage": absolute_url(self.request, report.get_absolute_url()),
            "inLanguage": self.request.LANGUAGE_CODE,
            "author": {"@type": "Organization", "name": report.organisation.name},
            "publisher": {
                "@type": "Organization",
                "name": str(get_site_settings(self.request).name),
            },
        }
        images = [
            report.cover_sizes[alias] for alias in ("detail", "detail_2x") if alias in report.cover_sizes
        ]
        if images:
            data["image"] = [absolute_url(self.request, image.url) for image in images]
        return json_ld_script(data)


class PhotoDetailView(PreviewMixin, DetailView):
    """One gallery photo on its own page, for readers without JavaScript and for shared links:
    the large picture, its caption, "photo 2 of 5", the previous and next photos, and the way
    back to the report's gallery. gallery.js shows the same in an overlay on the report page.
    """

    template_name = "news/photo_detail.html"
    context_object_name = "report"

    def get_queryset(self):
        return self.visible(Report.objects.for_cards())

    def get(self, request, *args, **kwargs):
        self.object = report = self.get_object()
        photos = list(report.photos.all())
        number_photos(report, photos)
        number = kwargs["number"]
        if not 1 <= number <= len(photos):
            raise Http404(_("This report has no photo with that number."))
        moved = self.redirect_to_canonical(report.get_photo_url(number))
        if moved:
            return moved
        context = self.get_context_data(object=report, photos=photos, number=number)
        return self.render_to_response(context)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        photos, number = kwargs["photos"], kwargs["number"]
        report = self.object
        context["photo"] = photos[number - 1]
        context["total"] = len(photos)
        context["previous_url"] = report.get_photo_url(number - 1) if number > 1 else ""
        context["next_url"] = report.get_photo_url(number + 1) if number < len(photos) else ""
        return context
