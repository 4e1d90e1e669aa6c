"""ntl-extract: dates, officials, documents and numeric facts from Vietnamese news
articles, as one schema-checked JSON record per article with exact offsets.

    >>> from ntl_extract import extract
    >>> record = extract("Ngày 4/6/2021, Quận ủy ban hành Chương trình số 04-CTr/QU.")
    >>> record.to_dict()["documents"][0]["symbol"]
    '04-CTr/QU'
"""

from .document import Published
from .model import Article, DateMention, Document, Mention, NumberMention, Official, Position, Record
from .pipeline import extract, extract_bytes, extract_file
from .rules import RuleError, RuleSet, load_rules

__version__ = "0.1.0"

__all__ = [
    "Article", "DateMention", "Document", "Mention", "NumberMention", "Official", "Position",
    "Published", "Record", "RuleError", "RuleSet", "extract", "extract_bytes", "extract_file",
    "load_rules", "__version__",
]
