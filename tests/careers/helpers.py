"""What the discovery pages' tests share: the small catalog built for search (its reference data)."""

from __future__ import annotations

from tests.factories import reference


def zoo_reference() -> dict:
    """The factories' reference data with one more skill, Zebra Care, for the "zebra" search catalog."""
    ref = reference()
    ref["skills"]["skills"].append(
        {"slug": "zebra-care", "name": "Zebra Care", "kind": "practice", "description": "Zebras."}
    )
    return ref
