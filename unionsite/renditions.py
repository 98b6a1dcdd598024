"""Resized copies of uploaded photos (report photos, covers of reports, events and pages), made once
when a photo is saved.

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
the photo is saved, each also in AVIF and WebP beside its JPEG or PNG (`make_renditions`), and
their file names and dimensions are kept in a JSON column of the row.
Pages then render `src`, `srcset`, `width` and `height` with no query and no file access. If a
stored entry is missing or belongs to an older file (a photo replaced by a bulk update, a row
loaded from a fixture), `sizes` regenerates it once and saves it; `manage.py
refresh_renditions` regenerates everything after media files were restored.
"""

import hashlib
import io
import logging
import os
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from easy_thumbnails.alias import aliases
from easy_thumbnails.files import get_thumbnailer
from easy_thumbnails.storage import thumbnail_default_storage
from PIL import features

logger = logging.getLogger(__name__)

# Smaller files than JPEG for browsers that take them, in the order a <picture> offers them.
# AVIF is slow to encode. Measured on this 2-core machine under load, 1,600 px wide: a generated
# demo picture took 2.4 s at Pillow's default speed 6, 0.6 s at speed 8 (16 KB against 13 KB;
# WebP 0.6 s, 16 KB; JPEG 15 ms, 53 KB); a textured photo 1.0 s at either speed. Speed 8 keeps
# a 30-photo upload to seconds more, not minutes.
MODERN_FORMATS = tuple(name for name in ("avif", "webp") if features.check(name))
ENCODERS = {
    "avif": ("AVIF", "image/avif", {"quality": 60, "speed": 8}),
    "webp": ("WEBP", "image/webp", {"quality": 80, "method": 4}),
}


def with_formats(alias_names):
    """("card",) -> ("card", "card.avif", "card.webp"): the keys stored for these aliases."""
    return tuple(
        key for alias in alias_names for key in (alias, *(f"{alias}.{ext}" for ext in MODERN_FORMATS))
    )


COVER_ALIASES = with_formats(("card", "card_2x", "detail", "detail_2x"))
PHOTO_ALIASES = with_formats(("gallery_thumb", "gallery_thumb_2x", "large"))


@dataclass(frozen=True)
class Rendition:
    """One resized file. `double` is the same picture at twice the size (alias + "_2x"),
    `variants` the same in the modern formats (each with its own `double`), best first."""

    name: str
    width: int
    height: int
    type: str = ""
    double: "Rendition | None" = None
    variants: tuple = ()

    @property
    def url(self):
        return thumbnail_default_storage.url(self.name)

    @property
    def srcset_density(self):
        """`srcset` for a picture shown at its own size: "a.jpg 1x, a-2x.jpg 2x"."""
        if not self.double:
            return self.url
        return f"{self.url} 1x, {self.double.url} 2x"

    @property
    def srcset_widths(self):
        """`srcset` for a picture whose shown width `sizes` gives: "a.jpg 480w, a-2x.jpg 960w"."""
        parts = [f"{self.url} {self.width}w"]
        if self.double:
            parts.append(f"{self.double.url} {self.double.width}w")
        return ", ".join(parts)


def modern_name(name, extension):
    """renditions/a.jpg_240x160_q82.jpg -> renditions/a.jpg_240x160_q82.webp"""
    return f"{os.path.splitext(name)[0]}.{extension}"


# Encodings already made in this process, by pixels and format, when settings.RENDITION_ENCODE_MEMO
# allows that many: the test suite loads the same demo pictures into a fresh media folder again
# and again, and AVIF and WebP would cost it minutes. Off (0) on a server, where a picture is
# encoded once.
_encoded = {}


def encode_modern(image, extension):
    """The bytes of a PIL image in AVIF or WebP."""
    limit = settings.RENDITION_ENCODE_MEMO
    if not limit:
        return _encode(image, extension)
    key = (hashlib.blake2b(image.tobytes(), digest_size=20).digest(), image.size, image.mode, extension)
    if key not in _encoded:
        if len(_encoded) >= limit:
            _encoded.clear()
        _encoded[key] = _encode(image, extension)
    return _encoded[key]


