"""Writes the malformed PDFs of tests/bad_inputs/ (run from the project's root:
``python tests/make_bad_pdfs.py``). Each is made byte by byte here, small, with no PDF library,
so that what is wrong with it is exactly what its name says.
"""

from __future__ import annotations

import zlib
from pathlib import Path

OUT = Path(__file__).resolve().parent / "bad_inputs"
FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def pdf(objects: list[bytes], trailer_extra: bytes = b"") -> bytes:
    """A PDF whose object n (from 1) is objects[n - 1]; object 1 is the catalogue."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R " % (len(objects) + 1) + trailer_extra + b">>\n"
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def text_page(lines: list[str]) -> bytes:
    """Content that writes each line in 10-point Helvetica, down the page."""
    ops = [b"BT /F1 10 Tf 72 720 Td 14 TL"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(b"(" + escaped.encode("latin-1") + b") Tj T*")
    ops.append(b"ET")
    return b"\n".join(ops)


def one_page(content: bytes, resources: bytes = b"<< /Font << /F1 4 0 R >> >>") -> list[bytes]:
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources %s /Contents 5 0 R >>" % resources,
        FONT,
        stream(content),
    ]


def not_a_resolution() -> bytes:
    return pdf(one_page(text_page(["Minutes of the meeting of the garden club", "Present: all members."])))


def scanned() -> bytes:
    """One page that is an image (a grey square), with no text: what a scanner makes."""
    image = stream(
        b"\x80" * 16,
        b"/Type /XObject /Subtype /Image /Width 4 /Height 4 /ColorSpace /DeviceGray /BitsPerComponent 8 ",
    )
    objects = one_page(b"q 500 0 0 700 50 50 cm /Im1 Do Q", b"<< /XObject << /Im1 6 0 R >> >>")
    return pdf([*objects, image])


def encrypted() -> bytes:
    """Encrypted with the standard handler and a user password that is not empty."""
    encrypt = b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -44 >>" % (b"ab" * 32, b"cd" * 32)
    objects = [*one_page(text_page(["Secret"])), encrypt]
    return pdf(
        objects,
        b"/Encrypt 6 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>] ",
    )


def truncated() -> bytes:
    """A good PDF cut off in the middle of its first page's content, without its end."""
    whole = not_a_resolution()
    return whole[: whole.index(b"stream\n") + 20]


def corrupt() -> bytes:
    return b"%PDF-1.7\n" + bytes(range(256)) * 4


def too_many_pages(count: int = 301) -> bytes:
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
        FONT,
        stream(text_page(["Page"])),
    ]
    page = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792]"
        b" /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
    )
    return pdf(objects + [page] * count)


def expanding_stream(gibibytes: int = 4) -> bytes:
    """A page whose content stream is a few kilobytes, deflated twice, and gibibytes inflated."""
    inner = zlib.compressobj(9)
    chunk = b" " * (1 << 24)
    parts = [inner.compress(chunk) for _ in range(gibibytes * 64)]
    once = b"".join(parts) + inner.flush()
    twice = zlib.compress(once, 9)
    content = stream(twice, b"/Filter [/FlateDecode /FlateDecode] ")
    objects = one_page(b"")
    objects[4] = content
    return pdf(objects)


CASES = {
    "pdf_not_a_resolution.pdf": not_a_resolution,
    "pdf_scanned_no_text_layer.pdf": scanned,
    "pdf_encrypted.pdf": encrypted,
    "pdf_truncated.pdf": truncated,
    "pdf_corrupt.pdf": corrupt,
    "pdf_too_many_pages.pdf": too_many_pages,
    "pdf_expanding_stream.pdf": expanding_stream,
}


if __name__ == "__main__":
    for name, make in CASES.items():
        data = make()
        (OUT / name).write_bytes(data)
        print(f"{name}: {len(data)} bytes")
