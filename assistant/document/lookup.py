"""Citation lookup: "Article 69", "art 59 para 3", "Art. 71(3)", "old Article 65", "第六十九条".

Every answer says honestly what the draft contains: the article's text, only a
renumbering, only a reference, or nothing at all.
"""

from __future__ import annotations

import re

from assistant.document.corpus import Article, Corpus, RenumberEntry, Unit, load
from assistant.document.lookup_records import CURRENT_LAW_ARTICLES, LookupResult, Query, unit_dicts
from assistant.document.numerals import CN_NUMERAL_CHARS, article_words_to_digits, chinese_to_int
from assistant.document.text import and_list
from assistant.document.vocabulary.versions import IN_FORCE_IN_QUESTION_RE

_CN = f"[{CN_NUMERAL_CHARS}\\d]+"
# 原 (original) marks the 2016 numbering; 现行 (currently in force) now marks the law in force (IN_FORCE below).
OLD_RE = re.compile(r"\b(?:old|former|original|previous|current[- ]law(?:'s)?|pre-amendment)\b|原", re.I)
# Whole tokens only: "1000059" is never read as 59, "h1" or "1,000" never as Article 1, "-1" keeps its sign.
_WHOLE = r"(?P<art>\d+)(?![\d.,]\d|\d)"
_SUB_NUM = r"\d{1,4}(?!\d)"
EN_QUERY_RE = re.compile(
    rf"(?:\b(?:article|arts?)\.?\s*(?P<sign>[-−]\s*)?|\ba\b\.?\s*|(?<![\w.,\-−])){_WHOLE}"
    rf"(?:\s*\((?P<paren>{_SUB_NUM})\))?"
    rf"(?:[\s,]*(?:paragraph|para|par|p|¶|§)\.?\s*(?P<para>{_SUB_NUM}))?"
    rf"(?:[\s,]*(?:item|i)\.?\s*\(?(?P<item>{_SUB_NUM})\)?)?", re.I)
# An explicit article reference ("Article 12", "art. -1", "第九十九条"), for telling absent articles apart.
NAMED_ARTICLE_RE = re.compile(r"\b(?:articles?|arts?)\b\.?\s*(?P<sign>[-−]\s*)?(?P<art>\d+)(?![\d.,]\d|\d)", re.I)
MARKUP_RE = re.compile(r"<[^<>]{0,500}>")
MAX_ARTICLE_DIGITS = 6
CN_QUERY_RE = re.compile(
    rf"第(?P<art>{_CN})条(?:第(?P<para>{_CN})款)?(?:第(?P<item>{_CN})项)?")


def article_number(token: str) -> int:
    """An article number as written ("59", "-1", "１２３４５６７") -> int; -1 when it has too many digits."""
    digits = token.lstrip("-−").strip()
    if len(digits) > MAX_ARTICLE_DIGITS:
        return -1
    return -int(digits) if token.startswith(("-", "−")) else int(digits)


def _cn_number(text: str | None) -> int | None:
    return chinese_to_int(text) if text else None


def parse_query(query: str) -> Query | None:
    """Read an article reference from free text (whole tokens, markup ignored); None when there is none."""
    query = article_words_to_digits(MARKUP_RE.sub(" ", query))
    old = bool(OLD_RE.search(query))
    in_force = not old and bool(IN_FORCE_IN_QUESTION_RE.search(query))
    if m := CN_QUERY_RE.search(query):
        try:
            return Query(chinese_to_int(m.group("art")), _cn_number(m.group("para")), _cn_number(m.group("item")),
                         old, m.group("art"), in_force)
        except ValueError:
            return Query(-1, None, None, old, m.group("art")[:40])
    if m := EN_QUERY_RE.search(query):
        token = (m.group("sign") or "").replace(" ", "") + m.group("art")
        para = m.group("paren") or m.group("para")
        item = m.group("item")
        return Query(article_number(token), int(para) if para else None, int(item) if item else None, old,
                     token[:40], in_force)
    return None


