"""Text that fits a box on a card: wrapped at spaces, the size stepped down to a floor, then shortened at a word
boundary with an ellipsis. Widths are measured with the font that draws them (Pillow), never guessed."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import ImageFont

FONTS = Path(__file__).resolve().parent / "fonts"
REGULAR = FONTS / "DejaVuSans.ttf"
BOLD = FONTS / "DejaVuSans-Bold.ttf"
ELLIPSIS = "…"


@functools.cache
def font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    """A font of ours at one size, loaded once per process."""
    return ImageFont.truetype(str(path), size)


@dataclass(frozen=True)
class Fitted:
    """Lines that fit the width, at the size that made them fit (or the floor, the last line shortened)."""

    font: ImageFont.FreeTypeFont
    lines: list[str]
    shortened: bool

    @property
    def line_height(self) -> int:
        return round(self.font.size * 1.2)

    @property
    def height(self) -> int:
        return self.line_height * len(self.lines)


def width_of(text: str, face: ImageFont.FreeTypeFont) -> float:
    return face.getlength(text)


def _break_word(word: str, face: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """A word wider than the line (a 200-letter name without a space) cut into pieces that fit: the only place
    text is cut inside a word, as nothing else would keep it on the card."""
    pieces, piece = [], ""
    for char in word:
        if piece and width_of(piece + char, face) > width:
            pieces.append(piece)
            piece = char
        else:
            piece += char
    return [*pieces, piece] if piece else pieces


def wrap(text: str, face: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Every word on lines no wider than ``width``, greedily; runs of whitespace are one space."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if width_of(candidate, face) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        if width_of(word, face) <= width:
            line = word
        else:
            *whole, line = _break_word(word, face, width)
            lines.extend(whole)
    return [*lines, line] if line else lines


def with_ellipsis(text: str, face: ImageFont.FreeTypeFont, width: int) -> str:
    """``text`` shortened to fit ``width`` with "…" after the last word that fits (after the last letter that fits
    when not even the first word does)."""
    words = text.split()
    while words:
        # A shortened line ends on a word, not on the punctuation that joined it to the next ("Lead /…").
        candidate = " ".join(words).rstrip(",;:–-—·/&+ ") + ELLIPSIS
        if width_of(candidate, face) <= width:
            return candidate
        if len(words) == 1:
            break
        words.pop()
    letters = words[0] if words else ""
    while letters and width_of(letters + ELLIPSIS, face) > width:
        letters = letters[:-1]
    return letters + ELLIPSIS


def fit(text: str, path: Path, sizes: Sequence[int], width: int, max_lines: int) -> Fitted:
    """``text`` in at most ``max_lines`` lines of ``width``: at the first of ``sizes`` (largest first) where it all
    fits, else at the last size with its last line shortened with an ellipsis."""
    for size in sizes:
        face = font(path, size)
        lines = wrap(text, face, width)
        if len(lines) <= max_lines:
            return Fitted(face, lines, shortened=False)
    kept, rest = lines[: max_lines - 1], " ".join(lines[max_lines - 1 :])
    return Fitted(face, [*kept, with_ellipsis(rest, face, width)], shortened=True)
