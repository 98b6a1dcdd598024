"""The search index: kept current on save and delete, rebuilt after bulk writes, filtered by what
the public may see, and what the reader finds with inflected, folded and misspelt words."""

import pytest
from django.core.management import call_command
from django.utils import timezone, translation

from events.models import Event
from news.models import Report
from search import engine
from search.models import Entry, Term
from tests.events.factories import EventFactory
from tests.faq.factories import QuestionFactory
from tests.news.factories import ReportFactory
from tests.pages.factories import PageFactory
from tests.structure.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def found(client, query, language="ky", **params):
    return client.get(f"/{language}/search/", {"q": query, **params}).content.decode()


def url(item, language):
    with translation.override(language):
        return item.get_absolute_url()


def test_a_saved_report_is_found_at_once_and_an_edit_changes_what_finds_it(client):
    report = ReportFactory(title_ky="Жаштар кеңешинин жыйыны", title_ru="Собрание молодёжного совета")
    assert report.get_absolute_url() in found(client, "жаштарды")
    report.title_ky, report.title_ru = "Ардагерлер кеңеши", "Совет ветеранов"
    report.save()
    assert report.get_absolute_url() not in found(client, "жаштарды")
    assert report.get_absolute_url() in found(client, "ардагерлерди")


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_a_report_is_found_by_who_prepared_it(client, language):
    report = ReportFactory(
        title_ky="Семинар",
        title_ru="Семинар",
        prepared_by_name_ky="Гүлнара Токтосунова",
        prepared_by_name_ru="Гульнара Токтосунова",
        prepared_by_position_ky="укук инспектору",
        prepared_by_position_ru="правовой инспектор",
    )
    other = ReportFactory(title_ky="Семинар", title_ru="Семинар")
    html = found(client, "Токтосунова", language)
    with translation.override(language):
        assert report.get_absolute_url() in html
        assert other.get_absolute_url() not in html
    assert url(report, language) in found(client, "инспектор", language)


def test_a_deleted_item_leaves_the_index(client):
    question = QuestionFactory(question_ky="Эмгек акы кечиксе эмне кылам?", question_ru="Задержка зарплаты")
    assert Entry.objects.filter(section="faq", object_id=question.pk).exists()
    question.delete()
    assert not Entry.objects.filter(section="faq", object_id=question.pk).exists()
    assert "Эмгек акы кечиксе" not in found(client, "эмгек акы")


def test_unpublishing_with_update_hides_the_item_without_touching_the_index(client):
    # update() sends no signal: visibility is decided by the section's public queryset.
    report = ReportFactory(title_ru="Отпуск учителей")
    shown = ReportFactory(title_ru="Отпуск учителей")
    Report.objects.filter(pk=report.pk).update(status=Report.Status.DRAFT)
    scheduled = ReportFactory(
        title_ru="Отпуск учителей", published_at=timezone.now() + timezone.timedelta(days=1)
    )
    html = found(client, "отпуск", "ru")
    assert url(shown, "ru") in html
    assert url(report, "ru") not in html and url(scheduled, "ru") not in html


def test_bulk_created_items_are_found_after_rebuilding_the_index(client):
    template = ReportFactory(title_ky="Башка", title_ru="Другое")
    Report.objects.bulk_create(
        [
            Report(
                title_ky="Нарындагы мугалимдер",
                title_ru="Учителя в Нарыне",
                slug="bulk-naryn",
                organisation=template.organisation,
                category=template.category,
                status=Report.Status.PUBLISHED,
                published_at=timezone.now(),
            )
        ]
    )
    assert "bulk-naryn" not in found(client, "Нарын")
    call_command("rebuild_search_index", verbosity=0)
    assert "bulk-naryn" in found(client, "Нарын")
    assert Term.objects.get(term="нарындагы").shown == "нарындагы"


def test_rebuild_counts_the_items_each_word_is_in():
    ReportFactory(title_ky="Өргүү жөнүндө", lead_ky="Өргүү")
    QuestionFactory(question_ky="Өргүү качан берилет?")
    call_command("rebuild_search_index", verbosity=0)
    term = Term.objects.get(term="orguu".translate(str.maketrans("orgu", "оргу")))
    assert (term.shown, term.documents) == ("өргүү", 2)


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("жаштарды", "Жаштар кеңешинин жыйыны"),  # Kyrgyz endings
        ("Ысык-Кол", "Ысык-Көлдө мугалимдердин семинары"),  # letters missing from a Russian keyboard
        ("Озгон", "Өзгөн районунун мектептери"),
        ("мугалимдерибиз", "Мугалимдер күнү"),
    ],
)
def test_kyrgyz_words_are_found_inflected_and_without_special_letters_on_both_databases(
    client, typed, written
):
    report = ReportFactory(title_ky=written, title_ru="")
    assert report.get_absolute_url() in found(client, typed)


@pytest.mark.parametrize("typed", ["уволить", "увольнение", "уволили", "увольнения"])
def test_russian_words_find_their_other_forms(client, typed):
    question = QuestionFactory(
        question_ru="Может ли работодатель уволить члена профсоюза?",
        answer_ru="<p>Увольнение возможно...</p>",
    )
    assert url(question, "ru") in found(client, typed, "ru")


