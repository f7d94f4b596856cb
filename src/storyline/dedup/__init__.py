"""Dedup: exact duplicates, near duplicates and versions of one story, grouped with reasons.

A news scrape holds the same wire story many times: reposted whole, trimmed, updated with new
paragraphs, lightly edited, or with some of its paragraphs reused inside another outlet's
article. This stage tells those apart from different stories and says why it joined each pair.
Everything is derived from the clean text, so the site furniture the clean stage removed plays
no part.

The stage in steps, a module each:

- ``signatures``: what is kept of a document (text hash, MinHash sketch of its word 5-shingles,
  a key per paragraph), computed a batch at a time and stored;
- ``index``: the candidates worth judging against a document (LSH band keys and paragraph keys,
  in sorted arrays of 8-byte postings);
- ``pairs`` and ``rule``: judging a candidate pair (Jaccard, containment, shared paragraphs),
  with every threshold in one frozen :class:`DedupRule`;
- ``groups``: the connected components of the pairs judged one story, each a group with a
  representative and a reason per member;
- ``paragraphs``: paragraphs found more than once (wire copy, repeats) and who published each
  first.

The store (``storyline.store``) keeps signatures, links and paragraph copies and calls these
functions; it holds no dedup logic of its own. Every name is importable from ``storyline.dedup``.
"""

from .groups import LinkGraph, components, find_links, group, group_id, judge, make_group
from .index import MAX_BUCKET, MAX_CANDIDATES, Index, Postings, band_keys, candidate_pairs
from .pairs import (Link, ParagraphOverlap, compare, containment, jaccard, pair_features, paragraph_overlap,
                    shared_paragraphs)
from .paragraphs import ParagraphOccurrences, paragraph_copies, paragraph_origins, repeated_paragraphs, with_keys
from .rule import DEFAULT_RULE, DedupRule, PairFeatures
from .signatures import (BANDS, MIN_PARAGRAPH_WORDS, NUM_PERM, PARAGRAPH_DTYPE, ROWS, SCHEME, SEED, SHINGLE,
                         Signature, paragraphs_of, shingle_sets, signature, signatures)

# The default rule's thresholds under the names they had as module constants (read-only: to judge
# with other values, pass a DedupRule).
NEAR_DUPLICATE = DEFAULT_RULE.near_duplicate
SAME_LENGTH = DEFAULT_RULE.same_length
VERSION_PARAGRAPHS = DEFAULT_RULE.version_paragraphs
MIN_SHARED_PARAGRAPHS = DEFAULT_RULE.min_shared_paragraphs
VERSION_CONTAINMENT = DEFAULT_RULE.version_containment
VERSION_JACCARD = DEFAULT_RULE.version_jaccard
MIN_COMMON_SHINGLES = DEFAULT_RULE.min_common_shingles
QUOTE_MARGIN = DEFAULT_RULE.quote_margin
MIN_WORDS = DEFAULT_RULE.min_words

__all__ = [
    "BANDS", "DEFAULT_RULE", "DedupRule", "Index", "Link", "LinkGraph", "MAX_BUCKET", "MAX_CANDIDATES",
    "MIN_COMMON_SHINGLES", "MIN_PARAGRAPH_WORDS", "MIN_SHARED_PARAGRAPHS", "MIN_WORDS", "NEAR_DUPLICATE", "NUM_PERM",
    "PARAGRAPH_DTYPE", "PairFeatures", "ParagraphOccurrences", "ParagraphOverlap", "Postings", "QUOTE_MARGIN", "ROWS",
    "SAME_LENGTH", "SCHEME", "SEED", "SHINGLE", "Signature", "VERSION_CONTAINMENT", "VERSION_JACCARD",
    "VERSION_PARAGRAPHS", "band_keys", "candidate_pairs", "components", "compare", "containment", "find_links",
    "group", "group_id", "jaccard", "judge", "make_group", "pair_features", "paragraph_copies", "paragraph_origins",
    "paragraph_overlap", "paragraphs_of", "repeated_paragraphs", "shared_paragraphs", "shingle_sets", "signature",
    "signatures", "with_keys",
]
