"""Read an admin change form the way a browser would submit it, so tests can change one field and post."""

from __future__ import annotations

from html.parser import HTMLParser


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.data: dict[str, list[str]] = {}
        self._select: str | None = None
        self._multiple = False
        self._first: str | None = None
        self._textarea: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text")
            if kind in ("submit", "button", "file", "image"):
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            # A checkbox without a value sends "on"; an empty text input sends "".
            self.data.setdefault(name, []).append(a.get("value", "on" if kind in ("checkbox", "radio") else ""))
        elif tag == "select" and name:
            self._select, self._multiple, self._first = name, "multiple" in a, None
            self.data.setdefault(name, [])
        elif tag == "option" and self._select:
            if self._first is None:
                self._first = a.get("value", "")
            if "selected" in a:
                self.data[self._select].append(a.get("value", ""))
        elif tag == "textarea" and name:
            self._textarea, self._text = name, []

    def handle_endtag(self, tag):
        if tag == "select" and self._select:
            # Nothing chosen: a list box sends nothing, a drop-down its first option.
            if not self.data[self._select]:
                if self._multiple or self._first is None:
                    del self.data[self._select]
                else:
                    self.data[self._select].append(self._first)
            self._select = None
        elif tag == "textarea" and self._textarea:
            self.data.setdefault(self._textarea, []).append("".join(self._text).removeprefix("\n"))
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self._text.append(data)


def form_data(html: str) -> dict[str, list[str]]:
    parser = _FormParser()
    parser.feed(html)
    # Empty template forms of inlines are not submitted by a browser either.
    return {k: v for k, v in parser.data.items() if "__prefix__" not in k}


def index_of(data: dict, prefix: str, field: str, value: str) -> int:
    """The index of the inline form whose field has this value."""
    total = int(data[f"{prefix}-TOTAL_FORMS"][0])
    for i in range(total):
        if data.get(f"{prefix}-{i}-{field}") == [value]:
            return i
    raise LookupError(f"no {prefix} form with {field}={value}")


def pay_input(level: str, location: str, figure: str, employer_type: str = "all") -> str:
    """The name of one input of the pay grid (salaries.pay_grid): ``salary_bands-india-all-senior-median`` for all
    employers, ``salary_bands-india-product-senior-median`` for one employer type.

    Shared by the admin and browser tests, so the grid's naming is written down once."""
    return f"salary_bands-{location}-{employer_type}-{level}-{figure}"


def rarely_input(employer_type: str) -> str:
    """The name of the pay grid's box that says an employer type rarely hires the role."""
    return f"salary_bands-rarely-{employer_type}"
