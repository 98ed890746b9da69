"""View: the chat."""

from assistant.ui.chat import chat_view

chat_view()
