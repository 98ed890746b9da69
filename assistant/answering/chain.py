"""The answering chain: condense -> retrieve -> prompt -> model -> citations -> check -> Answer.

The model is the grounded composer, called directly, or any LangChain chat model,
run as the LangChain chain `prompt | model` (LangChain is imported only then). The
gate at the end is the product's promise: an answer whose
numbers are not all verified is never shown as fact. A generative model gets
one repair round; after that the grounded composer answers, with a notice.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace

from assistant.answering import adopted, scope
from assistant.answering.citations import render_and_collect
from assistant.answering.condense import condense, split_followup
from assistant.answering.grounded import GroundedComposer, Model
from assistant.answering.prompts import refusal
from assistant.answering.records import Answer
from assistant.checking import checker
from assistant.checking.checker import CheckReport
from assistant.document.corpus import Corpus, load
from assistant.document.kinds import RefusalReason, Verdict, Version
from assistant.document.lookup import absent_articles, named_articles
from assistant.document.vocabulary import ANCHOR
from assistant.retrieval.search import Hit, Retriever

Turn = dict[str, str]
# Cosine similarity of the best passage below which a question is taken as unrelated to the document.
UNRELATED_BELOW = 0.2


@dataclass
class _State:
    question: str
    history: list[Turn]
    standalone: str = ""
    decision: scope.ScopeDecision | None = None
    hits: list[Hit] | None = None
    draft: str = ""
    refused: bool = False
    model_error: str = ""
    absent: list[str] = field(default_factory=list)  # article numbers named that exist nowhere
    fault: str = ""  # why dense retrieval was unavailable for this question


class Assistant:
    """One loaded assistant: a retriever and a chat model. Thread-safe for concurrent `ask` calls."""

    def __init__(self, retriever: Retriever, model: Model, backend: str, top_k: int = 6,
                 corpus: Corpus | None = None) -> None:
        self.retriever, self.model, self.backend, self.top_k = retriever, model, backend, top_k
        self.corpus = corpus or load()
        self.generative = not isinstance(model, GroundedComposer)
        self._grounded = model if isinstance(model, GroundedComposer) else GroundedComposer()

    # -- steps -------------------------------------------------------------------------------
    def _prepare(self, state: _State) -> _State:
        state.question = scope.normalise(state.question)
        state.standalone = condense(state.question, state.history, self.corpus)
        own, carried = split_followup(state.standalone)
        state.decision = scope.decide(own, carried)
        state.absent = absent_articles(own, self.corpus)
        if state.absent and not state.decision.refuse and all(t in state.absent for t in named_articles(own)):
            state.decision = scope.ScopeDecision(True, RefusalReason.NO_SUCH_ARTICLE, state.decision.injection)
        return state

    def _retrieve(self, state: _State) -> _State:
        if state.decision and (state.decision.refuse or _about_adopted(state)):
            state.hits = []
            return state
        found = self.retriever.search_scored(state.standalone, k=self.top_k)
        state.hits, state.fault = found.hits, found.fault
        if state.decision and self._unrelated(state, found.best):
            state.decision = scope.ScopeDecision(True, RefusalReason.UNRELATED, state.decision.injection)
            state.hits = []
        return state

    def _unrelated(self, state: _State, best_similarity: float | None) -> bool:
        """Nothing routed and nothing similar: the document does not cover the question. A question whose own
        words name the document's subject is in scope whatever its similarity (measured: similarity alone does
        not separate in-scope from unrelated questions that mention fines); the gate guards follow-ups that borrow
        their subject from earlier turns."""
        if any(h.via == "route" for h in state.hits or []) or ANCHOR.search(split_followup(state.standalone)[0]):
            return False
        if best_similarity is None:
            return not state.hits
        return best_similarity < UNRELATED_BELOW

    def _generate(self, state: _State) -> _State:
        if _about_adopted(state):
            return state  # answered from the Decision in _finish
        if state.decision and state.decision.refuse:
            detail = state.decision.detail
            state.draft = refusal(RefusalReason.REFERENCED, text=detail) if detail else refusal(state.decision.reason)
            state.refused = True
            return state
        try:
            state.draft, state.refused = self._run_model(self.model, state)
        except Exception as exc:  # noqa: BLE001 - a backend that is down must not take the answer with it
            state.model_error = f"{type(exc).__name__}: {str(exc)[:200]}"
            state.draft, state.refused = self._run_model(self._grounded, state)
        return state

    def _run_model(self, model: Model, state: _State) -> tuple[str, bool]:
        if isinstance(model, GroundedComposer):
            text, refused = model.answer(state.standalone, [h.unit.id for h in state.hits or []])
        else:
            from assistant.answering import generation  # LangChain: imported only for a generative backend

            text, refused = generation.generate(model, state.hits or [], state.standalone)
        return (refusal(RefusalReason.REFERENCED, text=text) if refused else text), refused

    # -- finishing ---------------------------------------------------------------------------
    def _finish(self, state: _State, started: float) -> Answer:
        if _about_adopted(state):  # the law in force: the adopted-law answerer, checked against the adopted bands
            answer = adopted.answer(state.question, self.backend, state.standalone)
            ignored = ("Instructions inside the question were ignored; the answer rests only on the document.",)
            return replace(answer, notices=ignored if state.decision and state.decision.injection else ())
        retrieved = tuple(h.unit.id for h in state.hits or [])
        answer, report = self._checked(state.draft, state, retrieved, grounded=not self.generative)
        notices: list[str] = []
        if state.model_error:
            notices.append(f"The {self.backend} backend failed ({state.model_error}); the answer below is composed "
                           "directly from the text instead.")
        if state.fault:
            notices.append(f"Dense (semantic) search was unavailable ({state.fault}); this answer rests on the "
                           "lexical (BM25) search and named-article routing only, and its figures are still checked.")
        if state.absent:
            notices.append("No " + " or ".join(f"Article {t}" if t.lstrip("-").isdigit() else f"第{t}条"
                                               for t in state.absent[:5])
                           + " exists in this document or in the Cybersecurity Law.")
        if state.decision and state.decision.injection:
            notices.append("Instructions inside the question were ignored; the answer rests only on the document.")
        if not report.ok and self.generative and not state.model_error:
            try:
                answer, report = self._repair(state, answer, report, retrieved)
            except Exception as exc:  # noqa: BLE001 - the repair round is best effort
                state.model_error = f"{type(exc).__name__}: {str(exc)[:200]}"
            if report.ok:
                notices.append("The model's first answer had figures that did not match the text; it was corrected.")
        if not report.ok and self.generative:
            notices.append(_fallback_notice(report))
            text, refused = self._run_model(self._grounded, state)
            state.refused = state.refused or refused
            answer, report = self._checked(text, state, retrieved, grounded=True)
        if not report.ok:  # last resort: remove what is still unverified, keep the citations
            notices.append(f"Removed {len(report.problems())} figure(s) that could not be verified against the text.")
            text = _strip_unverified(answer.text, report)
            report = checker.check_answer(text, question=state.standalone, cited=[c.unit_id for c in answer.citations])
            answer = replace(answer, text=text, check=report.as_dict())
        if state.decision and state.decision.version is None and not state.refused:
            notices += [n for n in [adopted.note_for_draft_answer([c.unit_id for c in answer.citations])] if n]
        return replace(answer, notices=tuple(notices) + answer.notices, ok=report.ok, refused=state.refused,
                       latency_ms=(time.perf_counter() - started) * 1000)

    def _checked(self, text: str, state: _State, retrieved: tuple[str, ...],
                 grounded: bool = False) -> tuple[Answer, CheckReport]:
        """Render citations, check every number. The grounded composer may cite any unit it drew from the band
        table or the renumbering map; those units join the retrieved context."""
        rendered, citations, dropped = render_and_collect(text, retrieved, self.corpus, state.refused or grounded)
        if grounded:
            retrieved = tuple(dict.fromkeys(retrieved + tuple(c.unit_id for c in citations)))
        cited = [c.unit_id for c in citations]
        report = checker.check_answer(rendered, question=state.standalone, cited=cited)
        notices = (f"Dropped citations not supported by the retrieved passages: {', '.join(dropped)}.",) \
            if dropped else ()
        answer = Answer(state.question, rendered, tuple(citations), retrieved, report.as_dict(), report.ok,
                        state.refused, self.backend, notices, state.standalone, 0.0, tuple(dropped))
        return answer, report

    def _repair(self, state: _State, answer: Answer, report: CheckReport,
                retrieved: tuple[str, ...]) -> tuple[Answer, CheckReport]:
        findings = "\n".join(f"- {c['text']}: {c['verdict']}" + (f"; the text says {c['correction']}"
                                                                 if c.get("correction") else "")
                             for c in report.as_dict()["claims"] if c["verdict"] != Verdict.VERIFIED)
        assert not isinstance(self.model, GroundedComposer)  # only a generative model is repaired
        from assistant.answering import generation

        text = generation.repair(self.model, state.hits or [], state.standalone, findings, answer.text)
        return self._checked(text, state, retrieved)

    # -- public ------------------------------------------------------------------------------
    def ask(self, question: str, history: Sequence[Turn] | None = None) -> Answer:
        """Answer one question; raises QuestionError for unusable input."""
        started = time.perf_counter()
        state = self._retrieve(self._prepare(_State(question, scope.check_history(history))))
        return self._finish(self._generate(state), started)

    def stream(self, question: str, history: Sequence[Turn] | None = None) -> Iterator[str | Answer]:
        """Yield the model's raw text chunks as they come, then the checked Answer (what is displayed)."""
        started = time.perf_counter()
        state = self._retrieve(self._prepare(_State(question, scope.check_history(history))))
        if (state.decision and state.decision.refuse) or _about_adopted(state) \
                or isinstance(self.model, GroundedComposer):
            state = self._generate(state)
        else:
            from assistant.answering import generation

            parts: list[str] = []
            try:
                for chunk in generation.stream(self.model, state.hits or [], state.standalone):
                    parts.append(chunk)
                    yield chunk
                state.draft = "".join(parts)
            except Exception as exc:  # noqa: BLE001 - a backend that is down must not take the answer with it
                state.model_error = f"{type(exc).__name__}: {str(exc)[:200]}"
                state.draft, state.refused = self._run_model(self._grounded, state)
        yield self._finish(state, started)


def _about_adopted(state: _State) -> bool:
    """The question reads as being about the law in force (or its difference from the draft)."""
    return bool(state.decision and not state.decision.refuse and state.decision.version is Version.ADOPTED)


def _fallback_notice(report: CheckReport) -> str:
    bad = [c.claim.text for c in report.problems()]
    return ("The generated answer contained figures that could not be verified against the text "
            f"({', '.join(bad[:5])}); the answer below is composed directly from the text instead.")


def _strip_unverified(text: str, report: CheckReport) -> str:
    """Last resort: mark any claim that is still not verified, so it is never shown as fact."""
    for c in sorted(report.problems(), key=lambda c: -c.claim.start):
        text = text[: c.claim.start] + "[a figure not supported by the text was removed]" + text[c.claim.end:]
    return text
