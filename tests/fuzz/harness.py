"""Drive a real admin form with Hypothesis, save what it accepts, and read every public output.

A test class per admin form subclasses `AdminFormFuzz`: it names the admin page, creates what
the form needs to choose from once (setUpTestData), may replace the strategy of some fields, and
lists the public outputs that can show what was saved (`outputs`). Each example:

1. opens the form as the logged-in user (GET), reads its fields and those of its inlines from
   the response's context, and draws a value for each (tests/fuzz/strategies.py);
2. posts it: a 5xx from the admin fails the example;
3. if the admin accepted it (a redirect), publishes the item when it has the review workflow,
   then requests the outputs as an anonymous visitor: no 5xx; RSS, Atom and sitemaps parse as
   XML; iCalendar parses with `icalendar` and has no raw control character in a content line;
   share links keep their networks' hosts, canonical links the site's; a link typed into a
   site-internal field stays on the site, as a browser (WHATWG, ada-url) reads it;
4. checks the e-mails sent meanwhile (headers without CR/LF, the message renders) and that no
   error was logged (the workflow and the forms swallow a failing mail after logging it).

The failures are AssertionError subclasses named after what broke, so that Hypothesis reports
distinct defects separately and shrinks each to its own minimal form.
"""

import contextlib
import datetime
import logging
import os
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser
from urllib.parse import quote

import ada_url
import icalendar
from django import forms
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import caches
from django.test import Client
from hypothesis import event, note
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from tests.fuzz import strategies as fuzz

HOST = "testserver"
# FUZZ_VERBOSE=1 prints what each example's form was refused for, and what was accepted.
VERBOSE = bool(os.environ.get("FUZZ_VERBOSE"))
SHARE_HOSTS = {"share-telegram": "t.me", "share-whatsapp": "wa.me", "share-facebook": "www.facebook.com"}
ICAL_CONTROL = {chr(code) for code in range(0x20)} - {"\t"} | {"\x7f"}


class FuzzFailure(AssertionError):
    """Something a fuzzed form made the site do wrong."""


class AdminServerError(FuzzFailure):
    pass


class PublicServerError(FuzzFailure):
    pass


class BrokenXML(FuzzFailure):
    pass


class BrokenICalendar(FuzzFailure):
    pass


class LinkLeavesSite(FuzzFailure):
    pass


class BrokenMail(FuzzFailure):
    pass


class LoggedError(FuzzFailure):
    pass


class NoAddress(FuzzFailure):
    """The saved item's own address (get_absolute_url, a feed's) cannot even be built."""


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.records = []

    def emit(self, record):
        self.records.append(record)


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags(content):
    parser = _Tags()
    parser.feed(content)
    return parser.tags


def host_of(href, base):
    try:
        return ada_url.URL(href, base=base).host
    except ValueError:
        return None  # not a URL a browser would follow


def meant_internal(value):
    """Is `value` a link staff meant within the site: anything but an http(s) address?

    Spaces, tabs and line breaks are dropped first, as a browser's URL parser drops them.
    """
    squeezed = "".join(char for char in value if char not in "\t\n\r").strip("".join(map(chr, range(0x21))))
    return bool(squeezed) and not squeezed.lower().startswith(("http:", "https:"))


def choices_of(field):
    values = []
    for value, label in field.choices:
        if isinstance(label, (list, tuple)):
            values.extend(str(inner) for inner, _label in label)
        else:
            values.append(str(value))
    return values


# --- the form's fields ----------------------------------------------------------------------------


def strategy_for(name, field, bound_value, overrides, hostile=True):
    """A strategy for one form field: a string, None (left out), or {input name: string}.

    An ordinary value unless `hostile`: each example makes a few fields hostile and fills the
    others as staff would, so that most forms pass validation and what they save gets published.
    """
    if name in overrides:
        return overrides[name]
    if isinstance(field, forms.FileField) or name == "upload_photos":
        return st.none()  # no uploads: the image checks have their own tests
    if isinstance(field.widget, forms.HiddenInput):
        return st.just("" if bound_value is None else str(bound_value))
    if isinstance(field, forms.ModelMultipleChoiceField):
        values = choices_of(field)
        return st.lists(st.sampled_from(values), max_size=3, unique=True) if values else st.just([])
    if isinstance(field, forms.ChoiceField):
        # From the offered choices, as a browser posts them (the empty one only where nothing else).
        values = [value for value in choices_of(field) if value] or [""]
        return st.sampled_from(values)
    if isinstance(field, forms.BooleanField):
        return st.sampled_from([None, "on"])
    if isinstance(field, forms.SplitDateTimeField):
        if not hostile:
            day = fuzz.later_dates() if name in ("end", "ends_at") else fuzz.near_dates()
            return st.fixed_dictionaries({f"{name}_0": day, f"{name}_1": st.just("10:00")})
        return st.fixed_dictionaries({f"{name}_0": fuzz.dates(), f"{name}_1": fuzz.times()})
    ordinary, odd = _ordinary_and_hostile(field)
    return odd if hostile else ordinary


