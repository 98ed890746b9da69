"""The answer records the chain returns and the UI, CLI and evaluation read."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from assistant.checking.checker import CheckJSON, ClaimJSON


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

    @property
    def claims(self) -> list[ClaimJSON]:
        return list(self.check["claims"])

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
            "standalone_question": self.standalone_question,
            "latency_ms": round(self.latency_ms, 1),
        }
