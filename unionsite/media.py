"""What every model with a cover photo shares (reports, events, pages), and the address made from
the title that reports and events share.

The renditions themselves (sizes, formats, the memo of encodings) are unionsite/renditions.py;
templates show them with templates/includes/picture.html, and `manage.py refresh_renditions`
makes them again for every model that declares `rendered_images`.
"""

from django.utils.functional import cached_property

from unionsite.renditions import COVER_ALIASES, make_renditions, renditions_from
from unionsite.slugs import latin_slug


class CoverRenditionsMixin:
    """A cover photo's renditions made when the row is saved and kept beside it.

    The model has `cover` (an image field) and `cover_renditions` (a JSONField, default=dict,
    editable=False). Templates show `cover_sizes.detail` or `cover_sizes.card` through the picture
    include; `rendered_images` tells `manage.py refresh_renditions` what to make again.
    """

    # (image field, JSON field of its renditions, aliases) for every picture of the model.
    rendered_images = (("cover", "cover_renditions", COVER_ALIASES),)

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "cover" in update_fields:
            self._refresh_cover_renditions(save=False)
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "cover_renditions"}
        super().save(*args, **kwargs)

    def _refresh_cover_renditions(self, save=True):
        if not self.cover:
            data = {}
        elif self.cover_renditions.get("source") == self.cover.name and all(
            alias in self.cover_renditions for alias in COVER_ALIASES
        ):
            return
        else:
            # Commit the uploaded file to its final name first, then resize it.
            self._meta.get_field("cover").pre_save(self, add=self._state.adding)
            data = make_renditions(self.cover, COVER_ALIASES)
        self.cover_renditions = data
        self.__dict__.pop("cover_sizes", None)
        if save and self.pk:
            type(self)._default_manager.filter(pk=self.pk).update(cover_renditions=data)

    @cached_property
    def cover_sizes(self):
        """{alias: Rendition} of the cover: card, card_2x, detail, detail_2x."""
        if self.cover and self.cover_renditions.get("source") != self.cover.name:
            self._refresh_cover_renditions()
        return renditions_from(self.cover_renditions)


class SlugAndCoverMixin(CoverRenditionsMixin):
    """A report's or an event's slug made from its title, and its cover's renditions.

    The model has `slug`, `title_ky`/`title_ru`, and what CoverRenditionsMixin needs;
    `slug_fallback` names an item whose title gives no Latin letters. (Pages make a slug per
    language from their own rules and take CoverRenditionsMixin alone.)
    """

    slug_fallback = "item"

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._unique_slug()
        super().save(*args, **kwargs)

    def _unique_slug(self):
        base = latin_slug(self.title_ky or self.title_ru or "") or self.slug_fallback
        others = type(self)._default_manager.exclude(pk=self.pk)
        slug, number = base, 2
        while others.filter(slug=slug).exists():
            slug = f"{base}-{number}"
            number += 1
        return slug