def _ordinary_and_hostile(field):
    max_length = getattr(field, "max_length", None)
    if isinstance(field, forms.IntegerField):
        return st.integers(0, 100).map(str), fuzz.integers()
    if isinstance(field, forms.DateField):
        return fuzz.near_dates(), fuzz.dates()
    if isinstance(field, forms.URLField):
        return st.sampled_from(["", "https://example.org/page"]), fuzz.urls()
    if isinstance(field, forms.EmailField):
        return st.sampled_from(["", "info@union.test"]), fuzz.emails()
    if isinstance(field, forms.SlugField):
        ordinary = st.from_regex(r"\Afz-[a-z0-9]{1,10}\Z") if field.required else st.just("")
        return ordinary, fuzz.slug()
    if type(field).__name__ == "RichTextFormField":
        return fuzz.ordinary_text().map(lambda value: f"<p>{value}</p>"), fuzz.rich_text()
    if isinstance(field.widget, forms.Textarea):
        return fuzz.ordinary_text(), fuzz.text()
    return fuzz.ordinary_text(max_length), fuzz.text(max_length)


def _fields_strategy(fields, overrides, most_hostile=3):
    """{input name: value} for `fields` ({input name: (field name, field, bound value)}), a few hostile."""
    names = sorted(fields)
    if not names:
        return st.just({})

    def build(hostile):
        return st.fixed_dictionaries(
            {
                key: strategy_for(name, field, value, overrides, hostile=key in hostile)
                for key, (name, field, value) in fields.items()
            }
        ).map(flatten)

    return st.sets(st.sampled_from(names), min_size=1, max_size=most_hostile).flatmap(build)


def flatten(drawn):
    post = {}
    for name, value in drawn.items():
        if isinstance(value, dict):
            post.update({key: item for key, item in value.items() if item is not None})
        elif value is not None:
            post[name] = value
    return post


class FormSpec:
    """The fields of an admin page's form and inlines, as read from its GET response."""

    def __init__(self, response):
        context = response.context
        self.form = context["adminform"].form
        self.inlines = [inline.formset for inline in context.get("inline_admin_formsets", [])]

    def strategy(self, overrides, inline_counts):
        fields = {
            self.form.add_prefix(name): (name, field, self.form[name].value())
            for name, field in self.form.fields.items()
        }
        parts = [_fields_strategy(fields, overrides)]
        for formset in self.inlines:
            parts.append(self._inline_strategy(formset, overrides, inline_counts.get(formset.prefix, 0)))
        return st.tuples(*parts).map(lambda dicts: {k: v for d in dicts for k, v in d.items()})

    @staticmethod
    def _inline_strategy(formset, overrides, most):
        prefix = formset.prefix
        initial = formset.initial_form_count()
        management = {
            f"{prefix}-INITIAL_FORMS": str(initial),
            f"{prefix}-MIN_NUM_FORMS": "0",
            f"{prefix}-MAX_NUM_FORMS": "1000",
        }
        empty = formset.empty_form
        skip = {"id", "DELETE", formset.fk.name if hasattr(formset, "fk") else ""}
        names = [name for name in empty.fields if name not in skip]

        def one_form(index):
            row = {f"{prefix}-{index}-{name}": (name, empty.fields[name], None) for name in names}
            return _fields_strategy(row, {**overrides, **overrides.get(prefix, {})}, most_hostile=2)

        kept = {}
        for form in formset.initial_forms:  # rows already stored are posted as they are
            for name, field in form.fields.items():
                value = form[name].value()
                if isinstance(field, forms.BooleanField):
                    value = "on" if value else None
                elif isinstance(value, (list, tuple)):
                    value = [str(item) for item in value]
                elif value is not None:
                    value = str(value)
                if value is not None:
                    kept[form.add_prefix(name)] = value

        def build(count):
            rows = [st.just(kept), *(one_form(initial + index) for index in range(count))]
            total = {f"{prefix}-TOTAL_FORMS": str(initial + count), **management}
            return st.tuples(st.just(total), *rows).map(lambda ds: {k: v for d in ds for k, v in d.items()})

        return st.integers(0, most).flatmap(build)


