"""The frame: one typed reading of a sentence about fines, shared by the question reader and the checker.

A question ("what is the most our CTO can be fined if we never refused to fix it?")
and a claim in an answer ("persons-in-charge face 200,000 to 1,000,000 yuan under
Art. 59(3)") are read into the same fields, so the composer picks the facts that fit
a question and the checker tests a claim against the bands by the same rules.
Unset fields mean "not stated", never "any".
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.document.kinds import Basis, Bound, Modality, Numbering, Subject, Tier, Version, Want

__all__ = ["Frame", "Provision"]


@dataclass(frozen=True)
class Provision:
    """An article, paragraph or item as the text names it, and in which numbering."""

    article: str
    paragraph: int | None = None
    item: int | None = None
    numbering: Numbering = Numbering.NEW


@dataclass(frozen=True)
class Frame:
    provisions: tuple[Provision, ...] = ()
    version: Version | None = None
    subjects: frozenset[Subject] = frozenset()
    other_personnel: bool = False  # names "other directly liable personnel", not only the persons-in-charge
    carried: bool = False  # subject taken from the previous item of a list or of the sentence
    tiers: frozenset[Tier] = frozenset()
    excluded_tiers: frozenset[Tier] = frozenset()  # "has not refused", "fixed it at once", "no serious harm"
    modality: Modality | None = None
    bound: Bound | None = None
    low: int | None = None  # yuan, or the multiple's lower factor
    high: int | None = None
    basis: Basis | None = None
    currency: str | None = None  # "CNY" for yuan/RMB/元; anything else is not the text's
    negated: bool = False
    wants: frozenset[Want] = frozenset()
    excluded_subjects: frozenset[Subject] = frozenset()  # "the company itself, not its managers"
    cii: bool | None = None  # True: a critical information infrastructure operator; False: explicitly ordinary
    amounts: tuple[int, ...] = ()  # yuan figures the sentence states, in order (a basis, or a figure to check)
    headcount: int | None = None  # how many individuals a combined total counts ("two persons-in-charge")
    chinese: bool = False  # asked in Chinese: the answer is framed in Chinese

    def wanted_tiers(self, available: frozenset[Tier] | set[Tier]) -> set[Tier]:
        """The tiers of `available` this frame asks about: the named ones, else all not excluded."""
        named = set(self.tiers) & set(available)
        return named or {t for t in available if t not in self.excluded_tiers}

    def wanted_subjects(self) -> set[Subject]:
        named = set(self.subjects) - set(self.excluded_subjects)
        return named or {s for s in Subject if s not in self.excluded_subjects}
