"""The tuning values of storyline, as frozen parameter objects with today's values as defaults.

One object per concern, one field per knob; every module reads its values from here (through the
default objects below, or an object passed in), so a value lives in one place:

- :class:`CleanParams`: what the clean stage keeps (``storyline.clean``): the word counts, shares
  and penalties the line classifier and the body region are judged on. The word lists and
  patterns are not here: they are what a line looks like, not how much of it is enough.
- :class:`DedupRule`: when two documents are one story; defined in ``storyline.dedup.rule``
  (its tests work on arrays of pair features) and re-exported here.
- :class:`TimelineParams`: how dates and lines of the timeline are chosen; the timeline's
  ``Settings`` (``storyline.chronology.settings``), re-exported here under this name.
- :class:`FeatureParams`: what a build computes per sentence for the timeline (the lead that
  reports the day, the shortest line, what reads as commentary); also defined with the timeline
  code and re-exported.
- :class:`EntityParams`: how names are linked into entities and what spaCy is handed at a time.
- :class:`Budget` and :class:`BuildOptions`: what one document may cost, and how a build runs
  (batches, sizes, processes); ``storyline.pipeline``, ``storyline.ingest`` and
  ``storyline.store`` read them.

An object is a value: ``dataclasses.replace(DEFAULT_CLEAN, non_prose_penalty=20)`` makes another,
and ``clean_text(text, params=...)``, ``clean_html(html, params=...)``, ``pipeline.build(paths,
options=...)``, ``dedup.group(sigs, rule=...)`` and ``inmemory.timeline_of(docs,
settings=...)`` take one. Not here: values that fix a stored format (the dedup signatures'
shingle length and hash count, the pipeline and timeline versions) and the web server's limits.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Optional

from .chronology.settings import DEFAULT as DEFAULT_TIMELINE
from .chronology.settings import FEATURES as DEFAULT_FEATURES
from .chronology.settings import FeatureParams, Settings
from .dedup.rule import DEFAULT_RULE, DedupRule

# The timeline's tuning values live with the timeline code (``chronology/settings.py``), which
# changes with it; this is the same class under the name the other parameter objects follow.
TimelineParams = Settings


@dataclass(frozen=True)
class CleanParams:
    """How the clean stage judges the lines of a page (defaults: the values it was tuned with).

    Lengths are in words of a line unless the name says characters; shares are of a line's words.
    """

    # -- a line that reads as prose (``lines``) ---------------------------------------------------
    prose_min_words: int = 4             # a sentence: this many words ending in sentence punctuation
    prose_run_words: int = 20            # or a run of this many words,
    prose_run_stop_share: float = 0.1    # this share of them stop words
    prose_foreign_words: int = 12        # or (a language without our stop words) a sentence of this
    prose_foreign_chars: int = 80        # many words and characters
    # -- hard-wrapped text joined back into paragraphs (``lines``) ----------------------------------
    wrap_min_lines: int = 4              # a page of fewer lines is never unwrapped
    wrap_max_width: int = 100            # wrapped text: its longest line is at most this many characters,
    wrap_full_share: float = 0.8         # a line this close to that width is full,
    wrap_min_full_lines: int = 3         # and at least this many lines are full,
    wrap_full_one_in: int = 4            # and at least one line in this many
    wrap_continue_share: float = 0.6     # a line this close to the width continues on the next line
    # -- lines judged on their own (``classify``) ---------------------------------------------------
    copyright_max_words: int = 60        # longer lines are not a copyright notice,
    contributor_max_words: int = 60      # a contributor line,
    subscription_max_words: int = 40     # a subscription appeal,
    inline_link_max_words: int = 30      # an inline "Read more: ..." link,
    related_max_words: int = 30          # a related-stories heading,
    related_arrow_max_words: int = 8     # a teaser ending in » or ›,
    share_max_words: int = 10            # a share bar
    share_min_fields: int = 2            # "Facebook: ... Twitter: ...": this many share fields
    share_min_services: int = 2          # a share bar names this many services,
    share_known_share: float = 0.6       # and this share of its words are share-bar words
    contact_min_fields: int = 2          # a contact block: this many of telephone, fax, e-mail
    menu_max_words: int = 12             # a line of menu words only: navigation up to this length
    icon_run_min_words: int = 12         # a longer run of icon names or menu entries is navigation when
    icon_ui_share: float = 0.4           # this share of its words are interface words,
    icon_hyphen_share: float = 0.2       # or this share are hyphenated (icon names),
    menu_stop_share: float = 0.05        # with under this share of stop words (or none of , ;)
    credit_max_words: int = 15           # a photo credit is at most this long,
    credit_stop_share: float = 0.3       # with under this share of stop words (or no sentence end)
    meta_max_words: int = 24             # longer lines are never a byline or date line
    # -- header metadata (``metadata``) ---------------------------------------------------------------
    meta_max_chars: int = 200            # a byline or date line is at most this many characters
    name_min_words: int = 2              # a byline's name: at least this many capitalised words,
    name_max_words: int = 10             # and at most this many words
    role_max_words: int = 4              # a part of a header line that is no name, date, agency or other known
    #                                      part (a role, a place, an outlet) is passed over when this short;
    #                                      a longer one is text, and the line no header line
    outlet_max_words: int = 4            # an outlet we do not know by name in "NAME | date | Outlet"
    menu_min_parts: int = 4              # a line of this many parts set off by | or · and no date is a menu
    caption_max_words: int = 80          # longer lines are never a caption
    caption_block_words: int = 6         # a caption cue away from its credit's block: at least this long
    plain_caption_min_words: int = 4     # a caption without a cue, above a photo credit: one short
    plain_caption_max_words: int = 30    # sentence of this many words
    caption_head_max_words: int = 12     # a caption's headline, just above it
    repeat_min_words: int = 4            # shorter lines are never dropped as repeats
    # -- the body region (``analysis``) -------------------------------------------------------------
    line_score_cap: int = 80             # a prose line counts its words up to this many
    html_text_words: int = 8             # from HTML, a line this long counts as text without punctuation
    list_item_min_words: int = 3         # a list item ("- ...", "1. ...") this long is text of a list
    non_prose_penalty: int = 15          # a line of no known kind that is not prose costs the region this,
    list_item_penalty: int = 1           # a list item this,
    list_penalty: int = 30               # a related list, sponsored link, menu or teaser stamp this,
    teaser_score: int = 1                # in plain text, a sentence under a related-list heading counts this
    table_min_rows: int = 3              # in plain text, this many short lines of one shape in a row are a
    table_row_max_words: int = 15        # table (rows of at most this many words, the same count of
    table_number_share: float = 0.33     # numbers in each and at least this share of numbers among the
                                         # words), whose rows cost nothing
    hard_stop_penalty: int = 10_000      # and a copyright notice or a comments line this (an end)
    hard_stop_after: int = 40            # prose words before a comments line that make it the end,
    copyright_stop_after: int = 150      # and before a copyright line
    share_button_words: int = 3          # "Comments" among share buttons within two lines: a button
    body_text_min_words: int = 6         # a short line inside the body is kept at this length,
    body_text_stop_share: float = 0.2    # with this share of stop words
    early_meta_lines: int = 3            # byline and date lines among the body's first lines are header
    title_min_words: int = 2             # a headline: this many to
    title_max_words: int = 25            # this many words,
    title_max_chars: int = 200           # at most this many characters,
    section_label_words: int = 4         # and not in capitals when this short (a section label)
    dateline_paragraphs: int = 3         # the dateline ("TOKYO (AP) —") opens one of the first paragraphs
    line_model: bool = True              # plain text: the learned line model judges every line again
    line_model_keep: float = 0.3         # a line the rules kept stays when the model's probability of article
    #                                      text is this high,
    line_model_overturn: float = 0.5     # a line the rules dropped for its place is kept when it is this high
    #                                      (both chosen by site cross-validation in benchmarks/extraction/run.py),
    line_model_shape_repeats: int = 3    # unless its words recur this many times on the page (numbers aside)
    line_model_min_lines: int = 20       # a text of fewer lines is left to the rules
    line_model_short_words: int = 8      # a feature of the trained model (retrain on change): a line this short
    #                                      counts toward a run of short lines (a list, a table)
    # -- the HTML path (``html_path``) ---------------------------------------------------------------
    english_min_share: float = 0.1       # text from HTML is English when this share of its words are English
    #                                      stop words (and more than of another language's): only then do
    #                                      the rules reading English stop words (menus, credits) apply
    # -- the page's language (``language.detect``, CLD2) ------------------------------------------------
    language_sample_chars: int = 5000    # the language is read from this many characters of the text
    language_min_letters: int = 20       # fewer letters than this: no language is named
    language_min_percent: int = 50       # nor when CLD2's best language covers less of the text (in %)
    language: Optional[str] = None       # the page's language (ISO 639-1), set per page from ``detect`` by
    #                                      clean_text and clean_html: it orders an ambiguous slashed date
    #                                      and tells whether the English stop-word rules apply
    default_kept_share: float = 0.5      # when the line layer keeps under this share of the words of
    #                                      trafilatura's default extraction, that text stands instead,
    default_min_words: int = 30          # when it has this many words (a shorter one is a menu or a notice)


DEFAULT_CLEAN = CleanParams()


@dataclass(frozen=True)
class Budget:
    """What one document may cost. A page of more HTML elements is refused before it is parsed;
    clean text past ``max_chars`` is cut off at a paragraph break (and recorded as removed, with
    the reason), so memory and time stay bounded whatever the page's size; a document taking
    longer than ``seconds`` is refused with the stage it was in."""

    max_chars: int = 1_000_000  # characters of clean text kept per document
    max_elements: int = 200_000  # HTML elements of a page
    seconds: float = 120.0      # time per document
    page_factor: int = 2        # the page text the line analysis reads: this many times max_chars
    #                             (room for what cleaning drops)


DEFAULT_BUDGET = Budget()


@dataclass(frozen=True)
class BuildOptions:
    """How a build runs (``storyline.pipeline.build``, ``process_all``; ``storyline.ingest``; the
    store's regrouping). None of these changes what is derived from a document that fits its
    budget: they bound the work and set how it is split up."""

    batch_size: int = 256                # documents per transaction (above engine_chunk: whole chunks, stored once
    #                                      they hold this many; SQLite's cost per document, and the pages it writes
    #                                      per document, fall with the size)
    max_bytes: int = 20 * 1024 * 1024    # largest document read (a file, a JSONL line, a JSON record)
    budget: Budget = DEFAULT_BUDGET      # what one document may cost
    workers: int = 1                     # processes of an in-memory run (``process_all``)
    parallel_min_documents: int = 20     # fewer documents are processed in one process
    chunks_per_worker: int = 8           # documents are handed to each process in about this many chunks
    regroup_documents: int = 20000       # documents whose duplicate groups are rebuilt per pass after a build
    #                                      (memory bound: their signatures and links are held; a larger group is one pass)
    entities: bool = True                # names and quotes, when the English pipeline is installed
    entity_workers: Optional[int] = None  # processes finding them (None: every core; a web upload: one)
    engine: str = "local"                # where a build's per-document stages run: "local" or "dask"
    build_workers: Optional[int] = None  # its processes (None: every core; a web upload: one) or LocalCluster workers
    scheduler: Optional[str] = None      # "dask": a running scheduler's address (None: start a LocalCluster)
    engine_chunk: int = 16               # documents handed to a worker at a time (a dask task, a shard)
    shard_dir: Optional[str] = None      # "dask": where the shards go (None: beside the store, "<db>.shards")
    connect_seconds: float = 30.0        # "dask": how long to try reaching the scheduler

    def with_given(self, **given: Any) -> BuildOptions:
        """These options with the fields given that are not None: how a function's own keywords
        (``build(paths, batch_size=8, options=...)``) take the place of its options' fields."""
        changes = {key: value for key, value in given.items() if value is not None}
        return replace(self, **changes) if changes else self


DEFAULT_BUILD = BuildOptions()


@dataclass(frozen=True)
class EntityParams:
    """How names are found and linked (``storyline.entities``) and quotes looked for."""

    spelling_similarity: float = 0.8     # two spellings of one name: normalized Levenshtein similarity
    fuzzy_candidates: int = 20           # known surnames compared per new full name
    dominant_share: float = 4.0          # a surname alone is the person of that surname named in this many
    #                                      times the documents of the others together (in one build)
    chunk_chars: int = 100_000           # text handed to spaCy at a time (split at paragraph breaks)
    pipe_batch: int = 32                 # texts per spaCy batch


DEFAULT_ENTITIES = EntityParams()


@dataclass(frozen=True)
class QuoteParams:
    """How quotations are joined to their reporting clauses and speakers (``storyline.quotes``)."""

    gap_words: int = 2                   # words a quotation and its reporting clause may have between them
    standalone_words: int = 6            # fewest words of an unattributed quotation (shorter: a title, a scare quote)
    sentence_words: int = 12             # fewest words of an unattributed quotation inside a sentence (as long as
    #                                      a sentence: someone's words, not a phrase)
    continues_within: int = 400          # characters a standalone quotation may be from the attributed one it
    #                                      continues
    pronoun_reach: int = 1500            # characters a pronoun looks back for the name it stands for
    batch: int = 64                      # sentences parsed per batch


DEFAULT_QUOTES = QuoteParams()

__all__ = ["CleanParams", "DEFAULT_CLEAN", "DedupRule", "DEFAULT_RULE", "TimelineParams", "DEFAULT_TIMELINE",
           "FeatureParams", "DEFAULT_FEATURES",
           "Budget", "DEFAULT_BUDGET", "BuildOptions", "DEFAULT_BUILD", "EntityParams", "DEFAULT_ENTITIES",
           "QuoteParams", "DEFAULT_QUOTES"]
