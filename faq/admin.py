from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.db import transaction
from django.db.models import Max
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline
from reversion.admin import VersionAdmin

from editorial import services
from faq.models import IncomingQuestion, LegalReference, Question, Topic


@admin.register(Topic)
class TopicAdmin(TabbedTranslationAdmin):
    list_display = ("name", "slug", "order", "question_count")
    list_editable = ("order",)
    search_fields = ("name_ky", "name_ru", "description_ky", "description_ru")
    prepopulated_fields = {"slug": ("name",)}
    ordering = ("order", "pk")

    def get_queryset(self, request):
        return super().get_queryset(request).with_question_counts()

    @admin.display(description=_("published questions"), ordering="question_count")
    def question_count(self, obj):
        return obj.question_count


class LegalReferenceInline(TranslationStackedInline):
    model = LegalReference
    extra = 1
    fields = ("act", "article", "official_url", "document", "order")


@admin.register(Question)
class QuestionAdmin(VersionAdmin, TabbedTranslationAdmin):
    # History (django-reversion) of the question, its answer and its legal references.
    list_display = ("question", "topic", "order", "is_published", "answer_checked_on", "updated_at")
    list_display_links = ("question",)
    list_editable = ("order", "is_published")
    list_filter = ("topic", "is_published")
    list_select_related = ("topic",)
    search_fields = ("question_ky", "question_ru", "answer_ky", "answer_ru")
    ordering = ("topic__order", "topic", "order", "pk")
    prepopulated_fields = {"slug": ("question",)}
    date_hierarchy = "answer_checked_on"
    inlines = [LegalReferenceInline]
    fieldsets = (
        (None, {"fields": ("topic", "question", "slug", "answer", "short_answer")}),
        (_("Publication"), {"fields": ("order", "is_published", "answer_checked_on")}),
    )

    @property
    def media(self):
        # The short answer's limit, counted as staff type.
        return super().media + forms.Media(css={"all": ["css/admin.css"]}, js=["js/admin_char_counter.js"])

    def save_model(self, request, obj, form, change):
        # The change form and the list's "published" boxes: a change of the tick is recorded
        # (editorial/services.py), and a question without an answer is not published.
        services.save_edited(obj, request.user, created=not change)


class IncomingQuestionActionForm(ActionForm):
    topic = forms.ModelChoiceField(
        Topic.objects.all(),
        required=False,
        label=_("Topic for a new FAQ entry:"),
        empty_label=_("first topic"),
    )


@admin.register(IncomingQuestion)
class IncomingQuestionAdmin(admin.ModelAdmin):
    list_display = ("__str__", "created_at", "status", "language", "organisation", "faq_question")
    list_filter = ("status", "language", "created_at")
    list_select_related = ("organisation", "faq_question")
    search_fields = ("text", "name", "contact", "staff_notes")
    date_hierarchy = "created_at"
    readonly_fields = ("text", "name", "contact", "organisation", "language", "created_at", "ip_hash")
    fields = (
        "text",
        "name",
        "contact",
        "organisation",
        "language",
        "created_at",
        "status",
        "staff_notes",
        "faq_question",
        "ip_hash",
    )
    raw_id_fields = ("faq_question",)
    action_form = IncomingQuestionActionForm
    actions = ["mark_answered", "mark_rejected", "create_faq_entry"]

    def has_add_permission(self, request):
        # Questions come from visitors through the form only.
        return False

    @admin.action(description=_("Mark as answered"), permissions=["change"])
    def mark_answered(self, request, queryset):
        count = queryset.update(status=IncomingQuestion.Status.ANSWERED)
        message = ngettext(
            "%(count)d question marked as answered.", "%(count)d questions marked as answered.", count
        )
        self.message_user(request, message % {"count": count}, messages.SUCCESS)

    @admin.action(description=_("Mark as rejected"), permissions=["change"])
    def mark_rejected(self, request, queryset):
        count = queryset.update(status=IncomingQuestion.Status.REJECTED)
        message = ngettext(
            "%(count)d question marked as rejected.", "%(count)d questions marked as rejected.", count
        )
        self.message_user(request, message % {"count": count}, messages.SUCCESS)

    @admin.action(description=_("Create a draft FAQ entry from this question"), permissions=["change"])
    def create_faq_entry(self, request, queryset):
        if not request.user.has_perm("faq.add_question"):
            self.message_user(request, _("You may not add FAQ entries."), messages.ERROR)
            return None
        # The topic comes from the extra select next to the action (IncomingQuestionActionForm).
        topic_id = request.POST.get("topic", "")
        topic = Topic.objects.filter(pk=topic_id).first() if topic_id.isdigit() else None
        topic = topic or Topic.objects.first()
        if topic is None:
            self.message_user(request, _("Create a topic first, then try again."), messages.ERROR)
            return None
        created = []
        with transaction.atomic():
            for incoming in queryset.select_for_update(of=("self",)):
                if incoming.faq_question_id:
                    self.message_user(
                        request,
                        _("“%(question)s” already has an FAQ entry.") % {"question": incoming},
                        messages.WARNING,
                    )
                    continue
                created.append(self._create_draft(incoming, topic, request.user))
        if len(created) == 1:
            self.message_user(
                request,
                _("A draft FAQ entry was created. Write the answer, check the texts and publish it."),
                messages.SUCCESS,
            )
            return HttpResponseRedirect(reverse("admin:faq_question_change", args=[created[0].pk]))
        if created:
            message = ngettext(
                "%(count)d draft FAQ entry was created.",
                "%(count)d draft FAQ entries were created.",
                len(created),
            )
            self.message_user(request, message % {"count": len(created)}, messages.SUCCESS)
        return None

    @staticmethod
    def _create_draft(incoming, topic, user):
        text = " ".join(incoming.text.split())
        limit = Question._meta.get_field("question").max_length
        if len(text) > limit:
            text = f"{text[: limit - 1]}…"
        slug = base = f"question-{incoming.pk}"
        taken = set(
            Question.objects.filter(topic=topic, slug__startswith=base).values_list("slug", flat=True)
        )
        suffix = 2
        while slug in taken:
            slug = f"{base}-{suffix}"
            suffix += 1
        last = Question.objects.filter(topic=topic).aggregate(last=Max("order"))["last"]
        question = Question(topic=topic, slug=slug, order=(last or 0) + 1)  # not published
        setattr(question, f"question_{incoming.language}", text)
        services.save_edited(question, user)
        incoming.faq_question = question
        incoming.save(update_fields=["faq_question"])
        return question
