# ruff: noqa: F811 (the roles fixtures are imported by name)
"""Every photo of a report needs a caption before the report goes to review or is published; the
public gallery never shows a photo link without a name."""

import html
import re

import pytest
from django.utils import translation
from django.utils.translation import gettext

from editorial import services
from editorial.services import TransitionNotAllowed
from news.models import Report, ReportPhoto
from tests.news.factories import ReportFactory, ReportPhotoFactory
from tests.roles.conftest import (  # noqa: F401 (fixtures)
    _kyrgyz_by_default,
    category,
    change_url,
    district_editor,
    login,
    osh_reviewer,
    report_post,
    reports,
    tree,
)
from tests.uploads import image_upload

pytestmark = pytest.mark.django_db


def no_caption_message(language, number, photo):
    with translation.override(language):
        return gettext(
            "Photo %(number)d (%(file)s) has no caption. Write what it shows before the report is "
            "submitted for review or published."
        ) % {"number": number, "file": photo.image.name.rsplit("/", 1)[-1]}


def photo_rows(report, captions):
    """The inline forms of the report's photos, each with the caption given (Kyrgyz, Russian)."""
    photos = list(report.photos.all())
    data = {
        "photos-TOTAL_FORMS": str(len(photos)),
        "photos-INITIAL_FORMS": str(len(photos)),
    }
    for index, (photo, (kyrgyz, russian)) in enumerate(zip(photos, captions, strict=True)):
        data.update(
            {
                f"photos-{index}-id": str(photo.pk),
                f"photos-{index}-report": str(report.pk),
                f"photos-{index}-caption_ky": kyrgyz,
                f"photos-{index}-caption_ru": russian,
                f"photos-{index}-alt_text_ky": "",
                f"photos-{index}-alt_text_ru": "",
                f"photos-{index}-order": str(index + 1),
            }
        )
    return data


@pytest.fixture
def draft(reports):
    """The school's draft, in both languages, with two photos: the second has no caption."""
    report = reports["school"]
    ReportPhotoFactory(report=report, order=1)
    ReportPhotoFactory(report=report, order=2, caption_ky="", caption_ru="", alt_text_ky="", alt_text_ru="")
    return report


def test_a_draft_is_saved_without_captions_with_a_warning_per_photo(client, district_editor, draft):
    login(client, district_editor)
    rows = photo_rows(draft, [("Сүрөт", "Фото"), ("", "")])
    response = client.post(change_url(draft), report_post(draft, **rows), follow=True)
    assert response.redirect_chain
    second = draft.photos.last()
    assert html.escape(no_caption_message("ky", 2, second)) in response.content.decode()
    assert Report.objects.get(pk=draft.pk).status == "draft"


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_submitting_with_a_photo_without_caption_is_refused_naming_the_photo(
    client, district_editor, draft, language
):
    login(client, district_editor)
    rows = photo_rows(draft, [("Сүрөт", "Фото"), ("", "")])
    response = client.post(
        change_url(draft, language), report_post(draft, status="submitted", **rows), follow=True
    )
    assert response.status_code == 200 and not response.redirect_chain
    second = draft.photos.last()
    page = response.content.decode()
    assert html.escape(no_caption_message(language, 2, second)) in page
    assert html.escape(no_caption_message(language, 1, draft.photos.first())) not in page
    assert Report.objects.get(pk=draft.pk).status == "draft"


def test_captions_written_in_the_same_form_let_it_go_to_review(client, district_editor, draft):
    login(client, district_editor)
    rows = photo_rows(draft, [("Сүрөт", "Фото"), ("Залда", "")])
    response = client.post(change_url(draft), report_post(draft, status="submitted", **rows))
    assert response.status_code == 302
    assert Report.objects.get(pk=draft.pk).status == "submitted"
    assert draft.photos.last().caption_ky == "Залда"


def test_a_caption_only_in_a_language_the_report_is_not_written_in_is_not_enough(
    client, district_editor, draft
):
    Report.objects.filter(pk=draft.pk).update(title_ru="", lead_ru="", body_ru="")
    draft.refresh_from_db()
    login(client, district_editor)
    rows = photo_rows(draft, [("Сүрөт", ""), ("", "Фото в зале")])
    response = client.post(change_url(draft), report_post(draft, status="submitted", **rows))
    assert response.status_code == 200
    assert Report.objects.get(pk=draft.pk).status == "draft"


def test_photos_uploaded_all_at_once_cannot_go_to_review_in_the_same_save(client, district_editor, reports):
    report = reports["school"]
    login(client, district_editor)
    data = report_post(report, status="submitted", upload_photos=[image_upload("IMG_1.jpg")])
    response = client.post(change_url(report), data)
    assert response.status_code == 200
    with translation.override("ky"):
        refusal = gettext(
            "Photos added now have no captions yet. Save the report as a draft, write a caption for "
            "each photo, then submit it for review."
        )
    assert html.escape(refusal) in response.content.decode()
    assert not ReportPhoto.objects.filter(report=report).exists()


def test_the_services_refuse_to_submit_or_publish_a_report_with_a_photo_without_caption(
    district_editor, osh_reviewer, draft
):
    with pytest.raises(TransitionNotAllowed) as refusal:
        services.submit(draft, district_editor)
    assert "IMG" in str(refusal.value) or ".jpg" in str(refusal.value)
    with pytest.raises(TransitionNotAllowed):
        services.publish(draft, osh_reviewer)
    assert Report.objects.get(pk=draft.pk).status == "draft"


def test_the_bulk_action_says_which_report_was_refused_and_why(client, district_editor, draft):
    login(client, district_editor)
    response = client.post(
        "/ky/admin/news/report/",
        {"action": "submit_for_review", "_selected_action": [draft.pk]},
        follow=True,
    )
    page = response.content.decode()
    assert html.escape(no_caption_message("ky", 2, draft.photos.last())) in page
    assert Report.objects.get(pk=draft.pk).status == "draft"


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_the_gallery_names_every_photo_link(client, tree, category, language):
    report = ReportFactory(organisation=tree["osh"], category=category)
    ReportPhotoFactory(report=report, order=1)
    ReportPhotoFactory(report=report, order=2, caption_ky="", caption_ru="", alt_text_ky="", alt_text_ru="")
    with translation.override(language):
        response = client.get(report.get_absolute_url())
        expected = gettext("%(title)s, photo %(number)d") % {"title": str(report), "number": 2}
    page = response.content.decode()
    gallery = re.search(r'<ul class="gallery">(.*?)</ul>', page, re.DOTALL).group(1)
    alts = re.findall(r'<img [^>]*alt="([^"]*)"', gallery)
    assert len(alts) == 2 and all(alts)
    assert html.unescape(alts[1]) == expected


def test_unnamed_photos_cost_one_query_for_their_numbers(
    client, tree, category, django_assert_max_num_queries
):
    report = ReportFactory(organisation=tree["osh"], category=category)
    ReportPhotoFactory(report=report, order=1)
    with django_assert_max_num_queries(50) as one_named:
        client.get(report.get_absolute_url())
    for order in range(2, 8):
        ReportPhotoFactory(
            report=report, order=order, caption_ky="", caption_ru="", alt_text_ky="", alt_text_ru=""
        )
    with django_assert_max_num_queries(len(one_named.captured_queries) + 1):
        response = client.get(report.get_absolute_url())
    assert response.status_code == 200