# --- the public outputs ---------------------------------------------------------------------------


class PublicSite:
    """An anonymous visitor who checks what every public output made of the saved data."""

    def __init__(self):
        self.client = Client()
        self.seen = []

    def get(self, url):
        self.seen.append(url)
        try:
            response = self.client.get(url)
        except Exception as error:
            raise PublicServerError(f"GET {url!r}: {type(error).__name__}: {str(error)[:300]}") from error
        if response.status_code >= 500:
            raise PublicServerError(f"GET {url!r} answered {response.status_code}")
        return response

    def page(self, url):
        """An HTML page: its share and canonical links keep their hosts."""
        response = self.get(url)
        if response.status_code == 200 and "html" in response.get("Content-Type", ""):
            self._check_page_links(url, response.content.decode())
        return response

    def _check_page_links(self, url, content):
        base = f"http://{HOST}{url}"
        for tag, attrs in tags(content):
            href = attrs.get("href") or ""
            classes = (attrs.get("class") or "").split()
            if tag == "a" and "share-copy" in classes and host_of(href, base) != HOST:
                raise LinkLeavesSite(f"{url}: the copy-link button points to {href!r}")
            for name, host in SHARE_HOSTS.items():
                if tag == "a" and name in classes and host_of(href, base) != host:
                    raise LinkLeavesSite(f"{url}: the {name} link {href!r} does not go to {host}")
            page_link = tag == "link" and attrs.get("rel") in ("canonical", "alternate") and href
            if page_link and attrs.get("type") in (None, "", "text/html") and host_of(href, base) != HOST:
                raise LinkLeavesSite(f"{url}: <link rel={attrs.get('rel')}> points to {href!r}")

    def internal_links(self, url, values):
        """Every link whose address is one of `values` (typed into a site-internal field) stays on
        the site, as a browser reads it; `values` that do not appear are not checked."""
        response = self.get(url)
        if response.status_code != 200:
            return
        base = f"http://{HOST}{url}"
        wanted = {value for value in values if value}
        for tag, attrs in tags(response.content.decode()):
            href = attrs.get("href")
            if tag == "a" and href is not None and href in wanted:
                host = host_of(href, base)
                if host is not None and host != HOST:
                    raise LinkLeavesSite(f"{url}: the site-internal link {href!r} goes to {host!r}")

    def xml(self, url):
        response = self.get(url)
        if response.status_code == 200:
            try:
                ElementTree.fromstring(response.content)  # noqa: S314 - the site's own output
            except ElementTree.ParseError as error:
                raise BrokenXML(f"{url}: {error}") from error
        return response

    def ical(self, url):
        response = self.get(url)
        if response.status_code != 200:
            return response
        body = response.content
        try:
            icalendar.Calendar.from_ical(body)
        except Exception as error:
            raise BrokenICalendar(f"{url}: icalendar refuses it: {type(error).__name__}: {error}") from error
        for number, line in enumerate(body.decode("utf-8").split("\r\n"), 1):
            bad = sorted({char for char in line if char in ICAL_CONTROL})
            if bad:
                raise BrokenICalendar(
                    f"{url}: line {number} holds control characters {bad!r}: {line[:120]!r}"
                )
        return response

    def search(self, language, text, path="search/"):
        words = [word for word in (text or "").split() if len(word) >= 3 and word.isalpha()]
        query = words[0] if words else (text or "x")[:40]
        return self.page(f"/{language}/{path}?q={quote(query, safe='')}")


def check_mails(outbox):
    for message in outbox:
        for name, value in (("Subject", message.subject), ("From", message.from_email)):
            if "\n" in str(value) or "\r" in str(value):
                raise BrokenMail(f"{name} holds a line break: {value!r}")
        for address in [*message.to, *message.cc, *message.bcc]:
            if "\n" in address or "\r" in address:
                raise BrokenMail(f"a recipient holds a line break: {address!r}")
        try:
            rendered = message.message()
            for name, value in rendered.items():
                if "\n" in str(value).replace("\n ", "").replace("\n\t", "") or "\r" in str(value):
                    raise BrokenMail(f"header {name} holds a line break: {value!r}")
            rendered.as_bytes()
        except BrokenMail:
            raise
        except Exception as error:
            raise BrokenMail(
                f"{message.subject!r} cannot be rendered: {type(error).__name__}: {error}"
            ) from error


# --- the test case --------------------------------------------------------------------------------


