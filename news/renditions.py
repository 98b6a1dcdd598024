"""Resized copies of report photos, made once when a photo is saved.

Why renditions are stored on the model instead of asked from easy-thumbnails in the template
(read in easy_thumbnails/files.py, version 2.10):

* With local storage, `Thumbnailer.get_existing_thumbnail` checks file modification times and
  needs no query, but a thumbnail's `width`/`height` always go through
  `database_get_image_dimensions`, which runs a query on `easy_thumbnails_thumbnail` per image
  (and opens the file when THUMBNAIL_CACHE_DIMENSIONS is off), whatever THUMBNAIL_CACHE_DIMENSIONS
  says. A page that prints `width`/`height` for 30 photos would cost 30+ queries.
* Generating a missing thumbnail during a request costs several queries per image (its Source
  and Thumbnail rows) plus the Pillow work on a large camera photo.
* THUMBNAIL_CHECK_CACHE_MISS only helps when the tables were wiped.

So the renditions are generated through easy-thumbnails (same aliases, names and storage) when
the photo is saved, and their file names and dimensions are kept in a JSON column of the row.
Pages then render `src`, `srcset`, `width` and `height` with no query and no file access. If a
stored entry is missing or belongs to an older file (a photo replaced by a bulk update, a row
loaded from a fixture), `sizes` regenerates it once and saves it; `manage.py
refresh_news_renditions` regenerates everything after media files were restored.
"""

import logging
from dataclasses import dataclass

from easy_thumbnails.alias import aliases
from easy_thumbnails.files import get_thumbnailer
from easy_thumbnails.storage import thumbnail_default_storage

logger = logging.getLogger(__name__)

COVER_ALIASES = ("card", "card_2x", "detail", "detail_2x")
PHOTO_ALIASES = ("gallery_thumb", "large")


@dataclass(frozen=True)
class Rendition:
    name: str
    width: int
    height: int

    @property
    def url(self):
        return thumbnail_default_storage.url(self.name)


def make_renditions(fieldfile, alias_names):
    """Generate (or reuse) the renditions of an image field file; return the data to store.

    The file must already be saved in its storage. A file Pillow cannot read stores no
    renditions (the page then shows no picture) instead of breaking the save.
    """
    data = {"source": fieldfile.name}
    thumbnailer = get_thumbnailer(fieldfile)
    for alias in alias_names:
        options = dict(aliases.get(alias), ALIAS=alias)
        try:
            thumbnail = thumbnailer.get_thumbnail(options)
        except Exception:
            logger.exception("Could not make the %s rendition of %s", alias, fieldfile.name)
            continue
        data[alias] = [thumbnail.name, thumbnail.width, thumbnail.height]
    return data


def renditions_from(data):
    """Turn the stored JSON into {alias: Rendition}."""
    return {
        alias: Rendition(*value)
        for alias, value in (data or {}).items()
        if alias != "source" and isinstance(value, list) and len(value) == 3
    }


def delete_renditions(fieldfile):
    """Delete a file's renditions and the file itself (after its row is gone)."""
    if not fieldfile:
        return
    thumbnailer = get_thumbnailer(fieldfile)
    thumbnailer.delete_thumbnails()
    fieldfile.storage.delete(fieldfile.name)
