from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max, OuterRef, Subquery
from django.http import HttpResponseRedirect
from django.template.defaultfilters import linebreaksbr
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline
from reversion.admin import VersionAdmin

from editorial import services
from faq.forms import CallBackForm, ReplyForm
from faq.models import IncomingQuestion, LegalReference, Question, Reply, Topic
from faq.services import record_call, reply_by_email
from unionsite.links import site_origin


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


def _when(moment):
    return formats.date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")


@admin.register(IncomingQuestion)
class IncomingQuestionAdmin(admin.ModelAdmin):
    list_display = (
        "__str__",
        "created_at",
        "status",
        "answered_at",
        "language",
        "organisation",
        "faq_question",
    )
    list_filter = ("status", "language", "created_at")
    list_select_related = ("organisation", "faq_question")
    search_fields = ("text", "name", "contact", "staff_notes")
    date_hierarchy = "created_at"
    readonly_fields = (
        "text",
        "name",
        "contact",
        "organisation",
        "language",
        "created_at",
        "ip_hash",
        "reply_history",
    )
    fields = (
        "text",
        "name",
        "contact",
        "organisation",
        "language",
        "created_at",
        "status",
        "reply_history",
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

    def get_queryset(self, request):
        # When the member was last replied to (a mail that was sent, or a call): a subquery, not
        # a join with GROUP BY, so that the actions' SELECT ... FOR UPDATE still works.
        last_reply = (
            Reply.objects.filter(incoming_question=OuterRef("pk"), send_failure="")
            .order_by("-replied_at", "-pk")
            .values("replied_at")[:1]
        )
        return super().get_queryset(request).annotate(answered_at=Subquery(last_reply))

    @admin.display(description=_("replied"), ordering="answered_at")
    def answered_at(self, obj):
        return _when(obj.answered_at) if obj.answered_at else "—"

    @admin.display(description=_("replies"))
    def reply_history(self, obj):
        replies = list(obj.replies.select_related("replied_by")) if obj.pk else []
        if not replies:
            return gettext("No reply yet.")
        rows = []
        for reply in replies:
            user = reply.replied_by
            who = (user.get_full_name() or user.get_username()) if user else "—"
            if reply.channel == Reply.Channel.PHONE:
                result = gettext("called back")
            elif reply.delivered:
                result = gettext("sent")
            else:
                result = gettext("not sent: %(reason)s") % {"reason": reply.send_failure}
            rows.append(
                (
                    _when(reply.replied_at),
                    who,
                    reply.get_channel_display(),
                    result,
                    linebreaksbr(reply.text or "—"),
                )
            )
        head = format_html(
            "<tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
            gettext("When"),
            gettext("Who"),
            gettext("Channel"),
            gettext("Result"),
            gettext("Text"),
        )
        body = format_html_join(
            "",
            '<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class="reply-text">{}</td></tr>',
            rows,
        )
        return format_html(
            '<table class="reply-history"><thead>{}</thead><tbody>{}</tbody></table>', head, body
        )

    def get_urls(self):
        reply = path(
            "<path:object_id>/reply/",
            self.admin_site.admin_view(self.reply_view),
            name=f"{self.opts.app_label}_{self.opts.model_name}_reply",
        )
        return [reply, *super().get_urls()]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = dict(extra_context or {})
        extra_context["reply_url"] = reverse(
            f"{self.admin_site.name}:faq_incomingquestion_reply", args=[object_id]
        )
        return super().change_view(request, object_id, form_url, extra_context)

    def reply_view(self, request, object_id):
        """Reply to the member: a mail in their language to an email contact, or the record of
        a call back to a phone; either way a Reply is kept and the question is answered."""
        incoming = self.get_object(request, unquote(object_id))
        if incoming is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_change_permission(request, incoming):
            raise PermissionDenied
        change_url = reverse(f"{self.admin_site.name}:faq_incomingquestion_change", args=[incoming.pk])
        channel = incoming.reply_channel
        if channel is None:
            self.message_user(
                request,
                _("The member left no phone or email, so there is nobody to reply to."),
                messages.WARNING,
            )
            return HttpResponseRedirect(change_url)
        form_class = ReplyForm if channel == Reply.Channel.EMAIL else CallBackForm
        form = form_class(request.POST if request.method == "POST" else None)
        if form.is_valid():
            if channel == Reply.Channel.EMAIL:
                self._send_reply(request, incoming, form)
            else:
                record_call(incoming, note=form.cleaned_data["note"], user=request.user)
                self.message_user(
                    request, _("The call back is recorded; the question is answered."), messages.SUCCESS
                )
            return HttpResponseRedirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Reply to the member"),
            "subtitle": str(incoming),
            "opts": self.opts,
            "original": incoming,
            "form": form,
            "channel": channel,
            "change_url": change_url,
            "media": self.media + form.media,
        }
        return TemplateResponse(request, "admin/faq/incomingquestion/reply.html", context)

    def _send_reply(self, request, incoming, form):
        reply = reply_by_email(
            incoming,
            text=form.cleaned_data["text"],
            faq_questions=form.cleaned_data["faq_questions"],
            user=request.user,
            origin=site_origin(request),
        )
        if reply.delivered:
            self.message_user(
                request,
                _("The reply was sent to %(address)s; the question is answered.")
                % {"address": incoming.reply_email},
                messages.SUCCESS,
            )
        else:
            self.message_user(
                request,
                _(
                    "The reply could not be sent to %(address)s (%(reason)s). It is kept below with "
                    "the reason and the question keeps its status: try again later, or call the member."
                )
                % {"address": incoming.reply_email, "reason": reply.send_failure},
                messages.ERROR,
            )

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
