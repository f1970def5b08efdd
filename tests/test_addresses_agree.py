"""One address per paragraph: the page, the Akoma Ntoso, the search, the JSON and the manifest agree."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.etree
import lxml.html
import pytest
from conftest import ROOT, SOURCE

from build_scripts.config import load_config
from build_scripts.downloads.akn import NS
from build_scripts.parsing.parse import parse_file

RESOLUTION, _ = parse_file(SOURCE, "resolution")
ADDRESSES = [p.address for p in RESOLUTION.paragraphs()] + [n.address for n in RESOLUTION.footnotes]
STEM = f"downloads/{SOURCE.stem}"


@pytest.fixture(scope="module")
def sources(built_site: Path) -> dict:
    html = lxml.html.parse(str(built_site / "text" / "index.html")).getroot()
    akn = lxml.etree.parse(str(built_site / f"{STEM}.akn.xml")).getroot()
    search = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    data = json.loads((built_site / f"{STEM}.json").read_text(encoding="utf-8"))
    manifest = json.loads((ROOT / "published-anchors.json").read_text(encoding="utf-8"))
    return {"html": html, "akn": akn, "search": search["docs"], "json": data, "manifest": manifest}


def json_paragraphs(data: dict) -> dict[str, dict]:
    found: dict[str, dict] = {}

    def visit(items: list[dict]) -> None:
        for item in items:
            found[item["id"]] = item
            visit(item.get("items", []))

    for part in ("preamble", "operative"):
        visit(data[part])
    for annex in data.get("annexes", []):
        visit(annex.get("paragraphs", []))
    return found


def test_every_paragraph_and_footnote_is_counted() -> None:
    assert len(ADDRESSES) == 26 + 19 + 29 + 4


@pytest.mark.parametrize("address", ADDRESSES, ids=lambda a: a.id)
def test_page_search_manifest_and_data_use_the_same_address(address, sources: dict) -> None:
    assert len(sources["html"].xpath("//*[@id=$id]", id=address.id)) == 1
    entries = [doc for doc in sources["search"] if doc["location"] == address.location]
    assert [doc["title"] for doc in entries] == [address.title]
    assert sources["manifest"]["anchors"]["text/"][address.id]["name"] == address.name
    if address.eid is not None:  # paragraphs (footnotes are notes in Akoma Ntoso)
        assert len(sources["akn"].xpath("//akn:*[@eId=$eid]", eid=address.eid, namespaces={"akn": NS})) == 1
        record = json_paragraphs(sources["json"])[address.id]
        assert record["eid"] == address.eid
        assert record["url"] == load_config(ROOT).address.link(address.location, f"{STEM}.json")
