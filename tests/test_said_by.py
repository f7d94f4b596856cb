"""Who a timeline line says is quoted: the speakers of the sentence the line shows, never those of
the other articles' sentences it cites, and never a speaker that names no one."""

import storyline
from storyline.chronology.methods import _name_speakers
from storyline.config import BuildOptions
from storyline.model import Source, SummaryLine, Timeline, TimelineEntry
from storyline.store import Store
from storyline.store.entities import SPEAKER_WORDS


class _Said:
    """A store that knows who is quoted in which sentence."""

    def __init__(self, said):
        self.said = said

    def speakers(self, sentences, shown=None, says=None):
        return {key: self.said[key] for key in sentences if key in self.said}


def test_a_line_names_who_its_shown_sentence_quotes_not_its_other_sources():
    store = _Said({("b", 1): [("Anna Berg", 7)], ("c", 0): [("Port officials", None)]})
    unquoted_first = SummaryLine("The bridge closed on Monday.", [Source("a", 0), Source("b", 1), Source("c", 0)])
    quoted_first = SummaryLine("The bridge will close, Anna Berg said.", [Source("b", 1), Source("a", 0)])
    timeline = Timeline([TimelineEntry("2024-03-04", "day", [unquoted_first, quoted_first])], [])
    _name_speakers(store, timeline)
    assert unquoted_first.speakers == []
    assert quoted_first.speakers == ["Anna Berg"]


def _stored(tmp_path, text):
    """A store of one document, without names: the test writes the quotes of its first sentence."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(text)
    db = tmp_path / "s.db"
    storyline.build([folder], db=db, options=BuildOptions(entities=False))
    return db


def _quote(store, doc, num, start, end, words, kind, name=None):
    store.db.execute("INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                     (doc, num, 0, start, end, "x", 0, None, None, None, 0, len(words), words, kind, name, None))


def test_speakers_that_name_no_one_are_left_out(tmp_path):
    db = _stored(tmp_path, "The Aran bridge closed on Monday after the flood.\n\nIt was the first closure.\n")
    long_words = " ".join(["word"] * (SPEAKER_WORDS + 1))
    with Store(db) as store:
        doc = store.db.execute("SELECT id FROM documents").fetchone()[0]
        rows = [  # (speaker words, kind, resolved name)
            ("It", "pronoun", None),              # a pronoun resolved to no name
            ("it", "pronoun", "Aran Council"),    # one resolved
            (long_words, "other", None),          # a misread span
            ("port officials", "anonymous", None),
            ("the foreign ministers of Veldra and Ostmark", "named", None),
        ]
        with store.transaction():
            for num, (words, kind, name) in enumerate(rows):
                _quote(store, doc, num, 0, 10, words, kind, name)
        said = store.speakers([(doc, 0)])
    assert [name for name, _ in said[(doc, 0)]] == ["Aran Council", "port officials",
                                                    "the foreign ministers of Veldra and Ostmark"]


def test_a_quote_in_what_is_glued_before_the_shown_text_is_not_the_lines(tmp_path):
    db = _stored(tmp_path, "BRIDGE CLOSED, MAYOR SAYS The Aran bridge closed on Monday, the mayor said.\n")
    with Store(db) as store:
        doc, text = store.db.execute("SELECT document, text FROM sentences WHERE idx = 0").fetchone()
        headline_end = text.index(" The Aran")
        with store.transaction():
            _quote(store, doc, 0, 0, headline_end, "the headline's words", "other")
            _quote(store, doc, 1, headline_end + 1, len(text), "the mayor", "other")
        shown = text[headline_end + 1:]
        assert [n for n, _ in store.speakers([(doc, 0)])[(doc, 0)]] == ["the headline's words", "the mayor"]
        assert [n for n, _ in store.speakers([(doc, 0)], {(doc, 0): shown})[(doc, 0)]] == ["the mayor"]


def test_only_who_says_something_is_named(tmp_path):
    """The quote layer attributes stances, intentions and acts too ("agreed to buy", "wants to
    run"); a line's "said by" names only those its cue says said something."""
    text = "Torvik Bank agreed to buy the Aran bank, its chairman said, hard-pressed to explain the price.\n"
    db = _stored(tmp_path, text)
    with Store(db) as store:
        doc, stored = store.db.execute("SELECT document, text FROM sentences WHERE idx = 0").fetchone()
        rows = [("agreed", "Torvik Bank"), ("said", "its chairman"), ("explain", "the chairman"), (None, "a signature")]
        with store.transaction():
            for num, (cue, words) in enumerate(rows):
                at = stored.index(cue) if cue else None
                store.db.execute("INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                                 (doc, num, 0, 0, len(stored), "x", 0, at, at + len(cue) if cue else None, cue,
                                  0, len(words), words, "other", None, None))
        from storyline.quotes.cues import reports_speech

        everyone = [n for n, _ in store.speakers([(doc, 0)])[(doc, 0)]]
        sayers = [n for n, _ in store.speakers([(doc, 0)], says=reports_speech)[(doc, 0)]]
    assert everyone == ["Torvik Bank", "its chairman", "the chairman", "a signature"]
    assert sayers == ["its chairman", "a signature"]
