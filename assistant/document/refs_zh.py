"""Article, paragraph and item references in Chinese legal text (第六十一条第三款, 第四十三条至第四十五条).

The Decision cites the law as amended in these shapes; the alignment pairs them with
the draft's English references, so both sides come out as the same `Ref` records.
Numerals go through `cn2an` (strict mode raises on anything that is not a numeral).
"""

from __future__ import annotations

import re

import cn2an

from assistant.document.refs import Ref

_NUM = r"[零一二三四五六七八九十百]+"
ZH_REF_RE = re.compile(rf"第(?P<art>{_NUM})条(?:第(?P<para>{_NUM})款)?(?:第(?P<item>{_NUM})项)?")
_RANGE_JOIN = "至"


def zh_int(numeral: str) -> int:
    """一 -> 1, 六十九 -> 69, 五十万 -> 500000; raises ValueError on anything else."""
    return int(cn2an.cn2an(numeral, "strict"))


def _ref(m: re.Match) -> Ref:
    para, item = m.group("para"), m.group("item")
    return Ref(str(zh_int(m.group("art"))), zh_int(para) if para else None, zh_int(item) if item else None)


def find_zh_refs(text: str) -> list[Ref]:
    """Every 第X条(第Y款)(第Z项) reference in order; 'A至B' ranges of whole articles are expanded."""
    matches = list(ZH_REF_RE.finditer(text))
    out: list[Ref] = []
    for k, m in enumerate(matches):
        ref = _ref(m)
        prev = matches[k - 1] if k else None
        if prev and text[prev.end():m.start()] == _RANGE_JOIN and out and out[-1].paragraph is None:
            out.extend(Ref(str(n)) for n in range(int(out[-1].article) + 1, int(ref.article)))
        out.append(ref)
    return out


_RELATIVE_RE = re.compile(rf"前(?P<two>两)?款(?P<items>(?:第{_NUM}项、?)*)")


def relative_refs(text: str, article: str, paragraph: int) -> list[Ref]:
    """'前款' / '前两款' / '前款第一项、第二项' resolved against the paragraph that says them."""
    out: list[Ref] = []
    for m in _RELATIVE_RE.finditer(text):
        items = [zh_int(n) for n in re.findall(rf"第({_NUM})项", m.group("items"))]
        if items:
            out += [Ref(article, paragraph - 1, n) for n in items]
        else:
            back = 2 if m.group("two") else 1
            out += [Ref(article, paragraph - k) for k in range(back, 0, -1)]
    return out
