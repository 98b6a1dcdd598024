"""Pages staff write themselves ("About the union", "How to join", "Contacts") and the menus.

Pages form a tree (django-treebeard, as the organisations do): "About the union" holds "History"
and "Social partnership". A page's address in each language is the path of its ancestors' slugs in
that language, `/ky/pages/kesiptik-birlik-zhonundo/tarykh/`; it is stored on the page
(`url_path_ky`, `url_path_ru`) and rewritten for the whole subtree when a slug changes or a branch
moves, so linking to a page never costs a query.

Pages belong to the federation: they have no organisation, so only staff who see every
organisation may edit them (editorial/scopes.py), and only federation roles hold their permissions
(pages/migrations/0003_role_permissions.py).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Substr
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop, pgettext_lazy
from treebeard.mp_tree import MP_Node, MP_NodeManager, MP_NodeQuerySet

from editorial.models import PublicationStatus, Publishable, PublishableQuerySet
from unionsite import fields, registry, trees
from unionsite.images import PhotoField, validate_image_upload
from unionsite.links import validate_link
from unionsite.media import CoverRenditionsMixin
from unionsite.richtext import RichTextField
from unionsite.slugs import latin_slug

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


SLUG_MAX_LENGTH = 80
# How deep the tree may go: the page URL converter (pages/urls.py) reads at most this many slugs,
# and a page's address must fit its column (12 slugs of 80 letters and their slashes do).
MAX_DEPTH = 12
URL_PATH_MAX_LENGTH = 1000
# Where a page sits in the tree; only treebeard writes them, and history never restores them.
TREE_POSITION_FIELDS = ("path", "depth", "numchild")


class PageType(models.TextChoices):
    """What the page is, for search engines (schema.org WebPage, AboutPage, ContactPage)."""

    WEB_PAGE = "web", _("Web page")
    ABOUT_PAGE = "about", _("About page")
    CONTACT_PAGE = "contact", _("Contact page")


SCHEMA_TYPES = {
    PageType.WEB_PAGE: "WebPage",
    PageType.ABOUT_PAGE: "AboutPage",
    PageType.CONTACT_PAGE: "ContactPage",
}


def not_public():
    """A Q for pages the public does not see now (the opposite of `published()` for one row)."""
    return ~Q(status=PublicationStatus.PUBLISHED) | Q(published_at__gt=timezone.now())


class PageQuerySet(MP_NodeQuerySet, PublishableQuerySet):
    def published(self):
        """Public pages whose ancestors are all public too: an unpublished page hides its subtree."""
        hidden_ancestor = Page.objects.filter(not_public()).filter(
            depth__lt=OuterRef("depth"),
            path=Substr(OuterRef("path"), 1, F("depth") * Page.steplen),
        )
        return super().published().filter(~Exists(hidden_ancestor))

    def children_of(self, page):
        return self.filter(path__startswith=page.path, depth=page.depth + 1)

    def subtree_of(self, page):
        return self.filter(path__startswith=page.path)

    def ancestors_of(self, page):
        paths = [page.path[: Page.steplen * depth] for depth in range(1, page.depth)]
        return self.filter(path__in=paths).order_by("depth")


class PageManager(MP_NodeManager.from_queryset(PageQuerySet)):
    # treebeard's manager builds a plain MP_NodeQuerySet; build ours so published() is there.
    def get_queryset(self):
        return PageQuerySet(self.model, using=self._db).order_by("path")

    def move(self, node, target, pos=None):
        """Move a branch and give its pages the addresses of their new place.

        Raises ValidationError, before anything moves, when the branch would go deeper than
        MAX_DEPTH or its addresses would outgrow their column.
        """
        node.check_placement(trees.parent_for(target, pos))
        with transaction.atomic():
            super().move(node, target, pos)
            moved = self.model.objects.get(pk=node.pk)
            moved.refresh_url_paths()


class Page(CoverRenditionsMixin, MP_Node, Publishable):
    """A page of the site written by federation staff, in Kyrgyz and Russian, placed in a tree.

    Its cover gets the renditions of reports' and events' covers (AVIF, WebP and JPEG at the
    site's widths) on save, from CoverRenditionsMixin; its slugs are its own, one per language.
    """

    title = fields.LineField(_("title"), max_length=255, blank=True)
    slug = models.SlugField(
        _("address in URLs"),
        max_length=SLUG_MAX_LENGTH,
        blank=True,
        help_text=_(
            "Latin letters, digits and hyphens, for example history. Leave it empty to make it from the "
            "title. The page's address is the addresses of the pages above it and this one. Changing "
            "it later breaks links shared before."
        ),
    )
    url_path = models.CharField(
        _("path"), max_length=URL_PATH_MAX_LENGTH, blank=True, editable=False, db_index=True
    )
    lead = fields.PlainTextField(
        _("lead"),
        blank=True,
        help_text=_("One or two sentences shown under the title, in search engines and in shared links."),
    )
    body = RichTextField(_("text"), blank=True)
    page_type = models.CharField(
        _("kind of page"),
        max_length=10,
        choices=PageType.choices,
        default=PageType.WEB_PAGE,
        help_text=_(
            "Tells search engines what the page is: choose “About page” for pages about the union and "
            "“Contact page” for the contacts; the contacts page also shows the federation's address and "
            "phones from the site settings."
        ),
    )
    cover = PhotoField(
        _("cover photo"),
        upload_to="pages/covers/%Y/%m/",
        blank=True,
        validators=[validate_image_upload],
        help_text=_("Shown at the top of the page and in shared links. JPEG, PNG, WebP or GIF, up to 15 MB."),
    )
    cover_renditions = models.JSONField(default=dict, blank=True, editable=False)
    documents = models.ManyToManyField(
        "documents.Document",
        blank=True,
        related_name="pages",
        verbose_name=_("documents"),
        help_text=_("Documents of the library listed at the end of the page; only published ones are shown."),
    )
    # Pages belong to the federation: no organisation, so only federation staff edit them.
    organisation = models.ForeignKey(
        "structure.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="pages",
        verbose_name=_("organisation"),
    )

    objects = PageManager()

    class Meta(Publishable.Meta):
        constraints = fields.date_range_constraints(datetimes=("published_at", "created_at", "updated_at"))
        ordering = ["path"]
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        permissions = [("publish_page", gettext_noop("Can publish, unpublish and return pages"))]

    def __str__(self):
        return self.title or self.slug

    def get_absolute_url(self):
        return reverse("pages:detail", kwargs={"url_path": self.url_path})

    def url_in(self, language):
        """The page's address in `language`, whatever language is active."""
        with translation.override(language):
            return reverse("pages:detail", kwargs={"url_path": getattr(self, f"url_path_{language}")})

    @property
    def schema_type(self):
        return SCHEMA_TYPES.get(self.page_type, "WebPage")

    # Addresses ----------------------------------------------------------------------------------

    def clean(self):
        super().clean()
        if not (self.title_ky or self.title_ru):
            raise ValidationError(
                {"title_ky": _("Write the title in at least one language.")}, code="no_title"
            )
        errors = {}
        for code in LANGUAGE_CODES:
            slug = (getattr(self, f"slug_{code}") or "").lower()
            if slug and self._slug_taken(code, slug):
                errors[f"slug_{code}"] = ValidationError(
                    _("Another page already has this address. Choose another one."), code="slug_taken"
                )
        if errors:
            raise ValidationError(errors)

    def check_placement(self, parent):
        """Raise ValidationError if this page and the pages below it cannot go under `parent` (None: top).

        The tree may be MAX_DEPTH levels deep, as far as the URL converter reads, and each
        address must fit URL_PATH_MAX_LENGTH; a new page's empty slug counts as the longest.
        """
        below = []
        if self.pk and self.path:
            subtree = Page.objects.filter(path__startswith=self.path, depth__gt=self.depth)
            below = list(subtree.only("depth", *self._url_path_fields()))
        # The subtree is read once, for its depth and its addresses.
        deepest = (parent.depth + 1 if parent else 1) + max(
            (page.depth - self.depth for page in below), default=0
        )
        if deepest > MAX_DEPTH:
            raise ValidationError(
                _(
                    "Pages can go at most %(max)s levels deep; placed here, this page and those below "
                    "it would reach level %(deepest)s. Choose a place higher in the tree."
                ),
                code="too_deep",
                params={"max": MAX_DEPTH, "deepest": deepest},
            )
        for code in LANGUAGE_CODES:
            own = len(getattr(self, f"url_path_{code}") or "")
            suffix = max((len(getattr(page, f"url_path_{code}")) - own for page in below), default=0)
            slug = len(getattr(self, f"slug_{code}") or "") or SLUG_MAX_LENGTH
            prefix = len(getattr(parent, f"url_path_{code}")) if parent else 0
            if prefix + slug + 1 + suffix > URL_PATH_MAX_LENGTH:
                raise ValidationError(
                    _("Placed here, the addresses of this page and those below it would be too long."),
                    code="too_long",
                )

    def _slug_taken(self, language, slug):
        return Page.objects.filter(**{f"slug_{language}": slug}).exclude(pk=self.pk).exists()

    def _fill_slugs(self):
        """Each language gets a slug unique among all pages: from its title, else the other's."""
        for code in LANGUAGE_CODES:
            # Addresses are matched in lower case: "History" is stored as "history".
            if getattr(self, f"slug_{code}"):
                setattr(self, f"slug_{code}", getattr(self, f"slug_{code}").lower())
                continue
            titles = [getattr(self, f"title_{code}")] + [getattr(self, f"title_{c}") for c in LANGUAGE_CODES]
            base = next((latin_slug(title) for title in titles if latin_slug(title)), "") or "page"
            slug, number = base, 2
            while self._slug_taken(code, slug):
                slug = f"{base[: SLUG_MAX_LENGTH - 6]}-{number}"
                number += 1
            setattr(self, f"slug_{code}", slug)

    def _own_url_paths(self, parent=None):
        if parent is None and self.depth and self.depth > 1:
            parent = Page.objects.filter(path=self.path[: (self.depth - 1) * self.steplen]).first()
        paths = {}
        for code in LANGUAGE_CODES:
            slug = getattr(self, f"slug_{code}")
            prefix = getattr(parent, f"url_path_{code}") if parent is not None else ""
            paths[code] = f"{prefix}{slug}/"
        return paths

    def save(self, *args, **kwargs):
        self._fill_slugs()
        if self.path:
            parent = getattr(self, "_cached_parent_obj", None)
            for code, value in self._own_url_paths(parent).items():
                setattr(self, f"url_path_{code}", value)
        if (self.depth or 0) > MAX_DEPTH or any(
            len(getattr(self, name) or "") > URL_PATH_MAX_LENGTH for name in self._url_path_fields()
        ):
            self.check_placement(getattr(self, "_cached_parent_obj", None) or self.get_parent())
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, *self._url_path_fields()}
        with transaction.atomic():
            old = (
                Page.objects.filter(pk=self.pk).values(*self._url_path_fields()).first() if self.pk else None
            )
            super().save(*args, **kwargs)
            if old and any(old[name] != getattr(self, name) for name in self._url_path_fields()):
                self._rewrite_descendants(old)

    @staticmethod
    def _url_path_fields():
        return [f"url_path_{code}" for code in LANGUAGE_CODES]

    def _rewrite_descendants(self, old):
        """The pages below take this page's new address as the start of theirs."""
        descendants = Page.objects.filter(path__startswith=self.path, depth__gt=self.depth)
        for page in descendants.only("pk", *self._url_path_fields()):
            values = {}
            for code in LANGUAGE_CODES:
                name = f"url_path_{code}"
                current = getattr(page, name)
                if current.startswith(old[name]):
                    current = getattr(self, name) + current[len(old[name]) :]
                values[name] = current
            Page.objects.filter(pk=page.pk).update(**values)

    def refresh_url_paths(self):
        """Recompute the addresses of this page and of its subtree (after a move)."""
        values = {f"url_path_{code}": value for code, value in self._own_url_paths().items()}
        Page.objects.filter(pk=self.pk).update(**values)
        for name, value in values.items():
            setattr(self, name, value)
        # Descendants may still carry the address of the old place: rebuild them level by level.
        descendants = list(
            Page.objects.filter(path__startswith=self.path, depth__gt=self.depth).order_by("depth")
        )
        by_path = {self.path: self}
        for page in descendants:
            parent = by_path.get(page.path[: (page.depth - 1) * self.steplen])
            if parent is None:
                continue
            paths = page._own_url_paths(parent)
            update = {f"url_path_{code}": value for code, value in paths.items()}
            Page.objects.filter(pk=page.pk).update(**update)
            for name, value in update.items():
                setattr(page, name, value)
            by_path[page.path] = page


