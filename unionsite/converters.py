"""URL converters the apps share; the root URLconf (unionsite/urls.py) registers them before it
includes the apps' URLs."""


class TwoDigitConverter:
    """A month or a day in an address, always two digits (/2026/03/08/), as an int."""

    regex = "[0-9]{2}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return f"{int(value):02d}"
