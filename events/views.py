import calendar as month_calendar
import datetime

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from editorial.preview import PreviewMixin
from events import ical
from events.forms import EventFilterForm
from events.models import Event, local_midnight
from structure.models import Organisation, Region
from unionsite.links import absolute_url, json_ld_script, site_origin
from unionsite.paging import NearestPageMixin

# The calendar's months: far enough for any real event, and a 404 for an address made by hand.
FIRST_YEAR, LAST_YEAR = 2000, 2100


def webcal_url(request, path):
    """The feed's address for calendar apps: webcal:// opens "subscribe" on phones and desktops."""
    origin = site_origin(request)
    if not origin:
        return ""
    return "webcal://" + origin.split("://", 1)[-1] + path


def feed_links(request, form):
    """The iCalendar feed matching the page's filter, as https and webcal addresses."""
    if form.selected_organisation is not None:
        path = reverse("events:ical_organisation", args=[form.selected_organisation.slug])
    elif form.selected_region:
        path = reverse("events:ical_region", args=[form.selected_region])
    else:
        path = reverse("events:ical")
    return {"ical_url": path, "webcal_url": webcal_url(request, path)}


def filter_context(request, form):
    return {
        "filter_form": form,
        "filter_query": form.query_string(),
        "region_label": Region(form.selected_region).label if form.selected_region else "",
        **feed_links(request, form),
    }


class FilteredMixin:
    """Region and organisation from the query string (events/forms.py); bad values are ignored."""

    def dispatch(self, request, *args, **kwargs):
        self.filter_form = EventFilterForm(request.GET)
        return super().dispatch(request, *args, **kwargs)


class UpcomingEventListView(FilteredMixin, NearestPageMixin, ListView):
    """Events not over yet, the soonest first, 12 a page."""

    template_name = "events/event_list.html"
    context_object_name = "events"
    paginate_by = 12
    past = False

    def get_queryset(self):
        events = self.filter_form.filter(Event.objects.published().for_cards())
        return events.past() if self.past else events.upcoming()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(filter_context(self.request, self.filter_form))
        context["past"] = self.past
        return context


class PastEventListView(UpcomingEventListView):
    past = True


def calendar_today(request):
    """The calendar of the current month (Bishkek time), with the filters kept."""
    today = timezone.localdate()
    url = reverse("events:calendar", kwargs={"year": today.year, "month": f"{today.month:02d}"})
    query = EventFilterForm(request.GET).query_string()
    return redirect(f"{url}?{query}" if query else url)


def month_url(day, query):
    url = reverse("events:calendar", kwargs={"year": day.year, "month": f"{day.month:02d}"})
    return f"{url}?{query}" if query else url


def calendar_month(request, year, month):
    """A month as a table, Monday first, each day listing its events; no JavaScript needed."""
    if not (FIRST_YEAR <= year <= LAST_YEAR and 1 <= month <= 12):
        raise Http404(_("The calendar has no such month."))
    form = EventFilterForm(request.GET)
    first = datetime.date(year, month, 1)
    last = first.replace(day=month_calendar.monthrange(year, month)[1])
    events = list(
        form.filter(Event.objects.published().for_cards())
        .between(local_midnight(first), local_midnight(last + datetime.timedelta(days=1)))
        .order_by("start", "pk")
    )
    by_day = {}
    for event in events:
        for day in event.days_between(first, last):
            by_day.setdefault(day, []).append(event)
    today = timezone.localdate()
    weeks = [
        [
            {
                "date": day,
                "in_month": day.month == month,
                "events": by_day.get(day, []),
                "is_today": day == today,
            }
            for day in week
        ]
        for week in month_calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    ]
    query = form.query_string()
    previous_month = first - datetime.timedelta(days=1)
    next_month = last + datetime.timedelta(days=1)
    context = {
        **filter_context(request, form),
        "month": first,
        "weeks": weeks,
        "weekdays": weeks[0],
        "events": events,
        "previous_url": month_url(previous_month, query) if previous_month.year >= FIRST_YEAR else "",
        "next_url": month_url(next_month, query) if next_month.year <= LAST_YEAR else "",
        "previous_month": previous_month,
        "next_month": next_month,
        "this_month_url": month_url(today, query),
    }
    return render(request, "events/calendar.html", context)


class EventDetailView(PreviewMixin, DetailView):
    template_name = "events/event_detail.html"
    context_object_name = "event"

    def get_queryset(self):
        return self.visible(Event.objects.select_related("organisation", "report"))

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        moved = self.redirect_to_canonical(self.object.get_absolute_url())
        return moved or self.render_to_response(self.get_context_data(object=self.object))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        event = self.object
        report = event.report
        context["event_report"] = report if report is not None and report.is_public else None
        context["print_view"] = self.request.GET.get("print") == "1"
        context["page_url"] = absolute_url(self.request, event.get_absolute_url())
        cover = event.cover_sizes.get("detail")
        context["og_image"] = absolute_url(self.request, cover.url) if cover else ""
        context["json_ld"] = self.json_ld(event)
        feed = reverse("events:ical_organisation", args=[event.organisation.slug])
        context["organisation_webcal_url"] = webcal_url(self.request, feed)
        context["webcal_url"] = webcal_url(self.request, reverse("events:ical"))
        return context

    def json_ld(self, event):
        if event.all_day:
            start, end = event.start_date.isoformat(), event.end_date.isoformat()
        else:
            start, end = event.local_start.isoformat(), event.local_end.isoformat()
        organisation = event.organisation
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": event.title,
            "description": ical.plain_text(event.description)[:500],
            "startDate": start,
            "endDate": end,
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "url": absolute_url(self.request, event.get_absolute_url()),
            "inLanguage": self.request.LANGUAGE_CODE,
            "location": {
                "@type": "Place",
                "name": event.place or organisation.name,
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": event.place or organisation.address,
                    "addressRegion": str(organisation.get_region_display()),
                    "addressCountry": "KG",
                },
            },
            "organizer": {
                "@type": "Organization",
                "name": organisation.name,
                "url": absolute_url(self.request, organisation.get_absolute_url()),
            },
        }
        if event.map_url:
            data["location"]["hasMap"] = event.map_url
        images = [event.cover_sizes[alias] for alias in ("detail", "detail_2x") if alias in event.cover_sizes]
        if images:
            data["image"] = [absolute_url(self.request, image.url) for image in images]
        else:
            data["image"] = [absolute_url(self.request, static("img/og-default.png"))]
        return json_ld_script(data)


def event_ics(request, year, month, day, slug):
    """ "Add to calendar": the event as a file a phone's calendar opens."""
    event = get_object_or_404(Event.objects.published().select_related("organisation"), slug=slug)
    cal = ical.calendar([event], request, event.title)
    return ical.calendar_response(cal, filename=f"{event.slug}.ics")


def ical_feed(request, region=None, organisation=None):
    """A subscribable calendar of published events: all, a region's, or an organisation's tree."""
    events = Event.objects.published().select_related("organisation")
    name = _("Union events")
    if region is not None:
        if region not in Region.values:
            raise Http404(_("There is no such region."))
        events = events.in_region(region)
        name = _("Union events: %(place)s") % {"place": Region(region).label}
    if organisation is not None:
        organisation = get_object_or_404(Organisation, slug=organisation)
        events = events.of_organisation_tree(organisation)
        name = _("Union events: %(place)s") % {"place": organisation.name}
    cal = ical.calendar(ical.feed_events(events), request, name)
    return ical.calendar_response(cal)
