"""Question hygiene and scope: what the assistant refuses, and why, before any model runs.

Deterministic on purpose: a refusal must not depend on a small model's mood.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from assistant.answering.adopted_reading import read_version
from assistant.answering.gaps import find_gap
from assistant.config import MAX_QUESTION_CHARS
from assistant.document.kinds import RefusalReason, Version
from assistant.document.vocabulary import ANCHOR, EFFECTIVE_RE
from assistant.errors import QuestionError

_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
INJECTION_RE = re.compile(
    r"ignore (?:all |any )?(?:the )?(?:previous|prior|above|earlier|your) (?:instructions|rules|prompts?)"
    r"|system prompt|developer mode|jailbreak|you are now|pretend (?:to be|you)|disregard (?:the|your|all)"
    r"|reveal (?:your|the) (?:instructions|prompt|rules)|忽略(?:之前|以上|所有)", re.I)
LEAK_RE = re.compile(r"(?:reveal|show|print|repeat|tell me)\b.{0,30}\b(?:system prompt|instructions|prompt)", re.I)
PAST_RE = re.compile(r"\b(?:did|came|was|were|since|has been|had)\b", re.I)  # "when did the law come into force"
OTHER_LAW_RE = re.compile(
    r"\b(?:gdpr|pipl|dsl|ccpa|nis2|hipaa|ai act)\b"
    r"|\b(?:personal information protection|data security|criminal|administrative penalty|company|securities|"
    r"anti-?monopoly|e-?commerce|cryptography|counter-?espionage|tax|traffic|labou?r|contract|civil) law\b"
    r"|个人信息保护法|数据安全法|刑法|公司法|税法",
    re.I)
NAMED_LAW_RE = re.compile(r"\b(?P<name>(?:[A-Z][a-z]+[- ])*[A-Z][a-z]+) Law\b")  # "Food Safety Law" (case matters)
NOT_OTHER = {"cybersecurity", "this", "the", "that", "a"}
CSL_RE = re.compile(r"cyber ?security law|\bcsl\b|draft|amendment|网络安全法|草案", re.I)
COMPARE_RE = re.compile(r"\bcompar\w*|\bversus\b|\bvs\.?\b|\bthan (?:the|under|in)\b|比较", re.I)
# another version than this one: an ordinal or "earlier" before round/draft/version/reading
OTHER_VERSION_RE = re.compile(r"\b(?:first|1st|earlier|previous|prior|initial|third|3rd|later)[- ]"
                              r"(?:round|draft|version|reading|consultation)s?\b|一审|三审|第一次|第一轮", re.I)


# a request to make something (a poem, a joke, a translation, a drawing), not to learn what the text says
CREATIVE_RE = re.compile(
    r"^\W*(?:(?:please|pls|can you|could you|would you|will you|i want you to|i'd like you to)\s+)*"
    r"(?:compose|make up|sing|draw|paint|sketch|translate|rap)\b"
    r"|\b(?:tell|give|write|compose) (?:me |us )?(?:a |an |some )?(?:short |funny |little )?"
    r"(?:poem|joke|song|story|limerick|haiku|rap|riddle)s?\b"
    r"|\b(?:poem|song|joke|limerick|haiku|sonnet|lyrics|rap|riddle|fairy tale) (?:about|on|for)\b"
    r"|写(?:一首|个|一个)?(?:诗|歌|笑话|故事)|翻译|画一", re.I)


@dataclass(frozen=True)
class ScopeDecision:
    refuse: bool
    reason: RefusalReason | None = None
    injection: bool = False
    version: Version | None = None  # ADOPTED: answered from the Decision (answering/adopted.py)
    detail: str = ""  # for a question the text cannot answer: what it does not state and what it says nearby


def normalise(question: str) -> str:
    """NFC, control and bidi-override characters removed, whitespace collapsed; raises QuestionError."""
    if not isinstance(question, str):
        raise QuestionError("The question must be text.")
    if _SURROGATE_RE.search(question):  # what undecodable bytes become (surrogateescape), or a JSON "\ud800"
        raise QuestionError("The question is not valid text (invalid UTF-8 bytes or an unpaired surrogate); "
                            "please re-type or re-encode it as UTF-8.")
    text = unicodedata.normalize("NFC", question)
    text = _CONTROL_RE.sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip()
    if not text:
        raise QuestionError("Please type a question about the draft amendment (the question was empty).")
    if len(text) > MAX_QUESTION_CHARS:
        raise QuestionError(f"The question is too long ({len(text):,} characters; the limit is "
                            f"{MAX_QUESTION_CHARS:,}). Please shorten it to the point you need answered.")
    return text


def check_history(history: Any) -> list[dict[str, str]]:
    """Earlier turns as a list of {role, content} strings; QuestionError for anything else (not a crash later)."""
    if history is None:
        return []
    if not isinstance(history, list | tuple):
        raise QuestionError("The question's history must be a list of {role, content} turns.")
    for number, turn in enumerate(history, 1):
        if not (isinstance(turn, dict) and isinstance(turn.get("role"), str) and isinstance(turn.get("content"), str)):
            raise QuestionError(f"History turn {number} of the question must be an object with string "
                                "'role' and 'content'.")
        if _SURROGATE_RE.search(turn["role"] + turn["content"]):
            raise QuestionError(f"History turn {number} of the question is not valid text (unpaired surrogate).")
    return [{"role": t["role"], "content": t["content"]} for t in history]


def _other_law(question: str) -> bool:
    """About another law: named without this law, or compared with it (its figures are not in the text)."""
    named = [m for m in NAMED_LAW_RE.finditer(question) if m.group("name").split()[-1].lower() not in NOT_OTHER]
    if not (named or OTHER_LAW_RE.search(question)):
        return False
    return not CSL_RE.search(question) or bool(COMPARE_RE.search(question))


def decide(question: str, context: str = "") -> ScopeDecision:
    """Whether to refuse before retrieval, and whether the question tries to steer the assistant.

    In scope means naming something this document is about (its vocabulary, `vocabulary.ANCHOR`): a fine or a
    penalty alone is not enough, since every law has those. `context` is what a follow-up carries from earlier
    turns: it puts a question without a topic of its own in scope ("and the managers?"), never another law's.
    """
    own = question
    if context and not _other_law(question) and not ANCHOR.search(question):
        question = f"{question} {context}"
    injection = bool(INJECTION_RE.search(question))
    if LEAK_RE.search(question):
        return ScopeDecision(True, RefusalReason.PROMPT_LEAK, True)
    version = read_version(question)
    if version is None and context and read_version(context) is Version.ADOPTED:
        version = Version.ADOPTED  # a follow-up stays on the law in force until it names the draft
    if EFFECTIVE_RE.search(own) and PAST_RE.search(own):
        version = None  # when the 2016 law came into force: the Explanation answers
    if _other_law(own):
        return ScopeDecision(True, RefusalReason.OTHER_LAW, injection)
    if version is Version.ADOPTED:  # the law in force: answered from the Decision (answering/adopted.py)
        return ScopeDecision(False, None, injection, version=Version.ADOPTED)
    if not ANCHOR.search(question) or CREATIVE_RE.search(own):
        return ScopeDecision(True, RefusalReason.UNRELATED, injection)
    if OTHER_VERSION_RE.search(own):
        return ScopeDecision(True, RefusalReason.OTHER_VERSION, injection)
    if gap := find_gap(own):
        return ScopeDecision(True, RefusalReason.NOT_STATED, injection, detail=gap.says)
    return ScopeDecision(False, None, injection, version=version)
