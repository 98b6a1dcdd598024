"""The "Join the union" and "Write to us" pages and their confirmations (post/redirect/get).

Protected as the FAQ's ask form is: CSRF, a honeypot, a rate limit per client address, length
limits; a refused form comes back with 400 (429 over the limit) and everything the visitor typed.
The pages are never cached (never_cache): each carries its own CSRF token and personal data.
"""

from django.conf import settings
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from inbox.forms import JoinForm, WriteForm
from inbox.models import Submission
from inbox.services import receive
from unionsite.client import client_ip
from unionsite.public_forms import PublicForm, form_page

SESSION_SENT_KEY = "inbox_sent"
# Submissions per client address (django-ratelimit syntax); both forms count together.
FORMS = {Submission.Kind.JOIN: JoinForm, Submission.Kind.WRITE: WriteForm}
TEMPLATES = {Submission.Kind.JOIN: "inbox/join.html", Submission.Kind.WRITE: "inbox/write.html"}
DONE_URLS = {Submission.Kind.JOIN: "inbox:join_done", Submission.Kind.WRITE: "inbox:write_done"}


def _form_page(request, kind):
    spec = PublicForm(
        form_class=FORMS[kind],
        template=TEMPLATES[kind],
        rate_group="inbox.send",
        rate=settings.INBOX_RATE_LIMIT,
        honeypot_message=_(
            "The form was not sent because the hidden field “Leave this field empty” was "
            "filled in. Please check what you typed and send it again."
        ),
        too_often_message=_(
            "You have sent several forms in a short time, so this one was not sent. Please try again "
            "in an hour; what you typed is kept below. For urgent matters call the union office."
        ),
    )

    def store(form):
        submission = receive(form, request=request, language=get_language(), ip=client_ip(request))
        request.session[SESSION_SENT_KEY] = submission.kind
        return redirect(DONE_URLS[kind])

    return form_page(request, spec, store, {"retention_days": settings.INBOX_RETENTION_DAYS})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def join(request):
    return _form_page(request, Submission.Kind.JOIN)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def write(request):
    return _form_page(request, Submission.Kind.WRITE)


def _done_page(request, kind):
    # Said once, right after sending; a later visit still explains what happens next.
    sent = request.session.pop(SESSION_SENT_KEY, None) == kind
    template = "inbox/join_done.html" if kind == Submission.Kind.JOIN else "inbox/write_done.html"
    return render(request, template, {"sent": sent, "retention_days": settings.INBOX_RETENTION_DAYS})


@never_cache
@require_safe
def join_done(request):
    return _done_page(request, Submission.Kind.JOIN)


@never_cache
@require_safe
def write_done(request):
    return _done_page(request, Submission.Kind.WRITE)
