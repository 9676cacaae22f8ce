"""Drawing a card with Pillow: 1200×630, the site's colours, text fitted to its box (careers.cards.text).

Every piece of text is placed inside a box of the layout and measured with the font that draws it, so no title,
however long, leaves the card; ``Drawing.boxes`` keeps where each piece landed, for the tests to check.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageDraw

from careers.cards import narrative
from careers.cards.cards import HEIGHT, WIDTH, RoleCard, SiteCard
from careers.cards.text import BOLD, REGULAR, Fitted, fit

# The site's palette (static/css/site.css): brand ink as the ground, brand wash for the ladder.
GROUND = "#083f3b"
WASH = "#e3f2f0"
BRAND = "#0b5c56"
INK = "#1c2430"
WHITE = "#ffffff"
SOFT = "#a9d8d2"
PAY = "#9be3b4"

MARGIN = 60
GAP = 16
PADDING = 16
# The ladder's steps rise from the bottom edge, one per level: a role's hold text, the site's are a picture.
STEP_BOTTOM = HEIGHT - 40
ROLE_STEPS = (170, 260)
SITE_STEPS = (60, 150)

Box = tuple[float, float, float, float]  # left, top, right, bottom, as Pillow measures text
Step = tuple[int, int, int, int]  # left, top, right, bottom of a step of the ladder


@dataclass(frozen=True)
class Placed:
    """A line of text as drawn: its box as Pillow measured it, and the area of the layout it must stay in."""

    text: str
    box: Box
    area: Step

    @property
    def fits(self) -> bool:
        left, top, right, bottom = self.box
        return self.area[0] <= left and self.area[1] <= top and right <= self.area[2] and bottom <= self.area[3]


@dataclass
class Drawing:
    """A card being drawn: the image, and every line of text drawn on it."""

    image: Image.Image = field(default_factory=lambda: Image.new("RGB", (WIDTH, HEIGHT), GROUND))
    placed: list[Placed] = field(default_factory=list)

    @property
    def pen(self) -> ImageDraw.ImageDraw:
        return ImageDraw.Draw(self.image)

    def text(self, fitted: Fitted, left: int, top: int, colour: str, area: Step) -> int:
        """Draw the fitted lines from (left, top), meant to stay within ``area``; the y just under them."""
        pen = self.pen
        for index, line in enumerate(fitted.lines):
            y = top + index * fitted.line_height
            pen.text((left, y), line, font=fitted.font, fill=colour)
            self.placed.append(Placed(line, pen.textbbox((left, y), line, font=fitted.font), area))
        return top + fitted.height

    def png(self) -> bytes:
        out = io.BytesIO()
        self.image.save(out, format="PNG", optimize=True)
        return out.getvalue()


def _line(text: str, path: Path, sizes: tuple[int, ...], width: int, lines: int = 1) -> Fitted:
    return fit(text, path, sizes, width, lines)


def _steps(drawing: Drawing, count: int, heights: tuple[int, int]) -> list[Step]:
    """``count`` steps across the bottom, rising from the first height to the second."""
    width = (WIDTH - 2 * MARGIN - (count - 1) * GAP) // count
    low, high = heights
    boxes: list[Step] = []
    for index in range(count):
        left = MARGIN + index * (width + GAP)
        height = low + (high - low) * index // max(count - 1, 1)
        box = (left, STEP_BOTTOM - height, left + width, STEP_BOTTOM)
        drawing.pen.rounded_rectangle(box, radius=12, fill=WASH)
        boxes.append(box)
    return boxes


def draw_role(card: RoleCard) -> Drawing:
    drawing = Drawing()
    inner = WIDTH - 2 * MARGIN
    # Title and pay stay above the tallest step, whatever the sizes they fit at (a glyph such as "J" may reach a
    # pixel or two into the margin: the area allows for it).
    header = (MARGIN - PADDING, 0, WIDTH - MARGIN + PADDING, STEP_BOTTOM - ROLE_STEPS[1])
    kicker = _line(card.site_name + " · " + narrative.ROLE_KICKER, BOLD, (28,), inner)
    y = drawing.text(kicker, MARGIN, 44, SOFT, header)
    title = fit(card.title, BOLD, (64, 60, 56, 52, 48, 44, 40), inner, 2)
    y = drawing.text(title, MARGIN, y + 22, WHITE, header)
    if pay := narrative.pay_line(card):
        drawing.text(_line(pay, BOLD, (36, 32, 28), inner), MARGIN, y + 14, PAY, header)
    for step, rung in zip(_steps(drawing, len(card.rungs), ROLE_STEPS), card.rungs, strict=True):
        left, top, right, bottom = step
        width = right - left - 2 * PADDING
        below = drawing.text(fit(rung.name, BOLD, (22, 20), width, 2), left + PADDING, top + PADDING, BRAND, step)
        drawing.text(fit(rung.title, REGULAR, (22, 20), width, 3), left + PADDING, below + 6, INK, step)
    return drawing


def draw_site(card: SiteCard) -> Drawing:
    drawing = Drawing()
    inner = WIDTH - 2 * MARGIN
    header = (MARGIN - PADDING, 0, WIDTH - MARGIN + PADDING, STEP_BOTTOM - SITE_STEPS[1])
    y = drawing.text(fit(card.site_name, BOLD, (84, 72, 60, 48), inner, 1), MARGIN, 70, WHITE, header)
    y = drawing.text(fit(narrative.TAGLINE, REGULAR, (38, 34, 30), inner, 2), MARGIN, y + 20, WASH, header)
    drawing.text(_line(narrative.counts_line(card), BOLD, (40, 36, 32), inner), MARGIN, y + 24, PAY, header)
    _steps(drawing, 4, SITE_STEPS)
    return drawing


def role_png(card: RoleCard) -> bytes:
    return draw_role(card).png()


def site_png(card: SiteCard) -> bytes:
    return draw_site(card).png()
