"""The flow every form the public sends shares: the FAQ's question, "Join the union", "Write to us".

`form_page` answers GET with an empty form and POST with, in turn:
* a filled honeypot (a bot, or a browser's autofill): nothing stored, 400, the text kept;
* errors: 400 with the form as typed;
* too many posts from the address (`posted_too_often`): 429, the text kept, the notice saying so;
* else `store(form)` is called, which stores, notifies and returns the redirect (post/redirect/get).
"""

from dataclasses import dataclass

from django.shortcuts import render

from unionsite.client import posted_too_often

HONEYPOT_FIELD = "website"


@dataclass(frozen=True)
class PublicForm:
    form_class: type
    template: str
    rate_group: str
    rate: str
    # What the page says when the honeypot was filled and when the address sent too much.
    honeypot_message: str
    too_often_message: str


def form_page(request, spec, store, context=None):
    status = 200
    notice = None
    if request.method != "POST":
        form = spec.form_class()
    else:
        form = spec.form_class(request.POST)
        if form.honeypot_filled:
            data = request.POST.copy()
            data[HONEYPOT_FIELD] = ""
            form = spec.form_class(data)
            form.is_valid()
            form.add_error(None, spec.honeypot_message)
            status = 400
        elif not form.is_valid():
            status = 400
        elif posted_too_often(request, spec.rate_group, spec.rate):
            notice = spec.too_often_message
            status = 429
        else:
            return store(form)
    return render(request, spec.template, {"form": form, "notice": notice, **(context or {})}, status=status)
