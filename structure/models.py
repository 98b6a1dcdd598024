from django.db import models
from django.db.models import Count, Q, Sum
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from treebeard.mp_tree import MP_Node, MP_NodeManager, MP_NodeQuerySet

from unionsite import fields
from unionsite.images import PhotoField, validate_image_upload
from unionsite.richtext import RichTextField


class Region(models.TextChoices):
    """The seven oblasts and the two cities of republican significance."""

    BISHKEK = "bishkek", _("Bishkek city")
    OSH_CITY = "osh-city", _("Osh city")
    BATKEN = "batken", _("Batken oblast")
    JALAL_ABAD = "jalal-abad", _("Jalal-Abad oblast")
    ISSYK_KUL = "issyk-kul", _("Issyk-Kul oblast")
    NARYN = "naryn", _("Naryn oblast")
    OSH = "osh", _("Osh oblast")
    TALAS = "talas", _("Talas oblast")
    CHUI = "chui", _("Chui oblast")


class OrganisationKind(models.TextChoices):
    CENTRAL = "central", _("Central committee")
    OBLAST = "oblast", _("Oblast committee")
    CITY = "city", _("City committee")
    DISTRICT = "district", _("District committee")
    INSTITUTION = "institution", _("University, college or institute committee")
    PRIMARY = "primary", _("Primary organisation")


class OrganisationQuerySet(MP_NodeQuerySet):
    def subtree_of(self, organisation):
        """The organisation and everything below it (materialised path prefix)."""
        return self.filter(path__startswith=organisation.path)


class OrganisationManager(MP_NodeManager):
    # treebeard's manager builds a plain MP_NodeQuerySet; build ours so its methods are there.
    def get_queryset(self):
        return OrganisationQuerySet(self.model, using=self._db).order_by("path")

    def subtree_of(self, organisation):
        return self.get_queryset().subtree_of(organisation)


# Where a node sits in the materialised-path tree; only treebeard may write them.
TREE_POSITION_FIELDS = ("path", "depth", "numchild")


class Organisation(MP_Node):
    """A node of the union's tree: the central committee down to a school's primary organisation.

    Stored as a materialised path (django-treebeard): a subtree is one `path LIKE 'prefix%'`
    query, which keeps "reports of this committee and everything below it" and the membership
    totals at a fixed number of queries however large the tree grows.
    """

    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    region = models.CharField(
        _("region"),
        max_length=20,
        choices=Region.choices,
        blank=True,
        help_text=_("Leave empty only for the central committee, which works across the country."),
    )
    name = fields.LineField(_("name"), max_length=255)
    short_name = fields.LineField(
        _("short name"), max_length=60, blank=True, help_text=_("An abbreviation, for example РПК or ОблПК.")
    )
    slug = models.SlugField(
        _("address in URLs"),
        max_length=120,
        unique=True,
        allow_unicode=False,
        help_text=_("Latin letters, digits and hyphens; it becomes part of the page address."),
    )
    address = fields.LineField(_("address"), max_length=255, blank=True)
    phone = fields.LineField(_("phone"), max_length=60, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = fields.WebLinkField(_("website"), blank=True)
    leader_name = fields.LineField(_("leader's name"), max_length=160, blank=True)
    leader_position = fields.LineField(_("leader's position"), max_length=160, blank=True)
    leader_photo = PhotoField(
        _("leader's photo"),
        upload_to="structure/leaders/%Y/",
        blank=True,
        validators=[validate_image_upload],
    )
    description = RichTextField(_("description"), blank=True)
    members = models.PositiveIntegerField(
        _("members"),
        null=True,
        blank=True,
        help_text=_("Members counted in this organisation itself. Committee totals add up by themselves."),
    )
    youth_members = models.PositiveIntegerField(
        _("of them youth"),
        null=True,
        blank=True,
        help_text=_("Members under 35, included in the number of members."),
    )
    figures_date = fields.DateField(_("figures counted on"), null=True, blank=True)
    # Part of the cache key of the organisation's rendered list items (structure/figures.py).
    updated_at = fields.DateTimeField(_("last changed"), auto_now=True)

    objects = OrganisationManager()

    class Meta:
        ordering = ["path"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            *fields.date_range_constraints(dates=("figures_date",), datetimes=("updated_at",)),
            models.CheckConstraint(
                condition=Q(youth_members__isnull=True)
                | Q(members__isnull=True)
                | Q(youth_members__lte=models.F("members")),
                name="youth_members_not_above_members",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("structure:organisation", args=[self.slug])

    def subtree_totals(self):
        """Members, youth and primary organisations of this organisation and all below it."""
        return Organisation.objects.subtree_of(self).aggregate(
            members=Sum("members", default=0),
            youth_members=Sum("youth_members", default=0),
            primary_organisations=Count("pk", filter=Q(kind=OrganisationKind.PRIMARY)),
        )


class GoverningBody(models.Model):
    """A governing or control body of an organisation: congress, plenum, presidium, audit commission."""

    class Kind(models.TextChoices):
        CONGRESS = "congress", _("Congress")
        COMMITTEE = "committee", _("Committee")
        PLENUM = "plenum", _("Plenum")
        PRESIDIUM = "presidium", _("Presidium")
        AUDIT_COMMISSION = "audit", _("Audit commission")
        OTHER = "other", _("Other body")

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="governing_bodies",
        verbose_name=_("organisation"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = fields.LineField(_("name"), max_length=255)
    role = RichTextField(_("role"), blank=True, help_text=_("What the body decides and how often it meets."))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["organisation", "order", "pk"]
        verbose_name = _("governing body")
        verbose_name_plural = _("governing bodies")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"{self.organisation.get_absolute_url()}#body-{self.pk}"


class GoverningBodyMember(models.Model):
    body = models.ForeignKey(
        GoverningBody, on_delete=models.CASCADE, related_name="members", verbose_name=_("governing body")
    )
    name = fields.LineField(pgettext_lazy("person", "name"), max_length=160)
    position = fields.LineField(_("position"), max_length=255, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["body", "order", "pk"]
        verbose_name = _("member of a governing body")
        verbose_name_plural = _("members of governing bodies")

    def __str__(self):
        return self.name
