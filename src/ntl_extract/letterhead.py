"""The head of an official document as Vietnamese bodies write it: the national motto
(`CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM` / `Độc lập - Tự do - Hạnh phúc`, or the Party's)
and the place-and-date line (`Tam Dương, ngày 07 tháng 3 năm 2025`).

One place for both readers of it: `metadata` (a text that is a document posted alone)
and `extract.documents` (the letterhead of a document posted whole)."""

from __future__ import annotations

import datetime as dt

import regex

NATIONAL_MOTTO = regex.compile(
    r"(?i)cộng\s+h(?:òa|oà)\s+xã\s+hội\s+chủ\s+nghĩa\s+việt\s+nam"
    r"|độc\s+lập\s*[-–]\s*tự\s+do\s*[-–]\s*hạnh\s+phúc|đảng\s+cộng\s+sản\s+việt\s+nam")
PLACE_DATE = regex.compile(r"\p{Lu}[\p{L} .]{1,40},[ \t]*(?i:ngày)[ \t]+(?P<d>[0-9]{1,2})[ \t]+(?i:tháng)[ \t]+"
                           r"(?P<m>[0-9]{1,2})[ \t]+(?i:năm)[ \t]+(?P<y>[0-9]{4})")


def date_of(m) -> dt.date | None:
    """The day a `PLACE_DATE` match names, or None when it names none (`ngày 31 tháng 2`)."""
    try:
        return dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
