"""What the methodology and downloads pages state, read in a fixed number of queries whatever the catalog's size."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, Max, Min, Q

from careers.models import ContentVersion
from roles.models import Level, Role
from salaries.models import EmployerType, Location, SalaryBand

from .documents import catalog_chunks
from .pay_rows import pay_csv_chunks
from .schemas import FORMAT_VERSION

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Methodology:
    """The figures behind the methodology page: what is published and how old its pay figures are."""

    roles: int
    families: int
    levels: int
    bands: int
    locations: int
    cities: int
    employer_types: int
    oldest: dt.date | None
    newest: dt.date | None


def read_methodology() -> Methodology:
    """Five queries: published roles, their bands, locations, employer types, levels."""
    roles = Role.objects.published().aggregate(roles=Count("pk"), families=Count("family", distinct=True))
    bands = SalaryBand.objects.published().aggregate(bands=Count("pk"), oldest=Min("as_of"), newest=Max("as_of"))
    places = Location.objects.aggregate(locations=Count("pk"), cities=Count("pk", filter=Q(kind="city")))
    return Methodology(
        roles=roles["roles"],
        families=roles["families"],
        levels=Level.objects.count(),
        bands=bands["bands"],
        locations=places["locations"],
        cities=places["cities"],
        employer_types=EmployerType.objects.count(),
        oldest=bands["oldest"],
        newest=bands["newest"],
    )


@dataclass(frozen=True)
class DownloadSizes:
    """The two large downloads' sizes in bytes, for the content version they were measured at."""

    catalog: int
    pay_csv: int


def read_download_sizes() -> DownloadSizes:
    """The sizes, measured once per content version by generating the downloads (kept in the cache).

    Generating them is the only way to know their exact size; it reads the whole catalog in chunks (at 10,000 roles,
    the cost is in bench/README.md), so it is done once after each content change and every other request reads the
    cache: one query (the content version) then.
    """
    version, _ = ContentVersion.current()
    key = f"opendata:sizes:{FORMAT_VERSION}:{version}"
    try:
        sizes = cache.get(key)
    except Exception:  # a cache that is down means measuring again, not an error
        log.warning("cache unavailable for reading download sizes", exc_info=True)
        sizes = None
    if sizes is None:
        sizes = DownloadSizes(
            catalog=sum(len(piece) for piece in catalog_chunks()),
            pay_csv=sum(len(piece) for piece in pay_csv_chunks()),
        )
        try:
            cache.set(key, sizes, timeout=None)
        except Exception:
            log.warning("cache unavailable for writing download sizes", exc_info=True)
    return sizes


def first_role() -> str | None:
    """The first published role's slug (by slug), to show a role's download by example."""
    return Role.objects.published().order_by("slug").values_list("slug", flat=True).first()
