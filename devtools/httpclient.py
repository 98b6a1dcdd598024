"""A small HTTP client for the load and cluster tests: keep-alive, cookies, admin forms, uploads.

Standard library only, so the tests measure the site and not a client library.
"""

import http.client
import re
import socket
import uuid
from html.parser import HTMLParser
from urllib.parse import urlencode


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Answer:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    def header(self, name, default=""):
        return self.headers.get(name.lower(), default)

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")


class Browser:
    """One visitor: one keep-alive connection to host:port, the cookies the site sets."""

    def __init__(self, port, host="127.0.0.1", timeout=30):
        self.port, self.host, self.timeout = port, host, timeout
        self.connection = None
        self.cookies = {}

    def close(self):
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    def request(self, method, path, body=None, headers=None):
        headers = {"Host": self.host, **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        # One retry, on a fresh connection, only for a kept-alive connection the server had closed.
        for attempt in range(2):
            fresh = self.connection is None
            if fresh:
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                data = response.read()
            except (ConnectionError, http.client.HTTPException, OSError) as error:
                self.close()
                if fresh or attempt:
                    raise ConnectionError(f"no answer for {method} {path}: {error}") from error
                continue
            answer = Answer(response.status, {k.lower(): v for k, v in response.getheaders()}, data)
            for cookie in response.headers.get_all("Set-Cookie") or ():
                name, _, rest = cookie.partition("=")
                value = rest.split(";", 1)[0]
                if value in ('""', "") or "Max-Age=0" in cookie:
                    self.cookies.pop(name.strip(), None)
                else:
                    self.cookies[name.strip()] = value
            if response.getheader("Connection", "").lower() == "close":
                self.close()
            return answer
        raise ConnectionError(f"no answer for {method} {path}")

    def get(self, path, headers=None):
        return self.request("GET", path, headers=headers)

    def post(self, path, fields, files=None, referer=None):
        """A form as a browser sends it: urlencoded, or multipart when files are given."""
        headers = {"Referer": referer or f"http://{self.host}:{self.port}{path}"}
        if files:
            body, content_type = multipart(fields, files)
        else:
            body, content_type = urlencode(fields).encode(), "application/x-www-form-urlencoded"
        headers["Content-Type"] = content_type
        return self.request("POST", path, body=body, headers=headers)

    def admin_login(self, username, password, language="ky"):
        path = f"/{language}/admin/login/"
        form = AdminForm(self.get(path).text)
        fields = {**form.fields, "username": username, "password": password, "next": f"/{language}/admin/"}
        answer = self.post(path, fields)
        if answer.status != 302 or "sessionid" not in self.cookies:
            raise RuntimeError(f"admin login failed: {answer.status}")


def multipart(fields, files):
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        values = value if isinstance(value, list) else [value]
        for item in values:
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{item}\r\n'.encode()
            )
    for name, (file_name, data, content_type) in files.items():
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{file_name}"\r\n'
            f"Content-Type: {content_type}\r\n\r\n"
        )
        parts.append(head.encode() + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


class AdminForm(HTMLParser):
    """The values a browser would send from a Django admin page's forms, and each select's options."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.fields, self.options = {}, {}
        self._select = self._textarea = None
        self._selected = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and "__prefix__" not in name:
            kind = attrs.get("type", "text")
            if kind in ("submit", "file", "button", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.fields[name] = attrs.get("value") or ("on" if kind == "checkbox" else "")
        elif tag == "select" and name and "__prefix__" not in name:
            self._select = name
            self.options[name] = []
            self.fields.setdefault(name, "")
        elif tag == "option" and self._select:
            value = attrs.get("value", "")
            self.options[self._select].append(value)
            if "selected" in attrs:
                self.fields[self._select] = value
        elif tag == "textarea" and name and "__prefix__" not in name:
            self._textarea = name
            self.fields[name] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.fields[self._textarea] += data.lstrip("\n") if not self.fields[self._textarea] else data

    def first_option(self, name):
        return next(value for value in self.options[name] if value)


ERRORLIST = re.compile(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', re.DOTALL)


def form_errors(html):
    return [re.sub(r"<[^>]+>", " ", match).strip() for match in ERRORLIST.findall(html)]
