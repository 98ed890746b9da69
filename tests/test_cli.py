import json

from assistant.cli.main import main


def test_bands_json(capsys):
    assert main(["bands", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 19
    keys = {"article", "paragraph", "kind", "subject", "tier", "min", "max", "basis", "mandatory", "condition", "quote"}
    assert keys <= set(rows[0])
    assert isinstance(rows[0]["article"], str) and isinstance(rows[0]["paragraph"], int)
    p3 = [r for r in rows if r["unit_id"] == "art59.p3"]
    assert all(r["applied_by"][0]["article"] == "64" for r in p3)


def test_bands_text_mentions_draft_status(capsys):
    assert main(["bands", "--article", "67"]) == 0
    out = capsys.readouterr().out
    assert "not the law in force" in out and "1 to 10 times the procurement amount" in out


def test_lookup_json(capsys):
    assert main(["lookup", "--json", "art", "59", "para", "3"]) == 0
    data = json.loads(capsys.readouterr().out)
    for key in ("query", "article", "old_number", "unit_id", "text", "note"):
        assert key in data
    assert data["unit_id"] == "art59.p3"


def test_lookup_unknown_exits_2(capsys):
    assert main(["lookup", "Article 999"]) == 2
    assert "no Article 999" in capsys.readouterr().out
