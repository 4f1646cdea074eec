"""Inline Markdown and raw HTML → plain text, and plain text → safe card HTML.

Facts are cut from plain text so that cloze offsets never land inside markup. Raw HTML in a note
goes through nh3 (the Rust ``ammonia`` sanitiser) with no tags allowed, so neither ``<script>`` nor
an event handler nor a ``javascript:`` URL can survive into any field of a card.
"""

from __future__ import annotations

import html
import re

import nh3

_IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^)]*)\)")
_CODE = re.compile(r"`([^`]+)`")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
# Single-asterisk emphasis is left alone on purpose: "T2*" and "GRE/T2*" are sequence names.
_UNDERSCORE_EMPHASIS = re.compile(r"(?<![\w])_(?=\S)(.+?)(?<=\S)_(?![\w])")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_SPACES = re.compile(r"\s+")


def strip_html(text: str) -> str:
    """Removes every HTML tag (and the content of script/style) and decodes entities."""
    return html.unescape(nh3.clean(text, tags=set(), attributes={}))


def to_plain_text(markdown: str) -> str:
    """Inline Markdown of one block → one line of plain text."""
    text = _HTML_COMMENT.sub(" ", markdown)
    text = _IMAGE.sub(" ", text)
    text = _LINK.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    text = _STRONG.sub(r"\2", text)
    text = _UNDERSCORE_EMPHASIS.sub(r"\1", text)
    if "<" in text or "&" in text:
        text = strip_html(text)
    return _SPACES.sub(" ", text).strip()


def escape(text: str) -> str:
    """Plain text → HTML text, safe in any field."""
    return html.escape(text, quote=True)


def clean_html(fragment: str) -> str:
    """A trusted-structure HTML fragment → the same fragment with anything unsafe removed."""
    return nh3.clean(fragment, url_schemes={"http", "https"})


def find_images(markdown: str) -> list[tuple[str, str]]:
    """``![label](path)`` pairs in a block of Markdown."""
    return [(m.group(1).strip(), m.group(2).strip()) for m in _IMAGE.finditer(markdown)]
