"""The answer records the chain returns and the UI, CLI and evaluation read."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from assistant.checking.checker import CheckJSON, ClaimJSON
from assistant.document.decision import version_of_unit
from assistant.document.kinds import Version

VERSION_NOTES = {
    frozenset({Version.DRAFT}): "About the Draft Amendment (March 2025), not the law in force.",
    frozenset({Version.ADOPTED}): "About the law in force: the Cybersecurity Law as amended by the Decision of "
                                  "28 October 2025, in force since 1 January 2026.",
    frozenset({Version.DRAFT, Version.ADOPTED}): "Compares the Draft Amendment (March 2025) with the law in force "
                                                 "(since 1 January 2026).",
}


@dataclass(frozen=True)
class Citation:
    """A cited unit: where it is and the passage that supports the answer."""

    unit_id: str
    label: str
    article: str | None
    paragraph: int | None
    item: int | None
    quote: str


@dataclass(frozen=True)
class Answer:
    question: str
    text: str
    citations: tuple[Citation, ...]
    retrieved: tuple[str, ...]
    check: CheckJSON
    ok: bool
    refused: bool
    backend: str
    notices: tuple[str, ...] = ()
    standalone_question: str = ""
    latency_ms: float = 0.0
    dropped_citations: tuple[str, ...] = field(default=())
    about: frozenset[Version] | None = None  # the texts it answers from; None: read off its citations

    @property
    def claims(self) -> list[ClaimJSON]:
        return list(self.check["claims"])

    @property
    def versions(self) -> frozenset[Version]:
        """The texts the answer is about: as its answerer set them (a law-in-force answer that notes the draft's
        figures is still about the law in force), else read off its citations (each unit id names its text)."""
        if self.about is not None:
            return self.about
        return frozenset(version_of_unit(c.unit_id) for c in self.citations)

    @property
    def version_note(self) -> str | None:
        """One line saying which text the answer is about, shown with every answer (None when it cites nothing,
        as a refusal does): the draft is never left to pass for the law in force."""
        return VERSION_NOTES.get(self.versions)

    def as_dict(self) -> dict[str, Any]:
        """The answer JSON of `csl-assistant ask --json`."""
        return {
            "question": self.question,
            "answer": self.text,
            "citations": [{k: v for k, v in asdict(c).items() if k != "label"} | {"label": c.label}
                          for c in self.citations],
            "retrieved": list(self.retrieved),
            "claims": self.claims,
            "ok": self.ok,
            "refused": self.refused,
            "backend": self.backend,
            "notices": list(self.notices),
            "dropped_citations": list(self.dropped_citations),
            "about": sorted(self.versions),
            "version_note": self.version_note,
            "standalone_question": self.standalone_question,
            "latency_ms": round(self.latency_ms, 1),
        }
