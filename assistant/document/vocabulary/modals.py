"""May / shall: the text's own modals, and how a summary says them ("must", "discretionary").
"""

from __future__ import annotations

import re

# -- may / shall ----------------------------------------------------------------------------
MODAL_RE = re.compile(r"\b(shall|may)\b")  # the text's own modals, lower case: "shall" binds, "may" permits

# How a summary says the text's "shall" and "may" (can / could stay neutral: they say what is possible).
# Plain words, found with str.find on lowered text (much faster than a regex alternation on short windows).
SHALL_WORDS = ("shall", "must", "mandatory", "mandated", "compulsory", "obligatory", "required", "requires",
               "require", "obliges", "oblige", "obliged", "obligated", "not discretionary", "not optional",
               "no discretion", "应当", "必须", "应予", "应处")
MAY_WORDS = ("may", "discretion", "discretionary", "optional", "need not", "not mandatory", "not required",
             "not obligatory", "not compulsory", "可以", "可被", "可处", "可并处", "可对")
NOT_MAY = "may not"  # a bound ("may not exceed"), not a permission


def modal_cues(text: str) -> list[tuple[int, int, str]]:
    """(end, length, 'shall' | 'may') of every modal cue on word boundaries in lowered `text`."""
    out = []
    plain = text.isascii()  # then no Chinese cue can occur: skip looking for them
    for kind, words in (("shall", SHALL_WORDS), ("may", MAY_WORDS)):
        for word in words:
            if plain and not word.isascii():
                continue
            at = text.find(word)
            while at >= 0:
                end = at + len(word)
                bounded = not word.isascii() or ((at == 0 or not text[at - 1].isalpha())
                                                 and (end == len(text) or not text[end].isalpha()))
                if bounded and not (word == "may" and text.startswith(NOT_MAY, at)):
                    out.append((end, len(word), kind))
                at = text.find(word, end)
    return out

