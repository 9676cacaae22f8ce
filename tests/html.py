"""Reading a page the way a test asserts on it: its elements, their attributes, their text and nesting.

Built on the standard library's HTML parser, so a test names the element it means (``element(page, "nav",
class_="breadcrumbs")``) instead of matching markup with a regular expression that breaks on a reordered
attribute or passes on the wrong element. Attribute names are written as keywords: ``class_`` for ``class``,
``for_`` for ``for``, underscores for hyphens (``aria_current``, ``data_level``); a value of ``True`` asks only
that the attribute be there, and ``class_`` asks that the element carry those classes among others.

Text is read as a reader meets it: every tag boundary counts as a space, runs of whitespace collapse, scripts and
styles are not text. A page is a response, its bytes, a string, or an element found earlier (to look inside it).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

# Elements that have no content and no end tag.
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
# Elements whose content a reader never sees as text.
UNSEEN = frozenset({"script", "style", "template"})


@dataclass
class Element:
    """One element: its tag, its attributes (an attribute written without a value holds ""), its children.

    Two elements are equal when their tags, attributes and children (text exactly as written) are."""

    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = field(default_factory=list)

    def __repr__(self) -> str:
        attrs = "".join(f' {name}="{value}"' for name, value in self.attrs.items())
        return f"<{self.tag}{attrs}>"

    def __getitem__(self, name: str) -> str:
        return self.attrs[name]

    def get(self, name: str, default: str | None = None) -> str | None:
        return self.attrs.get(name, default)

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    @property
    def text(self) -> str:
        """The text a reader sees: tags as spaces, whitespace collapsed, no script or style."""
        return " ".join(" ".join(self._text_pieces()).split())

    @property
    def raw_text(self) -> str:
        """The character data directly inside, exactly as written (a script's source, a JSON-LD block)."""
        return "".join(child for child in self.children if isinstance(child, str))

    @property
    def child_elements(self) -> list[Element]:
        return [child for child in self.children if isinstance(child, Element)]

    def iter(self) -> Iterator[Element]:
        """Every element inside this one, in document order."""
        for child in self.child_elements:
            yield child
            yield from child.iter()

    def find_all(self, tag: str | None = None, /, **attrs: str | bool) -> list[Element]:
        """The elements inside this one with this tag (any tag if None) and these attributes, in page order."""
        wanted = _attribute_names(attrs)
        return [el for el in self.iter() if (tag is None or el.tag == tag) and el._has(wanted)]

    def find(self, tag: str | None = None, /, **attrs: str | bool) -> Element:
        """The one element inside this one that matches; fails the test when there is none, or more than one."""
        found = self.find_all(tag, **attrs)
        assert len(found) == 1, f"expected one {_describe(tag, attrs)} in {self!r}, found {len(found)}"
        return found[0]

    def _text_pieces(self) -> Iterator[str]:
        for child in self.children:
            if isinstance(child, str):
                yield child
            elif child.tag not in UNSEEN:
                yield from child._text_pieces()

    def _has(self, wanted: dict[str, str | bool]) -> bool:
        for name, value in wanted.items():
            if name not in self.attrs:
                return False
            if value is True:
                continue
            if name == "class":
                if not set(str(value).split()) <= set(self.classes):
                    return False
            elif self.attrs[name] != value:
                return False
        return True


def _attribute_names(attrs: dict[str, Any]) -> dict[str, Any]:
    return {name.rstrip("_").replace("_", "-"): value for name, value in attrs.items()}


def _describe(tag: str | None, attrs: dict[str, Any]) -> str:
    named = "".join(f' {name}="{value}"' for name, value in _attribute_names(attrs).items())
    return f"<{tag or '*'}{named}>"


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.open = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {})
        for name, value in attrs:
            element.attrs.setdefault(name, value or "")  # a repeated attribute: the first counts, as in a browser
        self.open[-1].children.append(element)
        if tag not in VOID:
            self.open.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # <path ... /> in an inline SVG: an element with nothing inside.
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.open.pop()

    def handle_endtag(self, tag: str) -> None:
        # Close the innermost open element of that name (and whatever was left open inside it); an end tag with
        # nothing to close is ignored.
        for depth in range(len(self.open) - 1, 0, -1):
            if self.open[depth].tag == tag:
                del self.open[depth:]
                return

    def handle_data(self, data: str) -> None:
        children = self.open[-1].children
        if children and isinstance(children[-1], str):
            children[-1] += data
        else:
            children.append(data)


def parse(page: Any) -> Element:
    """The document (or the element given) as a tree of elements."""
    if isinstance(page, Element):
        return page
    if hasattr(page, "content"):  # a response
        page = page.content
    if isinstance(page, bytes):
        page = page.decode()
    builder = _TreeBuilder()
    builder.feed(page)
    builder.close()
    return builder.root


def elements(page: Any, tag: str | None = None, /, **attrs: str | bool) -> list[Element]:
    """Every element of the page with this tag and these attributes, in page order."""
    return parse(page).find_all(tag, **attrs)


def element(page: Any, tag: str | None = None, /, **attrs: str | bool) -> Element:
    """The one element of the page with this tag and these attributes (the test fails on none, or several)."""
    return parse(page).find(tag, **attrs)


def text_of(page: Any, tag: str = "main", /, **attrs: str | bool) -> str:
    """The visible text of one element, <main> unless told, as a reader sees it."""
    return element(page, tag, **attrs).text


def hx(el: Element, name: str) -> str | None:
    """An htmx attribute, written either way htmx reads it (``hx-get`` or ``data-hx-get``)."""
    return el.get(f"hx-{name}", el.get(f"data-hx-{name}"))


def internal_links(page: Any) -> list[str]:
    """Every site-internal <a href> on the page (fragments dropped), each once, in page order."""
    seen: dict[str, None] = {}
    for link in elements(page, "a", href=True):
        path = link["href"].split("#", 1)[0]
        if path.startswith("/") and not path.startswith("//"):
            seen.setdefault(path)
    return list(seen)


def json_ld(page: Any) -> list[Any]:
    """The page's JSON-LD blocks, each read back as JSON."""
    return [json.loads(script.raw_text) for script in elements(page, "script", type="application/ld+json")]


def without(page: Any, *found: Element) -> Element:
    """The page's tree with these elements (found in it earlier) left out: to compare the rest of two pages."""
    root = parse(page)
    leave = {id(el) for el in found}

    def prune(el: Element) -> Element:
        kept = [child if isinstance(child, str) else prune(child) for child in el.children if id(child) not in leave]
        return Element(el.tag, el.attrs, kept)

    return prune(root)
