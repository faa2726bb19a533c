"""Extract dated, sourced claims about places from war reporting (rules, no database needed).

from geomap.extract import extract
result = extract(open("article.txt").read())
for claim in result.claims: print(claim.place.name, claim.side, claim.type, claim.quote)
"""

from geomap.extract.pipeline import EXTRACTOR, VERSION, Extraction, extract, extract_article
from geomap.extract.reader import Article, ReadError, read_article, read_bytes, read_text

__all__ = [
    "EXTRACTOR",
    "VERSION",
    "Article",
    "Extraction",
    "ReadError",
    "extract",
    "extract_article",
    "read_article",
    "read_bytes",
    "read_text",
]
