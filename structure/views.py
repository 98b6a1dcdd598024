import logging

from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, TemplateView
from easy_thumbnails.exceptions import EasyThumbnailsError
from easy_thumbnails.files import get_thumbnailer

from structure import charts, figures
from structure.figures import (
    LIST_FIELDS,
    REGIONAL_KINDS,
    cache_version,
    charted_organisations,
    top_levels,
    topmost,
)
from structure.models import GoverningBody, GoverningBodyMember, Organisation, OrganisationKind
from structure.tree import attach_totals
from unionsite.links import absolute_url, json_ld_script

logger = logging.getLogger(__name__)


def governing_bodies_of(organisation):
    """The organisation's governing bodies with their members: two queries."""
    return list(
        GoverningBody.objects.filter(organisation=organisation).prefetch_related(
            Prefetch("members", queryset=GoverningBodyMember.objects.order_by("order", "pk"))
        )
    )


def portrait_of(organisation):
    """The leader's photo as the 'portrait' rendition, or None when there is none or it is broken."""
    if not organisation.leader_photo:
        return None
    try:
        return get_thumbnailer(organisation.leader_photo)["portrait"]
    except (EasyThumbnailsError, OSError, ValueError):
        logger.warning("No portrait rendition for %s", organisation.leader_photo.name, exc_info=True)
        return None


class StructureIndexView(TemplateView):
    """The central committee's governing bodies, the committees of the top levels with their
    totals, charts of the regions' figures, and organisations found by name (?q=).

    A fixed number of queries whatever the size of the tree (structure/figures.py): the top
    nodes, their subtree sums, the central committee's bodies and their members, and one more
    when the visitor searches. The 2,000 organisations below are on their committees' pages.
    """

    template_name = "structure/index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        nodes = top_levels()
        roots = [node for node in nodes if node.depth == 1]
        central = next((node for node in roots if node.kind == OrganisationKind.CENTRAL), None)
        if central is None and len(roots) == 1:
            central = roots[0]
        regional = topmost([node for node in nodes if node.kind in REGIONAL_KINDS])
        others = [
            node
            for node in nodes
            if node.kind not in REGIONAL_KINDS and node is not central and node.depth <= 2
        ]
        groups = [
            {"id": group_id, "title": title, "nodes": members}
            for group_id, title, members in (
                ("regional-committees", _("Oblast and city committees"), regional),
                ("other-organisations", _("Other organisations"), others),
            )
            if members
        ]
        rows = charts.region_figures(charted_organisations(nodes))
        region_charts = charts.region_charts(rows)
        region_map = charts.region_map(rows) if region_charts else None
        query = figures.clean_query(self.request.GET.get("q", ""))
        found, found_count = figures.find_organisations(query) if query else ([], 0)
        context.update(
            {
                "central": central,
                "governing_bodies": governing_bodies_of(central) if central else [],
                "has_organisations": bool(nodes),
                "groups": groups,
                "total": central.totals if central and len(roots) == 1 else None,
                "region_rows": rows,
                "charts": region_charts,
                "region_map": region_map,
                "charts_key": charts.charts_key(rows, with_map=region_map is not None),
                "query": query,
                "query_max_length": figures.QUERY_MAX_LENGTH,
                "found": found,
                "found_count": found_count,
            }
        )
        return context


class OrganisationDetailView(DetailView):
    """One organisation: leader, contacts, figures, breadcrumbs, children, governing bodies.

    Four queries however large the subtree: the organisation; its ancestors and its whole subtree
    in one query (the totals are added up in Python); its governing bodies; their members.
    """

    model = Organisation
    template_name = "structure/organisation.html"
    context_object_name = "organisation"

    def get_object(self, queryset=None):
        return get_object_or_404(Organisation, slug=self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organisation = self.object
        steplen = organisation.steplen
        ancestor_paths = [organisation.path[:end] for end in range(steplen, len(organisation.path), steplen)]
        related = list(
            Organisation.objects.filter(
                Q(path__in=ancestor_paths) | Q(path__startswith=organisation.path)
            ).only(*LIST_FIELDS)
        )
        ancestors = [node for node in related if node.depth < organisation.depth]
        subtree = attach_totals([node for node in related if node.depth >= organisation.depth])
        totals = subtree[0].totals if subtree else None
        children = [node for node in subtree if node.depth == organisation.depth + 1]
        for child in children:
            child.cache_version = cache_version(child)
        context.update(
            {
                "ancestors": ancestors,
                "parent": ancestors[-1] if ancestors else None,
                "children": children,
                "totals": totals,
                "below": totals.organisations - 1 if totals else 0,
                "governing_bodies": governing_bodies_of(organisation),
                "portrait": portrait_of(organisation),
                "json_ld": self.json_ld(organisation, ancestors[-1] if ancestors else None),
            }
        )
        return context

    def json_ld(self, organisation, parent):
        """schema.org Organization data, escaped so that it cannot close its <script> element."""
        request = self.request
        data = {
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": organisation.name,
            "url": absolute_url(request, organisation.get_absolute_url()),
        }
        if organisation.short_name:
            data["alternateName"] = organisation.short_name
        if organisation.address:
            data["address"] = {
                "@type": "PostalAddress",
                "streetAddress": organisation.address,
                "addressCountry": "KG",
            }
        if organisation.region:
            data["areaServed"] = organisation.get_region_display()
        if organisation.phone:
            data["telephone"] = organisation.phone
        if organisation.email:
            data["email"] = organisation.email
        if organisation.website:
            data["sameAs"] = [organisation.website]
        if organisation.leader_name:
            leader = {"@type": "Person", "name": organisation.leader_name}
            if organisation.leader_position:
                leader["jobTitle"] = organisation.leader_position
            data["employee"] = leader
        if parent is not None:
            data["parentOrganization"] = {
                "@type": "Organization",
                "name": parent.name,
                "url": absolute_url(request, parent.get_absolute_url()),
            }
        return json_ld_script(data)