class AdminFormFuzz(TestCase):
    """One admin form, fuzzed. Subclasses set `url` and write `outputs(obj, site)`."""

    url = ""  # the admin page: /ky/admin/<app>/<model>/add/ or a change page
    inline_counts = {}  # inline prefix → how many rows to fuzz at most (others post none)

    @classmethod
    def setUpTestData(cls):
        cls.superuser = get_user_model().objects.create_superuser(
            "fuzz-admin", "admin@union.test", "x-9-long"
        )

    def setUp(self):
        super().setUp()
        self._specs = {}

    def setup_example(self):
        super().setup_example()  # a new test client and transaction for each example
        self.client.force_login(self.superuser)
        for alias in ("default", "ratelimit"):
            with contextlib.suppress(Exception):  # a cache missing from the settings
                caches[alias].clear()
        self._log = _Collect()
        logging.getLogger().addHandler(self._log)

    def teardown_example(self, example):
        logging.getLogger().removeHandler(self._log)
        super().teardown_example(example)

    # What a subclass adapts.

    def overrides(self):
        """{field name: strategy} replacing the default strategy of some fields."""
        return {}

    def model(self):
        raise NotImplementedError

    def outputs(self, obj, site):
        """Request the public outputs that can show `obj`."""
        raise NotImplementedError

    def publish(self, obj):
        from editorial.models import PublicationStatus, Publishable
        from editorial.services import TransitionNotAllowed, publish

        if isinstance(obj, Publishable) and obj.status != PublicationStatus.PUBLISHED:
            try:
                with self.captureOnCommitCallbacks(execute=True):
                    publish(obj, self.superuser)
            except TransitionNotAllowed:
                pass

    # The loop.

    def client_of(self, user):
        client = self.client_class()
        client.force_login(user)
        return client

    def spec(self, client, url):
        key = (client.session.get("_auth_user_id"), url)
        if key not in self._specs:
            response = client.get(url)
            assert response.status_code == 200, f"GET {url} answered {response.status_code}"
            self._specs[key] = FormSpec(response)
        return self._specs[key]

    def fuzz(self, data, url=None, client=None):
        url = url or self.url
        client = client or self.client
        spec = self.spec(client, url)
        post = data.draw(spec.strategy(self.overrides(), self.inline_counts), label="form")
        started = datetime.datetime.now(datetime.UTC)
        try:
            with self.captureOnCommitCallbacks(execute=True):
                response = client.post(url, post)
        except Exception as error:
            raise AdminServerError(f"POST {url}: {type(error).__name__}: {str(error)[:300]}") from error
        if response.status_code >= 500:
            raise AdminServerError(f"POST {url} answered {response.status_code}")
        if response.status_code != 302:
            errors = response.context["adminform"].form.errors if response.context else {}
            note(f"refused: {dict(errors) if errors else response.status_code}")
            event("refused", ", ".join(sorted(errors)) if errors else str(response.status_code))
            if VERBOSE:
                print(f"refused {url}: {sorted(errors) if errors else response.status_code}")
            self.check_side_effects()
            return None
        obj = self.saved_object(url, started)
        note(f"accepted: {type(obj).__name__} {getattr(obj, 'pk', None)}")
        event("accepted")
        if VERBOSE:
            print(f"accepted {url}: {obj!r}")
        if obj is not None:
            self.publish(obj)
            obj.refresh_from_db()
            site = PublicSite()
            try:
                self.outputs(obj, site)
            except FuzzFailure:
                raise
            except Exception as error:
                raise NoAddress(f"{obj!r}: {type(error).__name__}: {str(error)[:300]}") from error
            note(f"outputs: {len(site.seen)} requests")
        self.check_side_effects()
        return obj

    def saved_object(self, url, started):
        model = self.model()
        if url.rstrip("/").endswith("/add"):
            return model._default_manager.order_by("-pk").first()
        object_id = url.rstrip("/").split("/")[-2]
        return model._default_manager.filter(pk=object_id).first() or model._default_manager.first()

    def check_side_effects(self):
        check_mails(mail.outbox)
        if self._log.records:
            record = self._log.records[0]
            detail = record.exc_info[1] if record.exc_info else ""
            raise LoggedError(f"{record.name}: {record.getMessage()} {type(detail).__name__}: {detail}")


def both_languages(path_of):
    """The address of `path_of(language)` in Kyrgyz and Russian."""
    from django.utils import translation

    urls = []
    for language in ("ky", "ru"):
        with translation.override(language):
            urls.append(path_of(language))
    return urls


def months_between(first, last):
    """(year, month) of the first month, the last and, between them, one in the middle."""
    months = {(first.year, first.month), (last.year, last.month)}
    middle = first + (last - first) / 2 if last > first else first
    months.add((middle.year, middle.month))
    return sorted(months)
