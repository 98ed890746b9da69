from assistant.cli import run

run()
