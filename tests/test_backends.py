"""Backends by name, and the openai backend against a local OpenAI-compatible stub server (no network)."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from assistant.answering.grounded import GroundedComposer, read_prompt
from assistant.backends import BackendUnavailable, availability, get_chat_model
from assistant.service import build_assistant
from tests.services import free_port

QUESTION = "What fines apply for massive data leakage?"


class _Stub(BaseHTTPRequestHandler):
    reply = "ok"
    status = 200

    def do_POST(self):  # noqa: N802 - http.server's naming
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        body = self.reply if isinstance(self.reply, bytes) else json.dumps({
            "id": "x", "object": "chat.completion", "created": 0, "model": "stub",
            "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": self.reply}}],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}).encode()
        self.send_response(self.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def stub(monkeypatch):
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), _Stub)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("CSL_OPENAI_BASE_URL", f"http://127.0.0.1:{server.server_port}/v1")
    monkeypatch.setenv("CSL_OPENAI_MODEL", "stub")
    yield _Stub
    server.shutdown()


def test_registry_and_availability():
    assert isinstance(get_chat_model("grounded"), GroundedComposer)
    with pytest.raises(ValueError, match="unknown backend"):
        get_chat_model("nope")
    avail = availability()
    assert avail["grounded"] is None and set(avail) == {"grounded", "smollm2", "ollama", "openai"}


def test_unconfigured_server_backends_say_how_to_fix(monkeypatch):
    monkeypatch.delenv("CSL_OLLAMA_MODEL", raising=False)
    monkeypatch.delenv("CSL_OPENAI_BASE_URL", raising=False)
    for name in ("ollama", "openai"):
        with pytest.raises(BackendUnavailable):
            get_chat_model(name)


def test_grounded_reads_its_prompt():
    question, ids = read_prompt("Context passages:\n\n[art59.p3] Article 59\ntext\n\n[expl.1] E\nx\n\nQuestion: why?")
    assert question == "why?" and ids == ["art59.p3", "expl.1"]


def test_openai_backend_through_the_chain(stub, retriever):
    stub.reply, stub.status = ("Under [art59.p3] a fine of 500,000 to 2,000,000 yuan shall be imposed for serious "
                               "cybersecurity consequences such as massive data leakage."), 200
    answer = build_assistant("openai", retriever=retriever).assistant.ask(QUESTION)
    assert answer.backend == "openai" and answer.ok and answer.text.startswith("Under [Art. 59(3)]")


def test_openai_wrong_figures_fall_back_to_grounded(stub, retriever):
    stub.reply, stub.status = "The fine under [art59.p3] is 9,999 yuan.", 200
    answer = build_assistant("openai", retriever=retriever).assistant.ask(QUESTION)
    assert answer.ok and "9,999" not in answer.text and "500,000 to 2,000,000 yuan" in answer.text


@pytest.mark.parametrize("reply,status", [(b"<html>garbage", 200), (b"{}", 500)])
def test_backend_errors_fall_back_with_a_notice(stub, retriever, reply, status):
    stub.reply, stub.status = reply, status
    answer = build_assistant("openai", retriever=retriever).assistant.ask(QUESTION)
    assert answer.ok and "500,000 to 2,000,000 yuan" in answer.text
    assert any("backend failed" in n for n in answer.notices)


def test_unreachable_server_falls_back(monkeypatch, retriever):
    monkeypatch.setenv("CSL_OPENAI_BASE_URL", f"http://127.0.0.1:{free_port()}/v1")
    answer = build_assistant("openai", retriever=retriever).assistant.ask(QUESTION)
    assert answer.ok and any("backend failed" in n for n in answer.notices)
