"""Which tier: the text's own conditions (particularly serious, serious, refuses to correct) and how
users paraphrase them; the mildest tier's cues; a stated compliance, which rules out refusal.
"""

from __future__ import annotations

import re

from assistant.document.kinds import Tier
from assistant.document.vocabulary._build import FLAGS, alternatives, words

# -- which tier -----------------------------------------------------------------------------
# The text's own conditions and how users paraphrase them. "serious" inside "particularly
# serious" is not a cue of its own; "refuses" is (拒不改正 contains 不 but is no negation).
_TIER_WORDS: dict[Tier, str] = {
    Tier.PARTICULARLY_SERIOUS: words(
        r"particularly\s+serious|especially\s+serious|total\s+loss|all\s+(?:of\s+)?its\s+main|main\s+functions",
        r"特别严重|全部丧失"),
    Tier.SERIOUS: words(
        r"serious(?<!particularly\sserious)(?<!especially\sserious)\s+(?:cybersecurity\s+)?consequences?|massive|leakage"
        r"|partial\s+loss",
        r"(?<!特别)严重后果|大量数据泄露|部分功能丧失", stems=r"data\s+leak"),
    Tier.REFUSES_OR_SERIOUS: words(
        r"circumstances\s+are\s+serious|serious\s+circumstances|endangering\s+cybersecurity",
        r"拒不改正|情节严重|危害网络安全",
        stems=r"refus|not\s+correct|never\s+correct|won[’']t\s+correct|didn[’']t\s+correct|doesn[’']t\s+correct"
              r"|fails?\s+to\s+correct"),
}
# "the worst case" in a summary names the particularly serious tier; in a question it asks for a maximum
# ("worst-case fine for a regular operator that fixed it at once?"): reading it there as a tier cost two
# held-out answers and two reader tests (measured), so it is an answer's and the text's word only.
_TEXT_TIER_WORDS = {**_TIER_WORDS, Tier.PARTICULARLY_SERIOUS: _TIER_WORDS[Tier.PARTICULARLY_SERIOUS] + r"|\bworst\b"}
TIER_CUES: tuple[tuple[Tier, re.Pattern[str]], ...] = tuple(
    (tier, re.compile(words, FLAGS)) for tier, words in _TEXT_TIER_WORDS.items())
TIER_RE = re.compile("|".join(f"(?P<{tier.value}>{words})" for tier, words in _TEXT_TIER_WORDS.items()), FLAGS)


def tiers(text: str) -> frozenset[Tier]:
    """Every tier the text cues."""
    return frozenset(tier for tier, cue in TIER_CUES if cue.search(text))


def tier_cues(text: str, offset: int = 0) -> list[tuple[int, Tier]]:
    """(position, tier) of every tier cue, in text order."""
    return [(m.start() + offset, Tier(m.lastgroup)) for m in TIER_RE.finditer(text) if m.lastgroup]


# -- the checker's words for what a figure is attached to ------------------------------------
# The mildest tier as summaries name it, and the conditions that rule out every higher tier
# ("corrects at once", "no refusal", "causes no harm", "the circumstances are not serious").
BASE_TIER_RE = re.compile(words(
    r"basic\s+(?:violation|case|tier|fine|offen[cs]e|breach|failure)|base\s+(?:fine|tier|band|case|violation)"
    r"|no\s+refusal|not\s+refus\w*|corrects?\s+(?:it\s+)?(?:at\s+once|promptly|immediately)|has\s+corrected"
    r"|(?:causes?|caused|with)\s+no\s+harm|without\s+(?:causing\s+)?(?:any\s+)?harm|(?:are|is)\s+not\s+serious"
    r"|no\s+serious\s+circumstances|corrected\s+(?:violation|breach|failure)|(?:promptly|already|immediately)\s+corrected",
    r"及时改正|未造成危害"), FLAGS)

