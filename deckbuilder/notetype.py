"""The deck's own cloze note type: fixed id, fixed fields, card templates and CSS.

Students' collections know the note type by ``MODEL_ID`` and its fields by position, so both are
constants: renaming, reordering or removing a field would make Anki treat a new release as a
different note type and duplicate every note. Add new fields only at the end, if ever.

The card HTML and CSS live in ``deckbuilder/templates/`` so that they can be edited and
previewed as ordinary files. This module does not import genanki; ``package.py`` turns the
``NoteType`` value into a genanki model.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

# Constant forever: students' collections know the note type by this id. Never change it.
MODEL_ID = 1_734_905_518_501
MODEL_NAME = "deckbuilder cloze"

FIELD_TEXT = "Text"
FIELD_EXTRA = "Extra"
FIELD_SOURCE = "Source"
FIELD_CASE = "Case"
FIELD_FIGURE = "Figure"

# Order is part of the note type's identity: never reorder, only append.
FIELD_NAMES: tuple[str, ...] = (FIELD_TEXT, FIELD_EXTRA, FIELD_SOURCE, FIELD_CASE, FIELD_FIGURE)
TEXT, EXTRA, SOURCE, CASE, FIGURE = range(len(FIELD_NAMES))

TEMPLATE_NAME = "Cloze"


@dataclass(frozen=True)
class NoteType:
    """Everything Anki needs to know about the note type, as plain data."""

    model_id: int
    name: str
    field_names: tuple[str, ...]
    template_name: str
    front_html: str
    back_html: str
    css: str

    def content_hash(self) -> str:
        """A hash of everything that students would see change; the lock keys its mod time on it."""
        payload = json.dumps(
            [
                self.model_id,
                self.name,
                list(self.field_names),
                self.template_name,
                self.front_html,
                self.back_html,
                self.css,
            ],
            ensure_ascii=False,
        )
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _template(name: str) -> str:
    return resources.files("deckbuilder").joinpath("templates", name).read_text("utf-8")


@cache
def cloze_note_type() -> NoteType:
    """Returns the deck's cloze note type, read from the shipped templates."""
    return NoteType(
        model_id=MODEL_ID,
        name=MODEL_NAME,
        field_names=FIELD_NAMES,
        template_name=TEMPLATE_NAME,
        front_html=_template("front.html"),
        back_html=_template("back.html"),
        css=_template("card.css"),
    )
