from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe
from django.views.generic import DetailView, TemplateView

from editorial import mail
from faq.forms import AskQuestionForm
from faq.models import IncomingQuestion, LegalReference, Question, Topic
from faq.printing import sheet_answer
from faq.structured_data import faq_page_json_ld
from search.engine import clean_query
from siteconfig.mail import sender, signature
from unionsite.client import client_ip, hashed_ip
from unionsite.links import absolute_url
from unionsite.public_forms import PublicForm, form_page

SESSION_SENT_KEY = "faq_ask_sent"


def legal_references_prefetch():
    """Legal references with their library documents; a document not (yet) published shows as None."""
    # The library's model through the foreign key: the FAQ app does not import the documents app.
    Document = LegalReference._meta.get_field("document").related_model
    documents = Prefetch("document", queryset=Document.objects.published())
    return Prefetch("legal_references", queryset=LegalReference.objects.prefetch_related(documents))


def published_questions_prefetch():
    """Each topic's published questions, in order, with their legal references: two queries."""
    questions = (
        Question.objects.published().order_by("order", "pk").prefetch_related(legal_references_prefetch())
    )
    return Prefetch("questions", queryset=questions, to_attr="published_questions")


# Up to this many published questions the index shows every answer in place (and describes them
# all as a FAQPage); above it, the index lists the questions as links to their pages, whose topic
# pages carry the answers. 500 answers in place made a 1.4 MB page that phones took 8 s to show.
INDEX_INLINE_ANSWERS = 100


def question_titles_prefetch():
    """Each topic's published questions without their answers, for the index at volume."""
    questions = (
        Question.objects.published().order_by("order", "pk").only("topic", "slug", "question", "updated_at")
    )
    return Prefetch("questions", queryset=questions, to_attr="published_questions")


def titles_stamp(questions):
    """What the index's cached list of a topic's links is keyed by: it changes with any of them."""
    latest = max(question.updated_at for question in questions).timestamp()
    return f"{len(questions)}.{latest}.{max(question.pk for question in questions)}"


class FaqIndexView(TemplateView):
    template_name = "faq/index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        inline_answers = Question.objects.published().count() <= INDEX_INLINE_ANSWERS
        prefetch = published_questions_prefetch() if inline_answers else question_titles_prefetch()
        topics = [topic for topic in Topic.objects.prefetch_related(prefetch) if topic.published_questions]
        for topic in topics:
            topic.titles_stamp = titles_stamp(topic.published_questions)
        questions = [question for topic in topics for question in topic.published_questions]
        context.update(
            topics=topics,
            inline_answers=inline_answers,
            json_ld=faq_page_json_ld(self.request, questions) if inline_answers else "",
        )
        return context


class TopicView(DetailView):
    """A topic's questions with their answers; `?print=1` is its print version, answers open."""

    model = Topic
    template_name = "faq/topic.html"
    context_object_name = "topic"

    def get_queryset(self):
        return Topic.objects.prefetch_related(published_questions_prefetch())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["json_ld"] = faq_page_json_ld(self.request, self.object.published_questions)
        context["print_view"] = self.request.GET.get("print") == "1"
        return context


class TopicSheetView(DetailView):
    """A topic for the noticeboard: questions, short answers and a QR code to each answer's page."""

    model = Topic
    template_name = "faq/sheet.html"
    context_object_name = "topic"

    def get_queryset(self):
        return Topic.objects.prefetch_related(published_questions_prefetch())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        topic = self.object
        language = get_language()
        context["entries"] = []
        for question in topic.published_questions:
            text, text_language = sheet_answer(question, language)
            context["entries"].append(
                {
                    "question": question,
                    "short_answer": text,
                    "short_answer_lang": "" if text_language == language else text_language,
                    "url": absolute_url(self.request, question.get_absolute_url()),
                }
            )
        context["topic_url"] = absolute_url(self.request, topic.get_absolute_url())
        return context


@require_safe
def question_detail(request, topic, slug):
    question = get_object_or_404(
        Question.objects.published().select_related("topic").prefetch_related(legal_references_prefetch()),
        topic__slug=topic,
        slug=slug,
    )
    earlier = (
        Question.objects.published()
        .filter(topic=question.topic_id)
        .filter(Q(order__lt=question.order) | Q(order=question.order, pk__lt=question.pk))
        .count()
    )
    context = {
        "question": question,
        "topic": question.topic,
        "number": earlier + 1,
        "json_ld": faq_page_json_ld(request, [question]),
        "print_view": request.GET.get("print") == "1",
    }
    return render(request, "faq/question.html", context)


@require_safe
def search(request):
    """The FAQ is searched by the site search, limited to its section; this address stays for links."""
    query = urlencode({"q": clean_query(request.GET.get("q", "")), "section": "faq"})
    return redirect(f"{reverse('search')}?{query}", permanent=True)


def notify_staff(request, incoming):
    """Email the staff about a new question; a mail failure must not lose the stored question."""
    recipients = settings.STAFF_NOTIFICATION_EMAILS
    if not recipients:
        return
    admin_url = absolute_url(request, reverse("admin:faq_incomingquestion_change", args=[incoming.pk]))
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("New question on the site (%(language)s)") % {"language": incoming.get_language_display()}
        lines = [
            _("A visitor asked a question through the FAQ form."),
            "",
            incoming.text,
            "",
            _("Name: %(name)s") % {"name": incoming.name or "—"},
            _("Contact: %(contact)s") % {"contact": incoming.contact or "—"},
            _("Organisation: %(organisation)s") % {"organisation": incoming.organisation or "—"},
            "",
            _("Open it in the admin: %(url)s") % {"url": admin_url},
        ]
    mail.send(subject, "\n".join(lines) + signature(), recipients, sender())


@require_http_methods(["GET", "HEAD", "POST"])
def ask(request):
    spec = PublicForm(
        form_class=AskQuestionForm,
        template="faq/ask.html",
        rate_group="faq.ask",
        rate=settings.FAQ_ASK_RATE_LIMIT,
        honeypot_message=_(
            "The form was not sent because the hidden field “Leave this field empty” was "
            "filled in. Please check your question and send it again."
        ),
        too_often_message=_(
            "You have sent several questions in a short time, so this one was not sent. Please try "
            "again in an hour; your text is kept below. For urgent questions call the union office."
        ),
    )

    def store(form):
        incoming = form.save(commit=False)
        incoming.language = get_language()
        incoming.ip_hash = hashed_ip(client_ip(request), "faq.IncomingQuestion.ip_hash")
        incoming.save()
        notify_staff(request, incoming)
        request.session[SESSION_SENT_KEY] = incoming.pk
        return redirect("faq:ask_done")

    return form_page(request, spec, store)


@require_safe
def ask_done(request):
    sent = None
    pk = request.session.pop(SESSION_SENT_KEY, None)
    if isinstance(pk, int):
        sent = IncomingQuestion.objects.filter(pk=pk).only("text").first()
    return render(request, "faq/ask_done.html", {"sent": sent})
