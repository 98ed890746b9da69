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


def test_bands_adopted_json_lists_every_adopted_band(capsys):
    from assistant.document.adopted_bands import table

    assert main(["bands", "--version", "adopted", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["id"], r["min"], r["max"], r["mandatory"]) for r in rows] == \
        [(b.id, b.min, b.max, b.mandatory) for b in table().bands]
    assert all(r["version"] == "adopted" for r in rows)
    assert {r["unit_id"] for r in rows if r["applied_by"]} == {"adopted.art61.p3", "adopted.art69.p1",
                                                               "adopted.art69.p2"}


def test_diff_59_shows_adopted_61_figure_by_figure(capsys):
    assert main(["diff", "59", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["adopted_articles"] == ["61"]
    assert [p["adopted_units"] for p in data["provisions"]] == [["adopted.art61.p1"], ["adopted.art61.p2"],
                                                                ["adopted.art61.p3"]]
    changed = [b for b in data["bands"] if b["status"] == "changed"]
    assert [(b["draft"]["id"], b["changes"]) for b in changed] == [
        ("art59.p3.f2", [{"field": "modality", "draft": "may", "adopted": "shall"}])]


def test_diff_text_and_unknown_article(capsys):
    assert main(["diff", "61"]) == 0
    out = capsys.readouterr().out
    assert "30,000 to 100,000 yuan -> adopted Art. 63(1) 20,000 to 100,000 yuan" in out
    assert "working translation" in out
    assert main(["diff", "12"]) == 2
