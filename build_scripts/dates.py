"""Dates as the UN prints them ("12 July 2023", "19 June–14 July 2023") to ISO strings."""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    name: index
    for index, name in enumerate(
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
        start=1,
    )
}
DATE = r"\d{1,2} (?:" + "|".join(MONTHS) + r") \d{4}"
RANGE = re.compile(
    r"(?P<d1>\d{1,2})(?: (?P<m1>[A-Z][a-z]+))?(?: (?P<y1>\d{4}))?\s*[–-]\s*"
    r"(?P<d2>\d{1,2}) (?P<m2>[A-Z][a-z]+) (?P<y2>\d{4})"
)


def iso_date(text: str) -> str | None:
    """``12 July 2023`` -> ``2023-07-12``; None if it is not such a date."""
    match = re.fullmatch(r"(\d{1,2}) ([A-Z][a-z]+) (\d{4})", text.strip())
    if not match or match[2] not in MONTHS:
        return None
    try:
        return date(int(match[3]), MONTHS[match[2]], int(match[1])).isoformat()
    except ValueError:
        return None


def iso_range(text: str) -> tuple[str, str] | None:
    """``19 June–14 July 2023`` -> (``2023-06-19``, ``2023-07-14``)."""
    match = RANGE.fullmatch(text.strip())
    if not match:
        return None
    end = iso_date(f"{match['d2']} {match['m2']} {match['y2']}")
    start = iso_date(f"{match['d1']} {match['m1'] or match['m2']} {match['y1'] or match['y2']}")
    return (start, end) if start and end else None


def long_date(iso: str | None) -> str:
    """``2023-07-12`` -> ``12 July 2023`` (the UN's style); empty for None."""
    if not iso:
        return ""
    day = date.fromisoformat(iso)
    return f"{day.day} {list(MONTHS)[day.month - 1]} {day.year}"
