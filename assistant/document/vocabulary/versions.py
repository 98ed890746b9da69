"""Which version a sentence speaks of: the draft, or the law in force (the adopted Decision).

Questions and answers say it differently, so each has its own named list here, beside the other:
- a question names the law in force loosely: "2026", "the final version", "decision of the NPC", and a
  question about a date of effect is about the law in force (the Decision states the date);
- an answer line is read strictly by the checker (`checking/versioned.py`): only phrases that put a
  figure under the law in force ("under the law in force", "as amended"), since a bare "2026" or
  "decision" in an answer is not a claim about which text a figure comes from.
The draft likewise: an answer may quote the draft's own title (征求意见稿), a question just says "draft".
"""

from __future__ import annotations

import re

IN_FORCE_IN_QUESTION_RE = re.compile(
    r"\b(?:adopted|enacted|final (?:version|law|text|amendment)|as passed|passed (?:law|version)|in force now|"
    r"currently in force|law in force|in force|in force today|now in force|in force since|in force from|"
    r"october 2025|oct\.? 2025|2026|as amended in 2025|current version of the law|decision of the npc|"
    r"npc standing committee decision|presidential order|"
    # "in effect" as the law's state, and the law named by its amendment ("the amended Cybersecurity Law")
    r"(?:now|currently|presently) in effect|in effect (?:now|today|since|from)|law (?:now |currently )?in effect|"
    r"amended (?:cybersecurity )?law|(?:cybersecurity )?law as amended|revised (?:cybersecurity )?law)\b"
    r"|正式通过|最终通过|2026年|现行|修改后的|修订后的|新修订的|新修改的|施行的|决定|主席令|生效的", re.I)
EFFECTIVE_RE = re.compile(
    r"\b(?:effective date|take effect|takes effect|come into (?:force|effect)|comes into (?:force|effect)|"
    r"enter into force|start to apply|apply from|when will|in effect yet|effective yet)\b"
    r"|生效|施行日期|何时施行|起施行", re.I)
DRAFT_IN_QUESTION_RE = re.compile(r"\bdraft\b|草案", re.I)

IN_FORCE_IN_ANSWER_RE = re.compile(
    r"\b(?:law in force|in force (?:now|today|since)|currently in force|adopted (?:law|text|amendment|version)|"
    r"as adopted|as amended|amended law|final (?:law|text|version)|as passed|enacted)\b"
    r"|现行|施行的|修改后的|通过的决定|正式通过", re.I)
DRAFT_IN_ANSWER_RE = re.compile(r"\bdraft\b|草案|征求意见稿", re.I)
