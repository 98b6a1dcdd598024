import logging

from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, TemplateView
from easy_thumbnails.exceptions import EasyThumbnailsError
from easy_thumbnails.files import get_thumbnailer

from structure.models import GoverningBody, GoverningBodyMember, Organisation, OrganisationKind
from structure.tree import TREE_FIELDS, attach_totals, nest
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
    """The governing bodies of the central committee and the whole territorial tree.

    Three queries whatever the size of the tree: all nodes (only the columns a list needs), the
    central committee's bodies, their members.
    """

    template_name = "structure/index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        nodes = attach_totals(list(Organisation.objects.only(*TREE_FIELDS)))
        roots = [node for node in nodes if node.depth == 1]
        central = next((node for node in roots if node.kind == OrganisationKind.CENTRAL), None)
        if central is None and roots:
            central = roots[0]
        context.update(
            {
                "central": central,
                "governing_bodies": governing_bodies_of(central) if central else [],
                "tree": nest(nodes),
                "total": central.totals if central and len(roots) == 1 else None,
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
            ).only(*TREE_FIELDS)
        )
        ancestors = [node for node in related if node.depth < organisation.depth]
        subtree = attach_totals([node for node in related if node.depth >= organisation.depth])
        totals = subtree[0].totals if subtree else None
        children = [node for node in subtree if node.depth == organisation.depth + 1]
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
