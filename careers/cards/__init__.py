"""Social cards: a 1200×630 PNG for each published role and one for the site, drawn from the data with Pillow
(``draw.py``), at an address that carries a digest of what is drawn (``cards.py``), served by ``views.py``."""
