"""Every tuning value of the timeline, in one place: ``FeatureParams`` for what a build computes
and stores per sentence, ``Settings`` for how a timeline reads the store.

These values were set on the development topics of Timeline17 and Crisis and on the sample
corpus; the figures that count are measured on collections not used for tuning (see
``docs/benchmarks.md``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from ..model import Granularity


# Bump when a change to the timeline's code changes what it shows for the same store: a store
# keeps its default timeline under this version and the settings (``chronology.default_timeline``).
TIMELINE_VERSION = 14


@dataclass(frozen=True)
class FeatureParams:
    """What a build computes per sentence for the timeline (``features``) and stores: a change
    here re-derives stored documents (bump ``pipeline.PIPELINE_VERSION``)."""

    # Lead sentences of an article that name no date report its publication day, or — in a report
    # published the morning after — the day before; this many sentences count as the lead. Read when
    # a document is built and when a timeline reads (``Store.candidates``).
    next_day_lead: int = 10
    min_words: int = 5                 # fewer content words than this: not a line
    fallback_rank: float = 0.3         # a sentence only falling back to its publication day reads after
    #                                    those naming the day (candidates are read best rank first)
    min_lead_rest: int = 20            # a lead is cut only when this many characters of sentence remain
    # A news report attributes what it tells ("officials said", "according to"); a column, an
    # editorial or a feature argues, describes and asks. In a document of at least
    # commentary_min_sentences sentences, text outside quotation marks that attributes in fewer than
    # commentary_attribution of its sentences — or in fewer than commentary_asking while it asks its
    # reader a question — is commentary: its sentences are weaker lines, never refused.
    commentary_min_sentences: int = 6
    commentary_attribution: float = 0.1
    commentary_asking: float = 0.25
    commentary_prior: float = 0.7
    # A candidate's prior is multiplied by the learned probability that an editor files it as a
    # real event under its date (``line_prior``), divided by event_prior_at and capped at 1 (a
    # likely event keeps the hand rules' prior, an unlikely one is weighed down in proportion),
    # raised to event_prior; event_prior 0 leaves it out, event_prior_at 1 multiplies by the
    # probability itself. At 0.25 the default timelines of the nine read topics keep about two
    # thirds of the editors' gain of the full probability (75.6 % of judged lines right against
    # 71.3 % without it and 77.9 % with it, out of fold) at almost none of its cost in Timeline17
    # ROUGE, whose reference lines are not the lines editors keep (``docs/benchmarks.md``).
    event_prior: float = 0.25
    event_prior_at: float = 1.0


FEATURES = FeatureParams()
NEXT_DAY_LEAD = FEATURES.next_day_lead  # the name the store reads


@dataclass(frozen=True)
class Settings:
    # -- date salience: how a source supports a date ------------------------------------------
    report_window: int = 2        # days after a date within which an article reports it (a burst)
    ahead: float = 0.6            # weight of a mention in an article written before the date
    lead: float = 0.6             # an undated lead sentence supports its publication day this much
    body: float = 0.3             # an undated body sentence
    next_day: float = 0.5         # share of that weight for the day before (a next-day report)
    fallback_share: float = 0.5   # a source only published on a date supports it at this share
    chronology_date: float = 1.0  # an editor's chronology item makes its day a key date
    coarse: float = 0.5           # a month, season or year counts this much of a day
    # -- which dates ------------------------------------------------------------------------
    history_days: int = 31        # without --from: dates ending this many days before the story's first reports
    first_reports: float = 0.02   # (the day by which this share of its sources was published) are its history
    auto_min_dates: int = 10      # without --dates: every date two sources name, within these bounds
    auto_max_dates: int = 60
    auto_coarsest: Granularity = "season"  # and no entry of a date coarser than this: a year places nothing
    #                                        within a story of months (its lines: summaries, forecasts, recollections)
    burst_share: float = 0.25     # of the dates shown, up to this share are the story's bursts of reports
    burst_min_sources: int = 3    # a burst: at least this many sources report the day within the window,
    burst_factor: float = 3.0     # and this many times as many as on the story's average day
    spread_parts: int = 4         # the story cut where equal shares of its sources were published,
    spread_share: float = 0.4     # and up to this share of the dates given to the parts' best days
    # -- which sentences ----------------------------------------------------------------------
    event_link: float = 0.2       # clust: word-set Jaccard above which two same-date sentences share an event
    pool: int = 300               # candidates read per date (best prior first)
    # A statement (a quotation, or a reporting or stance verb over quoted content reporting no
    # happening: ``quotes.statements``, found where names are) has its prior times this, so that within
    # a date a candidate reporting a happening comes first; 1.0 leaves statements as they are. At 0.8
    # the nine read topics' default timelines swap 79 lines (48 % right by a new blind reader) for
    # 77 (58 %): ``docs/benchmarks.md``, round 4 of lines that report no happening.
    statement_weight: float = 0.8
    same_sentence: float = 0.7    # word-set Jaccard at which two sentences are one sentence (cite both)
    same_event: float = 0.3       # TF-IDF cosine at which two sentences report the same thing
    merge_line: float = 0.4       # a candidate this close to a line of its date joins that line's sources,
    merge_words: float = 0.2      # as does one sharing this share of its content words (word-set Jaccard);
    auto_merge_line: float = 0.25  # stricter when the number of lines per date is left to storyline:
    auto_merge_words: float = 0.12  # a second line must then tell a clearly different event,
    auto_line_floor: float = 0.5  # and score at least this share of the date's first line,
    rare_word: float = 0.01       # and share no word rarer than this (share of the candidates) with one:
    #                               a rare word names a particular place, person or thing of one event
    redundant: float = 0.5        # a candidate this close to a line of another date is not used
    fallback_centroid: float = 0.3  # weight in a date's centre of sentences merely published that day
    relevance_base: float = 0.5
    corroboration: float = 0.5    # weight of other sources saying the same (log of their number)
    preview: float = 0.6          # a sentence published before the date it reports
    retrospective: float = 0.2    # a sentence about a day published more than report_window days after it
    #                               (a later mention, not the day's report)
    chronology: float = 3.0       # bonus of a chronology item about its date
    undated_lines: int = 2        # lines per undated source
    off_topic: float = 0.8        # a sentence less like the whole story than this share of the median candidate
    #                               is another story's (or a scrap): no line
    off_topic_story: float = 0.8  # nor one whose likeness times its article's (the likeness of the article's
    #                               candidates together, the median article's being 1) is below this share of the
    #                               median candidate's: a side story of an article about something else
    article_min: int = 2          # an article is judged on at least this many of its candidates (else as the median one)
    weak_line: float = 0.4        # without a number of lines per date: no line scoring under this share of the
    #                               median date's best score (a date nothing reports well: asides, analysis,
    #                               background and other stories that name the day are all it has)
    echo_days: int = 1            # without a number of lines per date: no line from the article a line of a day this
    echo_words: int = 3           # close is shown from, sharing this many content words with it (the article tells
    #                               one happening under two days, "last night" here and the weekday there)
    more_lines: float = 2.0       # without a number of lines per date: a further line for a date reported by
    #                               this many times the sources of the story's median shown date (and twice that)

    def support_weights(self) -> dict[str, float]:
        """The weights the store's date aggregate takes."""
        return {"window": self.report_window, "ahead": self.ahead, "lead": self.lead, "body": self.body,
                "next_day": self.next_day}

    def as_dict(self) -> dict:
        return asdict(self)

    def key(self) -> str:
        """A short name of these settings and the timeline code's version, for what is kept made with them."""
        import hashlib
        import json

        text = json.dumps([TIMELINE_VERSION, self.as_dict()], sort_keys=True)
        return hashlib.sha1(text.encode()).hexdigest()[:12]


DEFAULT = Settings()
