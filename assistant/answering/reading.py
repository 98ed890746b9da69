"""Reading a question into a Frame: who, which tier (with negation), operator kind, figures, what is wanted.

Negation follows NegEx: a trigger ("not", "never", "didn't", "没有") negates the cues
that follow it within a few words, until a terminator ("but", punctuation) ends its
scope; a cue directly followed by "was not"/"were not" is negated too. A stated
compliance ("fixed it at once") excludes the refuse-to-correct tier. A follow-up
keeps the previous question's frame and changes only what its own words name.
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.answering.condense import split_followup
from assistant.answering.gaps import asked_part
from assistant.document import vocabulary as L
from assistant.document.frames import Frame
from assistant.document.kinds import Bound, Subject, Tier, Want

_CJK = re.compile(r"[\u4e00-\u9fff]")
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_SEVERITY = (Tier.SERIOUS, Tier.PARTICULARLY_SERIOUS)  # excluding one excludes the graver ones


def negated_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every negation scope in the text (the shared NegEx), and what "leave ... out" leaves out."""
    spans = [(s.start, s.end) for s in L.negated_spans(text)]
    spans += [(m.start("what"), m.end("what")) for m in L.LEAVE_OUT_RE.finditer(text)]
    return spans


def _is_negated(match: re.Match[str], text: str, spans: list[tuple[int, int]]) -> bool:
    if any(start <= match.start() < end for start, end in spans):
        return True
    return bool(L.NEGATION_AFTER.match(text[match.end():]))


def _cue_hits(pattern: re.Pattern[str], text: str, spans: list[tuple[int, int]]) -> tuple[bool, bool]:
    """(named affirmatively, named under negation)."""
    named = negated = False
    for m in pattern.finditer(text):
        if pattern is L.QUESTION_TIER_CUES[Tier.SERIOUS] and text[max(0, m.start() - 13):m.start()].lower().endswith(
                "particularly "):
            continue
        if pattern is L.QUESTION_TIER_CUES[Tier.PARTICULARLY_SERIOUS] and \
                L.PARTIAL_BEFORE.search(text[max(0, m.start() - 30):m.start()]):  # "part of its main functions"
            continue
        if _is_negated(m, text, spans):
            negated = True
        else:
            named = True
    return named, negated


def read_tiers(text: str, spans: list[tuple[int, int]] | None = None) -> tuple[frozenset[Tier], frozenset[Tier]]:
    """(named tiers, excluded tiers) of one sentence."""
    spans = negated_spans(text) if spans is None else spans
    named: set[Tier] = set()
    excluded: set[Tier] = set()
    for tier, cue in L.QUESTION_TIER_CUES.items():
        yes, no = _cue_hits(cue, text, spans)
        named |= {tier} if yes else set()
        excluded |= {tier} if no else set()
    if any(not _is_negated(m, text, spans) and not L.REFUSED_BEFORE.search(text[:m.start()])
           for m in L.COMPLIED.finditer(text)):  # not "won't rectify after ...", "refused to correct when told"
        excluded.add(Tier.REFUSES_OR_SERIOUS)
    yes, _ = _cue_hits(L.BASE_CUES, text, spans)
    if yes and not named:
        named.add(Tier.BASE)
    for i, tier in enumerate(_SEVERITY):
        if tier in excluded:
            excluded |= set(_SEVERITY[i:])
    return frozenset(named - excluded), frozenset(excluded)


def _target(kind: Subject, text: str) -> bool:
    """Whether the sentence asks what this subject is fined ("fine on the managers", "can the CTO be fined")."""
    cue = L.SUBJECT_CUES[kind].pattern
    return bool(re.search(rf"(?:fines?|fined|penalt\w*|case|max\w*|most|exposure|liabilit\w*|risk)\s+"
                          rf"(?:on|for|of)\s+(?:the |its |our |their |a |an )?"
                          rf"(?:\w+[ -]){{0,2}}(?:{cue})(?![’']s)|(?:{cue})(?:[\w-]*)(?:\s+\w+){{0,2}}\s+be\s+fined|"
                          rf"(?:what|how) about (?:the |its |our |their )?(?:\w+ )?(?:{cue})|"
                          rf"\b(?:are|is|can|could|will|would)\s+(?:the |its |our |their )?(?:\w+ )?(?:{cue})[\w-]*\s+"
                          rf"(?:be\s+)?(?:personally\s+)?(?:fined|penali[sz]ed|punished|liable)|"
                          # "what fine could our firm face", "what would the company pay"
                          rf"\b(?:fines?|penalt\w*|what|how much)\s+(?:\w+\s+){{0,2}}"
                          rf"(?:could|would|will|might|may|can|does|do)\s+(?:the |its |our |their |a |an )?(?:\w+ )?"
                          rf"(?:{cue})[\w-]*\s+(?:face|pay|get|incur)\b",
                          text, re.I))