def named_articles(text: str) -> list[str]:
    """Article numbers the text names explicitly ("Article 12", "art -1", "第九十九条"), as written."""
    text = MARKUP_RE.sub(" ", article_words_to_digits(text))
    found = [(m.start(), (m.group("sign") or "").replace(" ", "") + m.group("art"))
             for m in NAMED_ARTICLE_RE.finditer(text)]
    found += [(m.start(), m.group("art")) for m in CN_QUERY_RE.finditer(text)]
    return [token for _, token in sorted(found)]


def article_exists(token: str, corpus: Corpus | None = None) -> bool:
    """Whether an article of this number is in the draft, referenced by it, or within the current law's range."""
    corpus = corpus or load()
    try:
        number = article_number(token) if token.lstrip("-−").isdigit() else chinese_to_int(token)
    except ValueError:
        return False
    key = str(number)
    return (key in corpus.articles or key in corpus.referenced or 1 <= number <= CURRENT_LAW_ARTICLES
            or any(e.old and e.old.article == key for e in corpus.renumbering))


def absent_articles(text: str, corpus: Corpus | None = None) -> list[str]:
    """Article numbers the text names that exist nowhere (neither in the draft nor in the current law)."""
    corpus = corpus or load()
    return list(dict.fromkeys(t for t in named_articles(text) if not article_exists(t, corpus)))


def _select_units(art: Article, q: Query) -> tuple[list[Unit], str | None]:
    """Units matching the query's paragraph/item, or an error note."""
    units = list(art.units)
    para, item = q.paragraph, q.item
    if para is not None and item is None and para > art.paragraph_count() and art.item_count() >= para:
        para, item = None, para  # "Art. 71(3)" on a one-paragraph article means item (3)
    if para is not None:
        units = [u for u in units if u.paragraph == para and (u.kind == "paragraph" or item)]
        if not units:
            return [], f"Article {art.number} has {art.paragraph_count()} paragraph(s); there is no paragraph {para}."
    if item is not None:
        units = [u for u in art.units if u.item == item]
        if not units:
            return [], f"Article {art.number} has {art.item_count()} numbered item(s); there is no item ({item})."
    return units, None


def _moved_note(corpus: Corpus, number: str, entries: list[RenumberEntry] | None = None) -> str:
    """Where the current law's article of this number went, as far as the draft says."""
    if entries is None:
        entries = [e for e in corpus.renumbering if e.old and e.old.article == number]
    if not entries:
        return ""
    parts = [f"{e.old.label()} of the 2016 law → Article {e.new} of the draft ({e.note}, amendment item "
             f"{e.amendment_item})" for e in entries if e.old]
    return "In the 2016 law's numbering: " + "; ".join(parts) + "." + _in_force_note(number)


def _in_force_note(number: str) -> str:
    """Where the 2016 article is in the law in force: the Decision's item that moves it, else the shift by the
    articles it adds (imported here: the lookup commands stay light until an old number is asked for)."""
    from assistant.document import decision
    from assistant.document.alignment import current_to_adopted
    from assistant.document.refs import Ref

    adopted = current_to_adopted(Ref(number), decision.load())
    if adopted is None:
        return " The Decision does not say where it stands in the law in force."
    return f" In the law in force (since 1 January 2026) it is Article {adopted.article}."


def _found(corpus: Corpus, q: Query, query: str, art: Article) -> LookupResult:
    units, error = _select_units(art, q)
    if error:
        return LookupResult(query, "not_found", art.number, note=error)
    olds = ", ".join(r.label() for r in art.old) or None
    note = f"Article {art.number} of the draft: {art.note}."
    moved = _moved_note(corpus, art.number)
    if moved and art.change != "revised":
        note += " " + moved
    unit_id = units[0].id if len(units) == 1 else f"art{art.number}"
    return LookupResult(query, "found", art.number, olds, unit_id,
                        "\n\n".join(u.text for u in units), note, unit_dicts(units))


