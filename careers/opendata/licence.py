"""The licence of the content, said once: on the downloads page, the methodology page and inside every download."""

from __future__ import annotations

from django.conf import settings

LICENCE_NAME = "CC BY 4.0"
LICENCE_TITLE = "Creative Commons Attribution 4.0 International"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"


def attribution() -> str:
    """What a reuser credits: the site by name and address."""
    return f"{settings.SITE_NAME} ({settings.SITE_URL}/), editorial estimates"


def licence_data() -> dict[str, str]:
    """The licence as the JSON downloads carry it (``LicenceDoc``)."""
    return {"name": LICENCE_NAME, "url": LICENCE_URL, "attribution": attribution()}
