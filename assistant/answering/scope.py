"""Question hygiene and scope: what the assistant refuses, and why, before any model runs.

Deterministic on purpose: a refusal must not depend on a small model's mood.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from assistant.answering.adopted_reading import read_version
from assistant.config import MAX_QUESTION_CHARS
from assistant.document.kinds import RefusalReason, Version
from assistant.errors import QuestionError

_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
INJECTION_RE = re.compile(
    r"ignore (?:all |any )?(?:the )?(?:previous|prior|above|earlier|your) (?:instructions|rules|prompts?)"
    r"|system prompt|developer mode|jailbreak|you are now|pretend (?:to be|you)|disregard (?:the|your|all)"
    r"|reveal (?:your|the) (?:instructions|prompt|rules)|忽略(?:之前|以上|所有)", re.I)
LEAK_RE = re.compile(r"(?:reveal|show|print|repeat|tell me)\b.{0,30}\b(?:system prompt|instructions|prompt)", re.I)
ADOPTED_RE = re.compile(
    r"\b(?:adopted|enacted|final (?:version|law|text)|as passed|passed (?:law|version)|in force now|currently in "
    r"force|law in force|october 2025|oct\.? 2025|2026|as amended in 2025|amended law)\b"
    r"|正式通过|最终通过|2026年", re.I)
EFFECTIVE_RE = re.compile(
    r"\b(?:effective date|take effect|takes effect|come into (?:force|effect)|comes into (?:force|effect)|"
    r"enter into force|start to apply|apply from|when will)\b|生效|施行日期|何时施行", re.I)
OTHER_LAW_RE = re.compile(
    r"\b(?:gdpr|pipl|personal information protection law|data security law|dsl|criminal law|ccpa|nis2|"
    r"administrative penalty law|"
    r"anti-?monopoly|e-?commerce law|cryptography law|counter-?espionage|hipaa|ai act)\b"
    r"|个人信息保护法|数据安全法|刑法",
    re.I)
CSL_RE = re.compile(r"cyber ?security law|\bcsl\b|draft|amendment|网络安全法|草案", re.I)
OTHER_VERSION_RE = re.compile(r"first[- ]round|first draft|earlier draft|previous draft|一审|第一次", re.I)
NOT_STATED_RE = re.compile(r"deadline for (?:submitting )?(?:public )?comments|submit (?:public )?comments|"
                           r"comment period|"
                           r"how (?:do|can) i (?:comment|submit)|征求意见截止", re.I)
DOMAIN_RE = re.compile(
    r"fine|penalt|punish|liab|sanction|yuan|rmb|article|art\b|paragraph|item|operator|infrastructure|cii|"
    r"network|cyber|data|leak|renumber|merged|old|revis|amend|draft|explanation|why|law|legal|illegal|gains|"
    r"procure|certif|warning|licen|website|application|personal information|penalty|mitigat|exempt|benchmark|"
    r"discretion|responsible|persons|manager|individual|security|npc|standing committee|congress|legislat|"
    r"revision|report|[\u4e00-\u9fff]", re.I)


@dataclass(frozen=True)
class ScopeDecision:
    refuse: bool
    reason: RefusalReason | None = None
    injection: bool = False
    version: Version | None = None  # ADOPTED: answered from the Decision (answering/adopted.py)


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


def decide(question: str, context: str = "") -> ScopeDecision:
    """Whether to refuse before retrieval, and whether the question tries to steer the assistant.

    `context` is what a follow-up carries from earlier turns: it can put a question in scope ("and the
    managers?") but never takes another law's question out of the other-law refusal.
    """
    if context and not OTHER_LAW_RE.search(question) and not DOMAIN_RE.search(question):
        question = f"{question} {context}"
    injection = bool(INJECTION_RE.search(question))
    if LEAK_RE.search(question):
        return ScopeDecision(True, RefusalReason.PROMPT_LEAK, True)
    version = read_version(question)
    if EFFECTIVE_RE.search(question) and re.search(r"\b(?:did|since|2017|original|first)\b", question, re.I):
        version = None  # when the 2016 law came into force: the Explanation answers
    if OTHER_VERSION_RE.search(question):
        return ScopeDecision(True, RefusalReason.OTHER_VERSION, injection)
    if NOT_STATED_RE.search(question):
        return ScopeDecision(True, RefusalReason.NOT_STATED, injection)
    if OTHER_LAW_RE.search(question) and not CSL_RE.search(question):
        return ScopeDecision(True, RefusalReason.OTHER_LAW, injection)
    if version is Version.ADOPTED:
        return ScopeDecision(False, None, injection, Version.ADOPTED)
    if not DOMAIN_RE.search(question):
        return ScopeDecision(True, RefusalReason.UNRELATED, injection)
    return ScopeDecision(False, None, injection, version)