# Between a negation and the person it leaves out stand only determiners and the like ("not the managers",
# "excluding its staff", "not counting our CTO"); "not the case that the operator refused" and "choose not to
# fine the operator" negate what the operator did or suffers, not who is asked about.
_NEGATED_NOUN_GAP = re.compile(r"\s*(?:(?:the|its|our|their|his|her|my|your|a|an|any|for|on|of|counting"
                               r"|including|just|only|even|also|fines?\s+on|to)\s+"
                               r"|包括|包含|含|是|算上|算|针对|对){0,3}\s*", re.I)


def _subject_hits(cue: re.Pattern[str], text: str, spans: list[tuple[int, int]]) -> tuple[bool, bool]:
    """(named affirmatively, left out by a negation that governs the noun itself)."""
    named = negated = False
    for m in cue.finditer(text):
        if any(start <= m.start() < end and _NEGATED_NOUN_GAP.fullmatch(text[start:m.start()])
               for start, end in spans) or L.NEGATION_AFTER.match(text[m.end():]):
            negated = True
        else:
            named = True
    return named, negated


def _without_employers(text: str) -> str:
    """The text without "(managers) of the operator" phrases: the operator there says whose people they are,
    it is not asked its own fine ("what can the managers of a network operator be fined personally")."""
    cue = L.SUBJECT_CUES[Subject.ENTITY].pattern
    return re.sub(rf"\b(?:of|at|for|from)\s+(?:the |a |an |its |our |their |this |that )?(?:\w+[ -]){{0,2}}(?:{cue})",
                  " ", text, flags=re.I)


def read_subjects(text: str, spans: list[tuple[int, int]]) -> tuple[frozenset[Subject], frozenset[Subject]]:
    if L.PERSONAL.search(text) and not _target(Subject.ENTITY, _without_employers(text)):
        return frozenset({Subject.INDIVIDUAL}), frozenset()  # not "the company's fine, and mine personally"
    named: set[Subject] = set()
    excluded: set[Subject] = set()
    for kind, cue in L.SUBJECT_CUES.items():
        yes, no = _subject_hits(cue, text, spans)
        named |= {kind} if yes else set()
        excluded |= {kind} if no and not yes else set()
    additive = re.search(r"\b(?:including|also|as well|both|plus|together)\b", text, re.I)
    if len(named) == 2 and not additive and _target(Subject.INDIVIDUAL, text) and not _target(Subject.ENTITY, text):
        named = {Subject.INDIVIDUAL}  # "can the managers be fined if the operator refuses?"
    if named == {Subject.ENTITY}:
        named = set()  # the operator is the actor of nearly every question; its people are not thereby excluded
    return frozenset(named - excluded), frozenset(excluded)


def _headcount(text: str) -> int | None:
    m = L.HEADCOUNT.search(text)
    if not m:
        return None
    n = m.group("n").lower()
    return int(n) if n.isdigit() else _NUMBER_WORDS.get(n)


def _wants(text: str) -> frozenset[Want]:
    """What kind of answer: a yes/no is read from the sentence that asks (a scenario may state facts first)."""
    asked = asked_part(text).strip()
    return frozenset(w for w, cue in L.WANT_CUES.items()
                     if cue.search(text.strip()) or (w is Want.YES_NO and cue.search(asked)))


def _bound(text: str) -> Bound | None:
    if L.QUESTION_MAXIMUM.search(text):
        return Bound.UP_TO
    if L.QUESTION_MINIMUM.search(text):
        return Bound.AT_LEAST
    return None


