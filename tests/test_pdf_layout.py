"""How the PDF reader lays out lines it is given: furniture, hyphens, leads, markers, headings.
Lines are made here, as pdf_text makes them from a page, so that each rule is seen alone."""

from __future__ import annotations

from build_scripts.reading.pdf_layout import layout
from build_scripts.reading.pdf_text import Line, Page, Span

BODY = 10.0


def line(text: str | list[Span], top: float, x0: float = 123.0, size: float = BODY, page: int = 1) -> Line:
    spans = tuple(text) if isinstance(text, list) else (Span(text, False, False, False),)
    return Line(page, 0, x0, 488.0, top, top + size, size, spans)


def plain(text: str) -> Span:
    return Span(text, False, False, False)


def italic(text: str) -> Span:
    return Span(text, False, True, False)


def raised(text: str) -> Span:
    return Span(text, False, False, True)


def pages(*lines_by_page: list[Line]) -> list[Page]:
    out = []
    for number, lines in enumerate(lines_by_page, start=1):
        numbered = tuple(
            Line(number, i, ln.x0, ln.x1, ln.top, ln.bottom, ln.size, ln.spans)
            for i, ln in enumerate(lines, 1)
        )
        out.append(Page(number, 612.0, 792.0, numbered))
    return out


def body_lines(count: int, start: float = 300.0) -> list[Line]:
    """Plain paragraphs that make 10 points the body size and 123 the margin."""
    return [
        line(f"Filler paragraph {i} of the body text, long enough.", start + 18 * i) for i in range(count)
    ]


def test_geneva_job_number_bare_page_number_and_symbol_head_are_furniture() -> None:
    first = [*body_lines(6), line("GE.23-14520(E)", 750.0)]
    second = [line("A/HRC/RES/53/9", 60.0, page=2), *body_lines(6), line("2", 757.0, page=2)]
    result = layout(pages(first, second))
    kinds = [(r.location, r.kind) for r in result.removed]
    assert ("page 1, line 7", "job number") in kinds
    assert ("page 2, line 1", "running head") in kinds
    assert ("page 2, line 8", "page number") in kinds
    assert "GE.23" not in result.text and "A/HRC/RES/53/9" not in result.text


def test_text_at_the_foot_in_the_body_size_is_kept() -> None:
    result = layout(pages([*body_lines(6), line("Adopted without a vote.", 750.0)]))
    assert "Adopted without a vote." in result.text
    assert result.removed == []


def test_hyphen_at_a_line_end_joins_without_space_but_a_suspended_one_keeps_it() -> None:
    first = line("to the Special Representative of the Secretary-", 300.0)
    second = line("General and to a gender-", 312.0)
    third = line("and age-sensitive approach,", 324.0)
    text = layout(pages([*body_lines(4, 100.0), first, second, third])).text
    assert "Secretary-General and to a gender- and age-sensitive approach," in text


def test_italic_opening_words_are_the_lead_and_raised_digits_are_markers() -> None:
    paragraph = line(
        [plain("1."), italic(" Decides"), plain(" to act, as noted "), raised("12"), plain(";")], 300.0
    )
    assert "1. *Decides* to act, as noted¹²;" in layout(pages([*body_lines(4, 100.0), paragraph])).text


def test_an_italic_heading_is_marked_but_the_closing_set_to_the_right_is_not() -> None:
    heading = line([italic("Partnerships and support mechanisms")], 300.0)
    closing = [
        line([italic("50th plenary meeting")], 400.0, x0=397.0),
        line([italic("19 December 2023")], 412.0, x0=407.0),
    ]
    text = layout(pages([*body_lines(4, 100.0), heading, *closing])).text
    assert "\n*Partnerships and support mechanisms*\n" in text
    assert "\n50th plenary meeting\n19 December 2023\n" in text


def test_a_paragraph_cut_by_a_page_break_is_one_block_with_both_places() -> None:
    first = [
        *body_lines(4, 100.0),
        line([italic("Recalling"), plain(" the report of the")], 700.0, x0=147.0),
    ]
    second = [line("Human Rights Council,", 84.0, page=2), *body_lines(2, 120.0)]
    result = layout(pages(first, second))
    assert "*Recalling* the report of the\nHuman Rights Council," in result.text
    numbers = {loc: n for n, loc in result.locations.items()}
    assert numbers["page 2, line 1"] == numbers["page 1, line 5"] + 1
