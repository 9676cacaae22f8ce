"""The part of a card's address that names its picture."""

from careers.cards.cards import DIGEST_LENGTH


class DigestConverter:
    """A card's digest: lowercase hexadecimal of a fixed length; anything else is no card (404 before any query)."""

    regex = f"[0-9a-f]{{{DIGEST_LENGTH}}}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value
