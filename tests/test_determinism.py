"""Two builds of the same project are byte-identical; the build date reaches only the sitemap.

MkDocs takes the date of ``sitemap.xml`` (``<lastmod>``) and the mtime in the header of
``sitemap.xml.gz`` from SOURCE_DATE_EPOCH when it is set (else from today, at midnight UTC):
two builds on the same day match, builds on different days differ in those two files only. A
site whose address is not known yet has no sitemap: the date reaches none of its files.
"""

from __future__ import annotations

import datetime
import struct
from pathlib import Path

import pytest
from conftest import PUBLISHED_URL, SOURCE_DATE_EPOCH, build_site, build_with_site_url

EPOCH = int(SOURCE_DATE_EPOCH)


def tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def differences(a: dict[str, bytes], b: dict[str, bytes]) -> list[str]:
    lines = [f"only in one build: {name}" for name in sorted(a.keys() ^ b.keys())]
    for name in sorted(a.keys() & b.keys()):
        if a[name] != b[name]:
            at = next((i for i, (x, y) in enumerate(zip(a[name], b[name], strict=False)) if x != y), None)
            at = min(len(a[name]), len(b[name])) if at is None else at
            lines.append(
                f"{name}: differs from byte {at}: {a[name][at : at + 40]!r} / {b[name][at : at + 40]!r}"
            )
    return lines


def build_on(destination: Path, epoch: int) -> None:
    result = build_site(destination, env={"SOURCE_DATE_EPOCH": str(epoch)})
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def first(built_site: Path) -> dict[str, bytes]:
    """The test run's build (in its own process); the others here are built by the command."""
    return tree(built_site)


def test_two_builds_are_byte_identical(first: dict[str, bytes], tmp_path: Path) -> None:
    result = build_site(tmp_path / "second")
    assert result.returncode == 0, result.stderr
    second = tree(tmp_path / "second")
    assert len(first) > 20
    assert not differences(first, second), "\n".join(differences(first, second))


def test_sitemap_gzip_header_holds_the_source_date_not_the_clock(published_site: Path) -> None:
    first = tree(published_site)
    header = first["sitemap.xml.gz"][:10]
    assert header[:3] == b"\x1f\x8b\x08"
    (mtime,) = struct.unpack("<I", header[4:8])
    assert mtime == EPOCH  # MkDocs: the pages' update date, from SOURCE_DATE_EPOCH
    assert (
        f"<lastmod>{datetime.datetime.fromtimestamp(EPOCH, datetime.UTC):%Y-%m-%d}</lastmod>".encode()
        in first["sitemap.xml"]
    )


def test_build_date_reaches_only_the_sitemap(published_site: Path, tmp_path: Path) -> None:
    later = build_with_site_url(tmp_path, PUBLISHED_URL, str(EPOCH + 3 * 86400))
    changed = {line.split(":")[0] for line in differences(tree(published_site), tree(later))}
    assert changed == {"sitemap.xml", "sitemap.xml.gz"}


def test_build_date_reaches_no_file_of_a_site_without_an_address(
    first: dict[str, bytes], tmp_path: Path
) -> None:
    build_on(tmp_path / "later", EPOCH + 3 * 86400)
    assert not differences(first, tree(tmp_path / "later"))