def _yuan(kind: str, value: object) -> tuple[int, ...]:
    """The yuan figures of one claim of the question (an amount, a bound, a range)."""
    if kind == "amount" and isinstance(value, int):
        return (value,)
    if kind == "bound" and isinstance(value, dict) and isinstance(value.get("amount"), int):
        return (value["amount"],)
    if kind == "range" and isinstance(value, tuple | list):
        return tuple(v for v in value if isinstance(v, int))
    return ()


def stated_directions(text: str) -> list[tuple[int, Bound]]:
    """(figure, side) for each "above X" / "below X" a question states: AT_LEAST for above, UP_TO for below.

    "Can the fine exceed 50,000 yuan?" asks whether any fine lies beyond the figure, not whether the figure
    is a band's bound; "not more than 50,000" is a bound and is skipped.
    """
    from assistant.checking.claims import extract_claims  # the checker's figure reader, shared

    found = []
    for pattern, side in ((L.ABOVE_FIGURE_RE, Bound.AT_LEAST), (L.BELOW_FIGURE_RE, Bound.UP_TO)):
        for m in pattern.finditer(text):
            if L.NOT_BEFORE_RE.search(text[:m.start()]):
                continue
            after = text[m.end():m.end() + 40]
            first = next((c for c in extract_claims(after) if c.start <= 8), None)
            if first is not None:
                found += [(v, side) for v in _yuan(first.kind, first.value)[:1]]
    return found


def read_sentence(text: str) -> Frame:
    """The frame of one question (no follow-up context)."""
    from assistant.checking.claims import extract_claims  # the checker's figure reader, shared

    spans = negated_spans(text)
    tiers, excluded = read_tiers(text, spans)
    subjects, no_subjects = read_subjects(text, spans)
    cii_named, cii_negated = _cue_hits(L.CII, text, spans)  # "not CII", "we are not critical infrastructure"
    cii_cue = cii_named  # "a network operator" alone is the text's own name for the ordinary one
    ordinary_cue = bool(L.ORDINARY.search(text)) or cii_negated or \
        (not cii_cue and bool(L.NETWORK_OPERATOR.search(text)))
    cii = None if cii_cue == ordinary_cue else cii_cue  # both named: a comparison of the two
    amounts = tuple(a for c in extract_claims(text) for a in _yuan(c.kind, c.value))
    return Frame(subjects=subjects, excluded_subjects=no_subjects, tiers=tiers, excluded_tiers=excluded, cii=cii,
                 amounts=amounts, headcount=_headcount(text), wants=_wants(text), bound=_bound(text),
                 chinese=bool(_CJK.search(text)))


def read_question(standalone: str) -> Frame:
    """The frame of a (condensed) question: its own words first, the carried context for what they leave open."""
    own_text, context = split_followup(standalone)
    own = read_sentence(own_text)
    if not context:
        return own
    previous = read_sentence(context)
    keep_tiers = not (own.tiers or own.excluded_tiers)
    keep_subjects = not (own.subjects or own.excluded_subjects)
    return replace(
        own,
        tiers=previous.tiers if keep_tiers else own.tiers,
        excluded_tiers=previous.excluded_tiers if keep_tiers else own.excluded_tiers,
        subjects=previous.subjects if keep_subjects else own.subjects,
        excluded_subjects=previous.excluded_subjects if keep_subjects else own.excluded_subjects,
        cii=own.cii if own.cii is not None else previous.cii,
        amounts=own.amounts or previous.amounts,
        chinese=own.chinese,
    )


def resolve_tiers(frame: Frame, available: set[Tier]) -> set[Tier]:
    """The tiers of an article's bands that fit the frame.

    Named tiers win; a scenario that only excludes tiers ("fixed it at once", "nothing serious happened")
    describes the mildest tier left, since the graver tiers need circumstances the question rules out.
    """
    named = set(frame.tiers) & available
    if named:
        return named
    if frame.excluded_tiers:
        left = [t for t in Tier if t in available and t not in frame.excluded_tiers]
        return set(left[:1])
    return set(available)
