"""Front matter: the YAML header of a case note → a validated ``CaseMeta``.

Every problem points at the line of the offending key, so a maintainer sees
``content/chest/sarcoid.md:4: error: 'id' may only contain letters, digits, '.', '_' and '-'``.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml

from deckbuilder.model import CaseMeta, Diagnostic, Patient, SourceLocation, error, warning

# An id names files and GUIDs: path characters must never get through, so "../x" is refused here.
CASE_ID_PATTERN = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$")

KNOWN_KEYS = (
    "id",
    "title",
    "published",
    "authors",
    "institution",
    "patient",
    "area",
    "modality",
    "source",
    "license",
    "tags",
    "suppress",
)
PATIENT_KEYS = ("age", "sex")
SEXES = ("female", "male")
TAG_PATTERN = re.compile(r"^[^\s\"]+$")


@dataclass(frozen=True)
class FrontMatterBlock:
    """The raw YAML between the ``---`` fences and the file line its first line sits on."""

    text: str
    first_line: int


def split_front_matter(
    text: str, path: str
) -> tuple[FrontMatterBlock | None, int, list[Diagnostic]]:
    """Finds the front matter fences.

    Returns the block, the 0-based index of the first body line, and diagnostics.
    """
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        message = (
            "no front matter: a case note starts with a '---' line, YAML front matter, then '---'"
        )
        return None, 0, [error(SourceLocation(path, 1), message)]
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return FrontMatterBlock("\n".join(lines[1:index]), 2), index + 1, []
    return None, 0, [error(SourceLocation(path, 1), "front matter is not closed by a '---' line")]


# libyaml's parser when PyYAML was built with it: several times faster, same results.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load(block: FrontMatterBlock) -> tuple[Any, dict[str, int]]:
    """The front matter's data and the file line of each top-level key, from one parse."""
    loader = _YAML_LOADER(block.text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    key_lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        key_lines = {
            str(key.value): block.first_line + key.start_mark.line
            for key, _ in node.value
            if isinstance(key, yaml.ScalarNode)
        }
    return data, key_lines


def parse_front_matter(
    block: FrontMatterBlock, path: str
) -> tuple[CaseMeta | None, list[Diagnostic]]:
    """Loads and validates the front matter; returns None when it cannot make a ``CaseMeta``."""
    top = SourceLocation(path, 1)
    try:
        data, key_lines = _load(block)
    except yaml.YAMLError:
        return None, [_yaml_error(block, path)]
    if not isinstance(data, dict):
        return None, [error(top, "front matter must be a mapping of keys to values")]
    checker = _Checker(path, key_lines, data)
    meta = checker.build()
    return meta, sorted(checker.diagnostics, key=lambda d: d.location.line)


def _yaml_error(block: FrontMatterBlock, path: str) -> Diagnostic:
    """The YAML error as PyYAML's own parser words and places it (libyaml's marks differ)."""
    try:
        yaml.load(block.text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = block.first_line + mark.line if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return error(SourceLocation(path, line), f"invalid YAML in front matter: {problem}")
    return error(SourceLocation(path, block.first_line), "invalid YAML in front matter")


class _Checker:
    """Validates a front matter mapping, collecting every problem rather than stopping at one."""

    def __init__(self, path: str, key_lines: dict[str, int], data: dict[Any, Any]) -> None:
        self.path = path
        self.key_lines = key_lines
        self.data = {str(k): v for k, v in data.items()}
        self.diagnostics: list[Diagnostic] = []

    def at(self, key: str) -> SourceLocation:
        return SourceLocation(self.path, self.key_lines.get(key, 1))

    def fail(self, key: str, message: str) -> None:
        self.diagnostics.append(error(self.at(key), message))

    def build(self) -> CaseMeta | None:
        for key in self.data:
            if key not in KNOWN_KEYS:
                known = ", ".join(KNOWN_KEYS)
                message = f"unknown front matter key '{key}' (known keys: {known})"
                self.diagnostics.append(warning(self.at(key), message))
        case_id = self.case_id()
        title = self.text("title", required=True)
        meta_fields: dict[str, Callable[[], Any]] = {
            "published": lambda: self.date("published"),
            "authors": lambda: self.text_list("authors"),
            "institution": lambda: self.text("institution"),
            "patient": self.patient,
            "areas": lambda: self.text_list("area"),
            "modalities": lambda: self.text_list("modality"),
            "source_url": self.source_url,
            "license": lambda: self.text("license"),
            "tags": self.tags,
            "suppress": lambda: self.text_list("suppress"),
        }
        values = {name: read() for name, read in meta_fields.items()}
        if case_id is None or title is None:
            return None
        return CaseMeta(case_id=case_id, title=title, location=self.at("id"), **values)

    def case_id(self) -> str | None:
        if "id" not in self.data or self.data["id"] is None:
            self.fail("id", "front matter has no 'id' (a stable identifier such as '18177')")
            return None
        value = self.data["id"]
        if isinstance(value, bool) or not isinstance(value, str | int):
            self.fail("id", "'id' must be a string or a number")
            return None
        case_id = str(value).strip()
        if not CASE_ID_PATTERN.match(case_id) or case_id.strip(".") == "":
            self.fail(
                "id",
                f"'id' {case_id!r} may only contain letters, digits, '.', '_' and '-' "
                "and must not start with '.' or '-'",
            )
            return None
        return case_id

    def text(self, key: str, *, required: bool = False) -> str | None:
        value = self.data.get(key)
        if value is None:
            if required:
                self.fail(key, f"front matter has no '{key}'")
            return None
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.fail(key, f"'{key}' must be text")
            return None
        text = str(value).strip()
        if required and not text:
            self.fail(key, f"'{key}' is empty")
            return None
        return text or None

    def text_list(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(
            isinstance(item, str | int | float) and not isinstance(item, bool) for item in value
        ):
            self.fail(key, f"'{key}' must be a list of text items")
            return ()
        return tuple(str(item).strip() for item in value if str(item).strip())

    def date(self, key: str) -> str | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, datetime.date):
            return value.isoformat()[:10]
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            return value.strip()
        self.fail(key, f"'{key}' must be a date written YYYY-MM-DD")
        return None

    def patient(self) -> Patient:
        value = self.data.get("patient")
        if value is None:
            return Patient()
        if not isinstance(value, dict):
            self.fail("patient", "'patient' must be a mapping with 'age' and 'sex'")
            return Patient()
        for key in value:
            if str(key) not in PATIENT_KEYS:
                self.diagnostics.append(
                    warning(self.at("patient"), f"unknown patient key '{key}' (known: age, sex)")
                )
        age = value.get("age")
        if isinstance(age, bool) or (age is not None and not isinstance(age, str | int)):
            self.fail("patient", "patient 'age' must be text such as '57 years' or '14 months'")
            age = None
        if isinstance(age, int):
            age = f"{age} years"
        sex = value.get("sex")
        if sex is not None:
            sex = str(sex).strip().lower()
            if sex not in SEXES:
                self.fail(
                    "patient", f"patient 'sex' must be one of {', '.join(SEXES)}, not {sex!r}"
                )
                sex = None
        return Patient(age=age.strip() if isinstance(age, str) else None, sex=sex)

    def source_url(self) -> str | None:
        url = self.text("source")
        if url is not None and not re.match(r"^https?://", url):
            self.fail("source", "'source' must be an http(s) URL")
            return None
        return url

    def tags(self) -> tuple[str, ...]:
        tags = self.text_list("tags")
        for tag in tags:
            if not TAG_PATTERN.match(tag):
                self.fail("tags", f"tag {tag!r} contains a space or quote; use '-' or '::' instead")
        return tuple(tag for tag in tags if TAG_PATTERN.match(tag))