# -- how users paraphrase the tiers ------------------------------------------------------------
# A question says "lost all its core functions", "fully offline", "ignored the order". These paraphrases
# are read in questions only: in the text and in answers they tie a figure to a tier the sentence merely
# mentions, and 严重后果 needs the question reader's own "not after 特别" rule. Measured: giving them to
# the parser and checker too failed 4 of 352 red-team/vocabulary/self-test cases (特别严重后果 read as
# serious as well; self-test phrasings read back with an extra tier), with no answer gained.
_PARAPHRASES: dict[Tier, re.Pattern[str]] = {
    Tier.PARTICULARLY_SERIOUS: alternatives(
        r"particularly serious", r"especially serious", r"total(?:ly)? (?:loss|lost|los\w+)",
        r"(?:lose|loses|lost|losing) all", r"all (?:of )?(?:its |the |our |their )?(?:main|core|key|essential) "
        r"functions?", r"(?:main|core) functions", r"(?:a )?total one", r"worst consequences",
        r"(?:completely|totally|entirely|fully) (?:down|offline|lost|out|knocked out|taken out|paralys\w+|paralyz\w+)",
        r"(?:total|complete|full) (?:outage|shutdown|failure|collapse|blackout|paralysis)", "特别严重", "全部丧失",
        "主要功能"),
    Tier.SERIOUS: alternatives(
        r"(?<!particularly )(?<!especially )serious (?:cybersecurity )?(?:consequences?|harm|damage)", r"massive",
        r"large[- ]scale",
        r"(?:data )?leak\w*", r"partial(?:ly)?(?: loss| lost)?", r"part of (?:a |the |its |our )?[\w ]{0,40}?"
        r"(?:stops?|stopped|fails?|failed|goes down|went down|los\w+)", "(?<!特别)严重后果", "大量数据泄露", "部分丧失",
        "丧失部分",
        "局部功能", "数据泄露", "(?<!特别)严重危害",
        r"part of (?:a |the |its |our |their )?(?:\w+ ){0,2}"
        r"(?:functions?|systems?|services?|network|infrastructure)",
        r"some (?:of )?(?:its |the |our |their )?(?:\w+ )?functions?", r"(?:functions?|systems?|services?) "
        r"(?:(?:were|was|are|is|got|went|have been|has been) )?(?:partly|partially|in part)",
        r"partly (?:down|lost|offline|out)"),
    Tier.REFUSES_OR_SERIOUS: alternatives(
        r"refus\w*", r"(?:won't|wont|will not|would not|wouldn't) (?:fix|correct|rectify|comply)",
        r"(?:does|did|do) not (?:fix|correct|rectify|comply)", r"(?:didn't|doesn't|don't|dont|didnt|never) "
        r"(?:fix|correct|rectify|comply)", r"fail\w* to (?:fix|correct|rectify|comply)",
        r"still (?:hasn't|has not|haven't|have not|hadn't|not|isn't|is not) (?:fix|correct|rectif|compl)\w*",
        r"(?:ignor|disregard|defi)\w* (?:the |an |a |any |their |its |our )?(?:\w+ ){0,2}(?:orders?|instructions?|"
        r"notices?|demands?|requests?)",
        r"ignor\w* (?:the |an |a |any |their |its |our )?(?:\w+ )?(?:orders?|instructions?|notices?|demands?)",
        r"endanger\w*", r"circumstances (?:are|were|is|was) serious", r"serious circumstances",
        r"serious circs", "拒不改正", "情节严重"),
}
# A question's tier cues: the text's own words and the paraphrases, one pattern per tier.
QUESTION_TIER_CUES: dict[Tier, re.Pattern[str]] = {
    tier: re.compile(f"{_TIER_WORDS[tier]}|{cue.pattern}", FLAGS) for tier, cue in _PARAPHRASES.items()}
# "part of its main functions": a partial loss, whatever the functions are called
PARTIAL_BEFORE = re.compile(r"\b(?:part|parts|some|portion|partial\w*|partly)\b(?:\s+of)?(?:\s+\w+){0,2}\s*$"
                            r"|(?:部分|局部)$", re.I)
# a stated compliance: the refuse-to-correct tier does not apply
COMPLIED = re.compile(
    r"\b(?:fix\w*|correct\w*|rectif\w*|remed\w*|sort\w* (?:\w+ ){0,3}out|compl\w*|resolv\w*|repair\w*)\b"
    r"(?:\W+\w+){0,8}?\W+(?:promptly|immediately|at once|right away|straight away|as soon as|once (?:ordered|told)"
    r"|when (?:told|ordered|asked)|right after|after (?:the |being )?(?:order|told)|the same day|quickly|in time)\b"
    r"|\b(?:promptly|immediately|quickly) (?:fix|correct|rectif|compl)\w*|马上改正|及时改正|立即改正|已经?改正", re.I)
# what turns a compliance word into its opposite: "refused to correct when told", "failed to fix it promptly"
REFUSED_BEFORE = re.compile(r"\b(?:refus\w*|fail\w*|declin\w*|unwilling|reluctant)\s+to\s+$"
                            r"|\b(?:won'?t|will\s+not|would\s+not|wouldn'?t|did\s+not|didn'?t|does\s+not|doesn'?t"
                            r"|never)\s+$|(?:拒不|拒绝|没有|未)$", re.I)
# The mildest tier as a question names it.
BASE_CUES = alternatives(r"first (?:lapse|time|offen[cs]e|stage|instance|violation)", r"at first", r"initial",
                         r"entry[- ]level", r"starting", r"lowest", r"base", r"basic", r"minor",
                         r"基础(?!设施)", "首次")  # 基础 is not the one in 关键信息基础设施
