"""A page's cover gets the renditions of reports' and events' covers (unionsite/media.py): AVIF,
WebP and JPEG at the site's widths, made on save and offered in the shared <picture>."""

import html as html_module
import io
import json
import re

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from PIL import Image

from pages.models import Page
from tests.pages.factories import PageFactory
from tests.uploads import image_upload

pytestmark = pytest.mark.django_db

# The aliases of unionsite.renditions.COVER_ALIASES for a 2000 x 1000 upload.
COVER_SIZES = {"card": (480, 320), "card_2x": (960, 640), "detail": (960, 480), "detail_2x": (1600, 800)}
FORMATS = {"": "JPEG", ".avif": "AVIF", ".webp": "WEBP"}
PICTURE = re.compile(r'<figure class="site-page-cover">\s*(<picture>.*?</picture>)\s*</figure>', re.DOTALL)


def opened(path):
    """(format, size) of an image file, read to the end so a broken file fails here."""
    with Image.open(path) as image:
        image.load()
        return image.format, image.size


def file_of(settings, url):
    """The file under MEDIA_ROOT that a /media/ address serves."""
    assert url.startswith(django_settings.MEDIA_URL), url
    return settings.MEDIA_ROOT / url.removeprefix(django_settings.MEDIA_URL)


def covered_page(**kwargs):
    return PageFactory(cover=image_upload("cover.jpg", size=(2000, 1000)), **kwargs)


def test_a_saved_page_cover_gets_jpeg_avif_and_webp_files_of_every_size(settings):
    page = covered_page()
    stored = Page.objects.get(pk=page.pk).cover_renditions
    assert stored["source"] == page.cover.name
    for alias, size in COVER_SIZES.items():
        for extension, pil_format in FORMATS.items():
            name, width, height = stored[f"{alias}{extension}"]
            assert (width, height) == size
            assert name.startswith("renditions/pages/covers/")
            assert name.endswith(extension or ".jpg")
            path = settings.MEDIA_ROOT / name
            assert path.is_file()
            assert opened(path) == (pil_format, size), name


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_the_page_shows_its_cover_as_a_picture_with_avif_and_webp_sources(client, settings, language):
    page = covered_page()
    response = client.get(page.url_in(language))
    assert response.status_code == 200
    assert response["Content-Language"] == language
    html = response.content.decode()
    picture = PICTURE.search(html).group(1)
    sizes = page.cover_sizes
    detail, detail_2x = sizes["detail"], sizes["detail_2x"]

    found = re.findall(r'<source type="([^"]+)" srcset="([^"]+)" sizes="([^"]+)">', picture)
    assert [kind for kind, _srcset, _sizes in found] == ["image/avif", "image/webp"]
    for (kind, srcset, _sizes), pil_format, variant, variant_2x in zip(
        found, ("AVIF", "WEBP"), detail.variants, detail_2x.variants, strict=True
    ):
        assert variant.type == kind
        assert html_module.unescape(srcset) == f"{variant.url} 960w, {variant_2x.url} 1600w"
        # What the page offers is on disk, in the format it claims.
        assert opened(file_of(settings, variant.url)) == (pil_format, (960, 480))
        assert opened(file_of(settings, variant_2x.url)) == (pil_format, (1600, 800))

    # The JPEG for browsers without either, sized so nothing moves while it loads.
    img = re.search(r"<img [^>]*>", picture).group(0)
    assert f'src="{detail.url}"' in img
    assert f'srcset="{detail.url} 960w, {detail_2x.url} 1600w"' in img
    assert 'width="960" height="480"' in img
    assert opened(file_of(settings, detail.url)) == ("JPEG", (960, 480))
    # Never the uploaded original, which may be a camera photo of several megabytes.
    assert page.cover.url not in html


def test_shared_links_and_search_engines_get_the_detail_rendition(client):
    page = covered_page()
    html = client.get(page.url_in("ky")).content.decode()
    detail = page.cover_sizes["detail"]
    assert f'<meta property="og:image" content="http://testserver{detail.url}">' in html
    assert '<meta property="og:image:width" content="960">' in html
    assert '<meta property="og:image:height" content="480">' in html
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)[1])
    assert data["primaryImageOfPage"] == f"http://testserver{detail.url}"


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_a_page_without_a_cover_shows_no_picture(client, language):
    page = PageFactory()
    assert page.cover_renditions == {}
    response = client.get(page.url_in(language))
    assert response.status_code == 200
    html = response.content.decode()
    assert f">{getattr(page, f'title_{language}')}</h1>" in html  # the page itself is there
    assert "site-page-cover" not in html
    assert "<picture" not in html
    assert "primaryImageOfPage" not in html


def test_a_cover_saved_before_renditions_gets_them_when_first_shown(client, settings):
    page = covered_page()
    # As a cover uploaded before pages had renditions: no stored data, no AVIF or WebP files.
    for key, value in page.cover_renditions.items():
        if "." in key:
            (settings.MEDIA_ROOT / value[0]).unlink()
    Page.objects.filter(pk=page.pk).update(cover_renditions={})
    html = client.get(page.url_in("ky")).content.decode()
    picture = PICTURE.search(html).group(1)
    assert 'type="image/avif"' in picture and 'type="image/webp"' in picture
    stored = Page.objects.get(pk=page.pk).cover_renditions
    assert stored["source"] == page.cover.name
    assert opened(settings.MEDIA_ROOT / stored["detail.avif"][0]) == ("AVIF", (960, 480))


def test_removing_the_cover_removes_the_picture(client):
    page = covered_page()
    assert PICTURE.search(client.get(page.url_in("ky")).content.decode())
    page = Page.objects.get(pk=page.pk)
    page.cover = ""
    page.save()
    assert Page.objects.get(pk=page.pk).cover_renditions == {}
    assert "<picture" not in client.get(page.url_in("ky")).content.decode()


@pytest.mark.parametrize("command", ["refresh_renditions", "refresh_news_renditions"])
def test_the_refresh_command_makes_page_covers_again(settings, command):
    page = covered_page()
    stored = page.cover_renditions
    files = [settings.MEDIA_ROOT / value[0] for key, value in stored.items() if key != "source"]
    assert len(files) == 12
    for path in files:
        if path.suffix in (".avif", ".webp"):
            path.unlink()
    Page.objects.filter(pk=page.pk).update(cover_renditions={"source": page.cover.name})

    out = io.StringIO()
    call_command(command, stdout=out)
    assert "pages.Page cover: 1" in out.getvalue()
    stored = Page.objects.get(pk=page.pk).cover_renditions
    for alias, size in COVER_SIZES.items():
        for extension, pil_format in FORMATS.items():
            assert opened(settings.MEDIA_ROOT / stored[f"{alias}{extension}"][0]) == (pil_format, size)
