"""deckbuilder: radiology teaching cases in Markdown, out as an Anki deck of cloze cards."""

__version__ = "0.1.0"
