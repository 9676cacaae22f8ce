"""Long lists cut into numbered pages (the catalog, a skill's roles), so no page grows with the catalog.

A page number comes from ``?page=``; anything that is not a page (``?page=x``, ``?page=0``, past the end) gets a
normal page, the nearest one, never an error. Each page links every other page by number, so with a page of
``PAGE_SIZE`` roles any role is two clicks from the list's first page; the head names the previous and next pages
(rel=prev/next) and each page is its own canonical address.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Page, Paginator
from django.http import HttpRequest

# Roles per page of a list: about 500 bytes of HTML each, so a page of roles stays well under 150 KB.
PAGE_SIZE = 100


def requested_page(request: HttpRequest) -> int:
    """The page number asked for; 1 when none, not a number or 0 (the paginator keeps the rest in range: past the end
    is the last page)."""
    raw = request.GET.get("page", "")
    return max(int(raw), 1) if raw.isdigit() and len(raw) < 8 else 1


@dataclass(frozen=True)
class PageLinks:
    """A page of a list and the addresses of its neighbours: ``base`` plus its other parameters (``?view=az``)."""

    page: Page
    path: str
    params: tuple[tuple[str, str], ...] = ()

    def url(self, number: int) -> str:
        """The address of page ``number``: the first page has no ``page`` parameter (one address per page)."""
        params = list(self.params) + ([("page", str(number))] if number > 1 else [])
        return f"{self.path}?{urlencode(params)}" if params else self.path

    @property
    def current_url(self) -> str:
        return self.url(self.page.number)

    @property
    def previous_url(self) -> str:
        return self.url(self.page.number - 1) if self.page.has_previous() else ""

    @property
    def next_url(self) -> str:
        return self.url(self.page.number + 1) if self.page.has_next() else ""

    @property
    def numbers(self) -> list[tuple[int, str]]:
        """Every page with its address, for the page list at the foot of each page."""
        return [(number, self.url(number)) for number in self.page.paginator.page_range]

    @property
    def is_split(self) -> bool:
        return self.page.paginator.num_pages > 1


def paginate(items, number: int, *, count: int, path: str, params: tuple[tuple[str, str], ...] = ()) -> PageLinks:
    """Page ``number`` of ``items`` (a queryset: only that page is read); ``count`` is known (no count query)."""
    paginator = Paginator(items, PAGE_SIZE)
    paginator.count = count  # cached_property: the caller counted already, in a query that also says more
    return PageLinks(paginator.get_page(number), path, params)