class MenuLocation(models.TextChoices):
    HEADER = "header", _("Header navigation")
    FOOTER = "footer", _("Footer")


def section_choices():
    """The site's sections (News, FAQ, Documents, Structure…) by the name of their index page."""
    return [(config.index_url_name, config.nav_label) for config in registry.sections()]


class MenuItem(models.Model):
    """One entry of the header or footer menu: a section of the site, a page, or an address."""

    location = models.CharField(_("menu"), max_length=10, choices=MenuLocation.choices)
    position = models.PositiveSmallIntegerField(
        pgettext_lazy("place in a list", "position"),
        default=0,
        help_text=_("Smaller numbers come first in the menu."),
    )
    section = models.CharField(
        _("section of the site"),
        max_length=60,
        blank=True,
        choices=section_choices,
        help_text=_(
            "News, FAQ, Documents, Structure… Choose one target only: a section, a page or an address."
        ),
    )
    page = models.ForeignKey(
        Page,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="menu_items",
        verbose_name=_("page"),
        help_text=_("Shown only while the page is published."),
    )
    url = fields.LineField(
        _("address"),
        max_length=500,
        blank=True,
        validators=[validate_link],
        help_text=_("A path on this site such as /ky/join/, or a full address starting with https://."),
    )
    label = fields.LineField(
        _("label"),
        max_length=80,
        blank=True,
        help_text=_(
            "The text of the link. Leave it empty to show the page's title or the section's name; an "
            "address needs a label."
        ),
    )

    class Meta:
        ordering = ["location", "position", "pk"]
        verbose_name = _("menu entry")
        verbose_name_plural = _("menu entries")

    def __str__(self):
        if self.label:
            return self.label
        if self.page_id:
            return str(self.page)
        return str(dict(section_choices()).get(self.section, self.section or self.url))

    def get_absolute_url(self):
        if self.page_id:
            return self.page.get_absolute_url()
        if self.section:
            return reverse(self.section)
        return self.url

    def clean(self):
        super().clean()
        targets = [bool(self.section), self.page_id is not None, bool(self.url)]
        if sum(targets) != 1:
            raise ValidationError(
                _("Choose exactly one target: a section of the site, a page, or an address."),
                code="one_target",
            )
        if self.url and not (self.label_ky or self.label_ru):
            raise ValidationError({"label_ky": _("Write the label of the link.")}, code="no_label")
