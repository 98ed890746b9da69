"""Routing: the units a question names explicitly ('Article 59(3)', 'old Article 65', '第六十九条').

Pure document logic (no index, no model): the follow-up condenser and the
retriever both use it, and importing it stays cheap.
"""

from __future__ import annotations

from assistant.document.corpus import Corpus, Unit
from assistant.document.lookup import CN_QUERY_RE, OLD_RE
from assistant.document.numerals import article_words_to_digits, chinese_to_int
from assistant.document.refs import Ref, find_refs


def route(question: str, corpus: Corpus) -> list[Unit]:
    """Units the question names explicitly: 'Article 59(3)', 'old Article 65', '第六十九条'.

    An article the draft only references ('Article 35') routes to the draft's units that cite it.
    """
    question = article_words_to_digits(question)
    old = bool(OLD_RE.search(question))
    refs = [r for m in find_refs(question) for r in m.refs]
    for m in CN_QUERY_RE.finditer(question):
        para, item = m.group("para"), m.group("item")
        try:
            refs.append(Ref(str(chinese_to_int(m.group("art"))), chinese_to_int(para) if para else None,
                            chinese_to_int(item) if item else None))
        except ValueError:  # a malformed numeral (九九) names no article
            continue
    units: list[Unit] = []
    for ref in refs:
        targets = [ref.article]
        entries = [e for e in corpus.renumbering if e.old and e.old.article == ref.article and e.new
                   and (ref.paragraph is None or e.old.paragraph in (None, ref.paragraph))]
        if old or ref.article not in corpus.articles:
            targets = [e.new for e in entries if e.new] + ([ref.article] if not old else [])
            units += [corpus.unit(f"amend.{e.amendment_item}") for e in entries]
        for number in dict.fromkeys(targets):
            units += _units_for(corpus, number, ref.paragraph if number == ref.article else None,
                                ref.item if number == ref.article else None)
        if not old and ref.article not in corpus.articles and ref.article in corpus.referenced:
            units += [corpus.unit(uid) for uid in corpus.referenced[ref.article]]
    return list(dict.fromkeys(units))


def _units_for(corpus: Corpus, number: str, paragraph: int | None, item: int | None) -> list[Unit]:
    art = corpus.articles.get(number)
    if art is None:
        return []
    if not art.text_included:
        return [corpus.unit(f"amend.{art.amendment_item}")]
    units = list(art.units)
    if item is not None or (paragraph and paragraph > art.paragraph_count()):
        wanted = item or paragraph
        units = [u for u in units if u.item == wanted] or units
    elif paragraph is not None:
        units = [u for u in units if u.paragraph == paragraph and u.kind == "paragraph"] or units
    return units