def _encode(image, extension):
    pil_format, _mime, options = ENCODERS[extension]
    if image.mode not in ("RGB", "RGBA"):
        transparent = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
        image = image.convert("RGBA" if transparent else "RGB")
    output = io.BytesIO()
    image.save(output, format=pil_format, **options)
    return output.getvalue()


def make_renditions(fieldfile, alias_names):
    """Generate (or reuse) the renditions of an image field file; return the data to store.

    `alias_names` as COVER_ALIASES: "card" is the JPEG/PNG, "card.webp" the same in WebP. The
    modern ones are encoded from the resized pixels, never from the JPEG, so they lose nothing
    more. The file must already be saved in its storage. A file Pillow cannot read stores no
    renditions (the page then shows no picture) instead of breaking the save.
    """
    data = {"source": fieldfile.name}
    wanted = {}
    for key in alias_names:
        alias, _dot, extension = key.partition(".")
        wanted.setdefault(alias, [])
        if extension:
            wanted[alias].append(extension)
    thumbnailer = get_thumbnailer(fieldfile)
    for alias, extensions in wanted.items():
        options = dict(aliases.get(alias), ALIAS=alias)
        try:
            thumbnail = thumbnailer.get_thumbnail(options)
        except Exception:
            logger.exception("Could not make the %s rendition of %s", alias, fieldfile.name)
            continue
        data[alias] = [thumbnail.name, thumbnail.width, thumbnail.height]
        for extension in extensions:
            name = modern_name(thumbnail.name, extension)
            try:
                if not thumbnail_default_storage.exists(name):
                    # Freshly made pixels when the JPEG was just made; else resized again.
                    if hasattr(thumbnail, "_image_cache"):
                        image = thumbnail.image
                    else:
                        image = thumbnailer.generate_thumbnail(options).image
                    started = time.perf_counter()
                    content = encode_modern(image, extension)
                    thumbnail_default_storage.save(name, ContentFile(content))
                    logger.debug(
                        "%s %s of %s: %.0f ms",
                        alias,
                        extension,
                        fieldfile.name,
                        (time.perf_counter() - started) * 1000,
                    )
            except Exception:
                logger.exception("Could not make the %s %s rendition of %s", alias, extension, fieldfile.name)
                continue
            data[f"{alias}.{extension}"] = [name, thumbnail.width, thumbnail.height]
    return data


def renditions_from(data):
    """Turn the stored JSON into {alias: Rendition}, each with its double and its variants."""
    plain = {}
    modern = {}
    for key, value in (data or {}).items():
        if key == "source" or not (isinstance(value, list) and len(value) == 3):
            continue
        alias, _dot, extension = key.partition(".")
        if not extension:
            plain[alias] = value
        elif extension in ENCODERS:
            modern.setdefault(alias, {})[extension] = value

    def build(alias, extension=None):
        value = plain[alias] if extension is None else modern.get(alias, {}).get(extension)
        if value is None:
            return None
        double = build(f"{alias}_2x", extension) if f"{alias}_2x" in plain else None
        if extension is not None:
            return Rendition(*value, type=ENCODERS[extension][1], double=double)
        variants = tuple(
            filter(None, (build(alias, ext) for ext in ENCODERS if ext in modern.get(alias, {})))
        )
        return Rendition(*value, double=double, variants=variants)

    return {alias: build(alias) for alias in plain}


def delete_renditions(fieldfile):
    """Delete a file's renditions and the file itself (after its row is gone)."""
    if not fieldfile:
        return
    thumbnailer = get_thumbnailer(fieldfile)
    for thumbnail in thumbnailer.get_thumbnails():
        for extension in ENCODERS:
            name = modern_name(thumbnail.name, extension)
            if thumbnail_default_storage.exists(name):
                thumbnail_default_storage.delete(name)
    thumbnailer.delete_thumbnails()
    fieldfile.storage.delete(fieldfile.name)