def test_the_exact_form_ranks_before_a_folded_or_inflected_one():
    folded = ReportFactory(title_ky="Жаны мектеп", lead_ky="", body_ky="")
    exact = ReportFactory(title_ky="Жаңы мектеп", lead_ky="", body_ky="")
    inflected = ReportFactory(title_ky="Мектептерде", lead_ky="", body_ky="")
    ranked = [match.object_id for match in engine.search("жаңы мектеп").matches]
    assert ranked[0] == exact.pk and folded.pk in ranked
    ranked = [match.object_id for match in engine.search("мектептерде").matches]
    assert ranked[0] == inflected.pk and {exact.pk, folded.pk} <= set(ranked)


def test_a_title_match_ranks_before_a_body_match():
    in_body = ReportFactory(
        title_ru="Итоги года", lead_ru="", body_ru="<p>Обсудили коллективный договор.</p>"
    )
    in_title = ReportFactory(title_ru="Коллективный договор подписан", lead_ru="", body_ru="")
    ranked = [match.object_id for match in engine.search("коллективный договор").matches]
    assert ranked.index(in_title.pk) < ranked.index(in_body.pk)


def test_every_content_app_is_searched(client):
    event = EventFactory(title_ky="Кесиптик бирликтин съезди", title_ru="Съезд профсоюза")
    page = PageFactory(title_ky="Съезддин тарыхы", title_ru="История съездов", slug_ky="tarykh")
    organisation = OrganisationFactory(name_ky="Съезд комитети", name_ru="Комитет съезда")
    html = found(client, "съезд", "ru")
    for item in (event, page, organisation):
        assert url(item, "ru") in html
    keys = {section.key for section in engine.sections()}
    assert keys == {"news", "faq", "documents", "structure", "pages", "events"}
    assert Event in {section.model for section in engine.sections()}


def test_a_misspelt_word_gets_results_for_the_correction_and_a_link(client):
    report = ReportFactory(title_ky="Жамааттык келишим кол коюлду", title_ru="")
    response = client.get("/ky/search/", {"q": "жамаатык келишим"})
    html = response.content.decode()
    assert report.get_absolute_url() in html
    assert response.context["results"].suggestion == "жамааттык келишим"
    assert response.context["results"].corrected


def test_a_query_finding_little_offers_the_correction_as_a_link(client):
    for _ in range(3):
        ReportFactory(title_ru="Семинар профсоюза", lead_ru="", body_ru="")
    odd = ReportFactory(title_ru="Сеинар", lead_ru="", body_ru="")  # the misspelling is in a text too
    call_command("rebuild_search_index", verbosity=0)  # counts the items each word is in
    response = client.get("/ru/search/", {"q": "сеинар", "section": "news"})
    results = response.context["results"]
    assert results.suggestion == "семинар" and not results.corrected
    assert results.matches[0].object_id == odd.pk
    assert (
        'href="?q=%D1%81%D0%B5%D0%BC%D0%B8%D0%BD%D0%B0%D1%80&amp;section=news"' in response.content.decode()
    )


def test_no_suggestion_for_a_word_that_is_known_or_too_short(client):
    ReportFactory(title_ru="Семинар")
    assert engine.search("семинар").suggestion == ""
    assert engine.search("сем").suggestion == ""


def test_any_word_is_enough_when_all_words_find_too_little():
    report = ReportFactory(title_ru="Охрана труда", lead_ru="", body_ru="")
    results = engine.search("охрана зебры")
    assert [match.object_id for match in results.matches] == [report.pk]


def test_only_the_hits_shown_become_model_instances(client, django_assert_max_num_queries):
    for number in range(40):
        ReportFactory(title_ru=f"Отпуск {number}")
        QuestionFactory(question_ru=f"Отпуск {number}?")
    client.get("/ru/search/", {"q": "отпуск"})
    with django_assert_max_num_queries(4):
        response = client.get("/ru/search/", {"q": "отпуск", "page": "3"})
    assert len(response.context["results"]) == 80
    assert len(response.context["page_obj"].object_list) == 10


@pytest.mark.parametrize(
    "query",
    [
        "отпуск & !семинар | (x:*)",
        "'отпуск' <-> \"семинар\"",
        'NEAR(отпуск семинар) AND OR NOT "',
        "отпуск* ^семинар -x +y col:отпуск",
        "от\x00пуск",
        "😀 отпуск 👍🏽",
        "😀😀",
        "?!.,;—«»",
        "отпуск " * 1500,
        "ж" * 10_000,
        "\u200bотпуск\u200b",
    ],
)
def test_odd_input_always_gives_a_page(client, query):
    ReportFactory(title_ru="Отпуск")
    for language in ("ky", "ru"):
        response = client.get(f"/{language}/search/", {"q": query})
        assert response.status_code == 200


def test_the_current_time_decides_visibility_on_every_search(client):
    ReportFactory(title_ky="", title_ru="Отпуск")  # the visibility SQL is made on the first search
    assert engine.search("отпуск").matches
    later = timezone.now() + timezone.timedelta(hours=1)
    soon = ReportFactory(title_ky="", title_ru="Конференция", published_at=later)
    assert not engine.search("конференция").matches
    Report.objects.filter(pk=soon.pk).update(published_at=timezone.now() - timezone.timedelta(seconds=1))
    assert [match.object_id for match in engine.search("конференция").matches] == [soon.pk]
