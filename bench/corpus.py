"""A synthetic-but-realistic corpus: the sample articles repeated with varied
numbers, dates and names, so repeated text does not flatter any cache."""

from __future__ import annotations

import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"]
MIDDLE = ["Văn", "Thị", "Quang", "Minh", "Thanh", "Đức", "Hữu", "Ngọc"]
GIVEN = ["Hà", "Thao", "Hùng", "Lan", "Tuấn", "Hương", "Dũng", "Thúy", "Nam", "Bình"]


def seeds() -> list[str]:
    return [p.read_text("utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]


def vary(text: str, rng: random.Random) -> str:
    """Change every digit run a little and swap the officials' names."""
    def number(m: re.Match) -> str:
        digits = m.group()
        return str(rng.randint(10 ** (len(digits) - 1) if len(digits) > 1 else 0, 10 ** len(digits) - 1)).zfill(len(digits))

    def name(_m: re.Match) -> str:
        return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"

    text = re.sub(r"(?<=\s)\d{2,3}(?=[ %])", number, text)
    return re.sub(r"Lâm Quang Thao|Đỗ Thị Thúy Hà", name, text)


def articles(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    base = seeds()
    return [vary(base[i % len(base)], rng) for i in range(n)]


def write_corpus(folder: Path, n: int, seed: int = 7) -> int:
    """Write n articles to `folder`; return the number of characters."""
    folder.mkdir(parents=True, exist_ok=True)
    chars = 0
    for i, text in enumerate(articles(n, seed)):
        (folder / f"a{i:06d}.txt").write_text(text, encoding="utf-8")
        chars += len(text)
    return chars


def text_of_size(size: int) -> str:
    """About `size` characters of article text (for per-extractor benchmarks)."""
    out, total, i = [], 0, 0
    for text in articles(max(2, size // 5000 + 2)):
        out.append(text)
        total += len(text)
        if total >= size:
            break
    return "\n\n".join(out)


def seed_text(size: int) -> str:
    """The sample articles repeated to about `size` characters (the per-extractor
    benchmarks' text: the same every run, so runs compare)."""
    texts = "\n\n".join(text for text in seeds())
    return (texts + "\n\n") * (size // (len(texts) + 2) + 1)


# About 1 MB each of what breaks naive patterns: long runs of digits, dots,
# capitals, slashes, and of the words rules start from. Every extractor must
# finish each in under a second (the per-extractor benches add their own).
PATHOLOGICAL = {
    "digits": "9" * 1_000_000,
    "slashes": "1/" * 500_000,
    "dots": "1." * 500_000,
    "capitals": "A." * 500_000,
    "words": "Quyết định " * 90_000,
    "titles": "Phó Chủ tịch UBND " * 55_000,
    "names": "Nguyễn Văn An " * 70_000,
    "dates": "ngày 1/1/2020 " * 70_000,
}
