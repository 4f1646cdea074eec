"""One slug for every name the project derives from text: tags, fact keys, file names."""

from __future__ import annotations

import re
import unicodedata


def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: ``"Head & Neck"`` -> ``"head-neck"``.

    Accents fold to their letters (``"Fälle"`` -> ``"falle"``); the result may be empty, and
    each caller decides what an empty slug stands for.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
