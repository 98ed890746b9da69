"""In-domain questions the text cannot answer: what it does not state, and what it does say nearby.

Each gap is a kind of fact the document never gives (who the agency is, a period,
how to comment, appeals, signatures, definitions and lists); the answer names the gap
and quotes the nearest thing the text does say, instead of unrelated passages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Gap:
    name: str
    cue: re.Pattern[str]
    says: str  # what the text does state nearby (no figure the checker could not verify)


def _cue(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


GAPS = (
    Gap("agency", _cue(r"\b(?:which|what)\s+(?:government\s+|state\s+)?(?:agency|agencies|body|bodies|ministry|"
                       r"department|regulator|organ|institution)s?\b|\bwho\s+(?:enforces|imposes|issues|certifies|"
                       r"carries out|decides|is the (?:regulator|competent))|\bcyberspace administration\b|\bcac\b|"
                       r"\bdirector (?:of|at) (?:the )?(?:cac|cyberspace|agency|administration|regulator|ministry|"
                       r"department)\b|"
                       r"哪个(?:部门|机关|机构)"),
        "The text does not name the agency: the draft says only that “the competent authorities” order corrections "
        "and impose the penalties, and the Explanation speaks of “our office, together with relevant departments” "
        "without naming them."),
    Gap("period", _cue(r"\bhow (?:many|much) (?:days|weeks|months|years|time)\b|\bhow long (?:do|does|will|would|is|"
                       r"are|can)\b|\btime limit\b|\blimitation period\b|\bstatute of limitations?\b|\bdeadline\b|"
                       r"\bwithin how\b|多少天|期限"),
        "The text sets no period or deadline: the draft orders corrections (Article 67: “within a time limit”) "
        "without stating how long, and says nothing about limitation periods."),
    Gap("comments", _cue(r"\b(?:comments?|feedback|opinions?|submissions?)\b.{0,60}\b(?:send|submit|where|how many|"
                         r"received|deadline|address|e-?mail|until)\b|\b(?:send|submit|where|how)\b.{0,40}"
                         r"\b(?:comments?|feedback|opinions?)\b|意见.{0,10}(?:提交|发送|截止)|(?:提交|发送).{0,10}意见"),
        "The text does not say where or until when comments can be sent, or how many were received; the "
        "Explanation says only that the drafters solicited opinions from relevant central and state organs and "
        "publicly sought public opinions."),
    Gap("appeal", _cue(r"\bappeal\w*|\bcourt\b|\blawsuit|\blitigation\b|\bsue\b|\breconsideration\b|复议|诉讼"),
        "The draft says nothing about appeals, reconsideration or court review of its penalties; for how penalties "
        "are lightened, mitigated or exempted it refers to the Administrative Penalty Law (Article 72)."),
    Gap("signature", _cue(r"\bsign(?:ed|atory|atories|ature)\b|署名"),
        "The text is not signed: the Explanation is written by “our office, together with relevant departments”, "
        "which it does not name."),
    Gap("enforcement", _cue(r"\bactually\s+(?:paid|pay|fined|imposed|collected|enforced)\b"
                            r"|\bhow many\s+(?:companies|firms|operators|cases)\s+(?:have|were|got|received)\b"
                            r"|\bstatistic\w*|\benforcement\s+(?:record|history|data|cases|actions|statistics)\b"
                            r"|\b(?:real|actual|past|recent|notable|famous)\s+(?:cases?|fines|enforcement|examples?)\b"
                            r"|执法案例|处罚案例|实际(?:处罚|罚款)"),
        "The texts report no enforcement: they set the fines the law provides, and give no case, no fine actually "
        "imposed and no statistics."),
    Gap("accrual", _cue(r"\bper\s+(?:day|violation|incident|offen[cs]e|breach|record|user|count)\b"
                        r"|\bdaily\s+(?:fines?|penalt\w*|basis|rate)\b|"
                        r"\beach\s+day\b|\bcumulat\w*|\baccru\w*|按日|按次|累计"),
        "The draft does not say whether fines accrue per day or per violation: it states each fine as a range, or "
        "as a multiple of the illegal gains or of the procurement amount, without any such rule."),
    Gap("definition", _cue(r"\bhow many (?:records|users|people|persons|pieces|items|entries)\b|\bdefin(?:e|es|ed|"
                           r"ition)\b|\b(?:what|who)\s+(?:\w+\s+)?counts?\s+as\b|"
                           r"\bthreshold for\b|\bcatalog(?:ue)?\b|\bwhich products are\b|"
                           r"\blist of (?:critical|products|equipment)\b|定义|目录"),
        "The draft does not define these terms or give lists or numeric thresholds for them: it gives examples "
        "only, such as “massive data leakage or partial loss of function of critical information infrastructure” "
        "for serious consequences and “total loss of main functions” for particularly serious ones."),
)


# A sentence ends at . ! ? ; (or their Chinese forms) followed by space or the end; "Art. 59" does not end one.
_SENTENCE_END = re.compile(r"(?<!\bArt)(?<!\bNo)[.!?;](?=\s|$)|[。！？；]")


def asked_part(question: str) -> str:
    """The sentences that ask: those ending in a question mark, else the last one.

    A scenario states facts before it asks ("we fixed it within the deadline. What is the fine?",
    "the bank signed a contract ... What fine?"); a gap word among the stated facts is not what is asked.
    """
    parts, start = [], 0
    for m in _SENTENCE_END.finditer(question):
        parts.append(question[start:m.end()])
        start = m.end()
    parts += [question[start:]] if question[start:].strip() else []
    asking = [p for p in parts if p.rstrip().endswith(("?", "？"))]
    return " ".join(asking or parts[-1:])


def find_gap(question: str) -> Gap | None:
    """The kind of fact the question asks for that the document does not give, if any."""
    asked = asked_part(question)
    return next((gap for gap in GAPS if gap.cue.search(asked)), None)


# The law in force names an authority other than "the competent authorities" in two provisions only.
AGENCY_IN_FORCE = ("The law in force does not name the agency for this: its provisions in these documents say only "
                   "“有关主管部门” (the competent authorities). It names one for two acts only: the public security "
                   "organs (公安机关) for illegally obtaining, selling or providing personal information (Article "
                   "71(2)), and the public security department of the State Council (国务院公安部门) for foreign "
                   "actors (Article 77).")
NAMED_AUTHORITY_RE = re.compile(r"公安机关|公安部门")


def agency_gap_in_force(question: str, provision_texts: list[str]) -> str | None:
    """For 'which agency?' about the law in force: the gap, unless the provisions asked about name one."""
    gap = find_gap(question)
    if gap is None or gap.name != "agency" or any(NAMED_AUTHORITY_RE.search(t) for t in provision_texts):
        return None
    return AGENCY_IN_FORCE