def _lookup_old(corpus: Corpus, q: Query, query: str) -> LookupResult:
    number = str(q.article)
    entries = [e for e in corpus.renumbering if e.old and e.old.article == number
               and (q.paragraph is None or e.old.paragraph in (None, q.paragraph))
               and (q.item is None or e.old.item in (None, q.item))]
    if not entries:
        return _unstated(corpus, number, query)
    targets = list(dict.fromkeys(e.new for e in entries if e.new))
    units = [u for t in targets for u in corpus.articles[t].units]
    note = _moved_note(corpus, number, entries)
    if number not in corpus.articles and not q.old:
        note += (f" The draft does not say which provision, if any, is numbered {number} after renumbering"
                 f" (only that “{corpus.residual_rule}”).")
    if len(targets) == 1 and not corpus.articles[targets[0]].text_included:
        note += f" The draft does not reproduce the text of Article {targets[0]}."
    return LookupResult(query, "old_number", targets[0] if len(targets) == 1 else None, number,
                        units[0].id if len(units) == 1 else None,
                        "\n\n".join(u.text for u in units), note, unit_dicts(units))


def _unstated(corpus: Corpus, number: str, query: str) -> LookupResult:
    if not 1 <= int(number) <= CURRENT_LAW_ARTICLES:
        return _not_found(corpus, number, query)
    note = (f"The draft does not state what happens to Article {number} of the 2016 law; "
            f"it says only that “{corpus.residual_rule}”.{_in_force_note(number)}")
    if number in corpus.referenced:
        note += " " + _referenced_note(corpus, number)
    return LookupResult(query, "not_in_document", None, number, note=note)


def _referenced_note(corpus: Corpus, number: str) -> str:
    where = ", ".join(corpus.unit(u).title for u in corpus.referenced[number])
    return (f"Article {number} of the Cybersecurity Law is referenced in the draft ({where}), "
            f"but its text is not included in this document.")


def _not_found(corpus: Corpus, number: str, query: str) -> LookupResult:
    if not number.lstrip("-−").isdigit():
        return LookupResult(query, "not_found", note=(
            f"“{number}” is not a well-formed article number (write 第六十九条 or Article 69), and no such "
            "article is in this document."))
    return LookupResult(query, "not_found", note=(
        f"There is no Article {number} in this document, and the Cybersecurity Law has no article with that "
        f"number. The draft's amended or added articles are {and_list(corpus.revised_articles())}."))


def lookup(query: str, corpus: Corpus | None = None) -> LookupResult:
    """Resolve a citation query against the draft, or against the law in force when the query names it."""
    corpus = corpus or load()
    q = parse_query(query)
    if q is None:
        return LookupResult(query, "unparsed", note=(
            "No article number found. Try “Article 69”, “art 59 para 3”, “Art. 71(3)”, "
            "“old Article 65” or “第六十九条”."))
    if not 1 <= q.article <= 10 ** MAX_ARTICLE_DIGITS:
        return _not_found(corpus, str(q.article) if q.article > 0 else q.token or str(q.article), query)
    number = str(q.article)
    art = corpus.articles.get(number)
    if q.in_force:
        from assistant.document.lookup_in_force import lookup_in_force  # the Decision, parsed only when asked

        return lookup_in_force(q, query)
    if q.old:
        return _lookup_old(corpus, q, query)
    if art is not None and art.text_included:
        return _found(corpus, q, query, art)
    if art is not None:
        note = art.note + (" " + _moved_note(corpus, number) if _moved_note(corpus, number) else "")
        old = art.old[0].label() if art.old else None
        return LookupResult(query, "renumbered_only", number, old, note=note)
    if any(e.old and e.old.article == number for e in corpus.renumbering):
        return _lookup_old(corpus, q, query)
    if number in corpus.referenced:
        return LookupResult(query, "referenced", None, note=_referenced_note(corpus, number))
    return _unstated(corpus, number, query)
