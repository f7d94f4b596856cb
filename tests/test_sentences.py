from storyline.sentences import paragraphs, split


def test_spans_index_the_text_and_datelines_stay_with_their_sentence():
    text = ("OSLANDA (AP) — Ministers of the two states met on Dec. 15 in St. Marten. The U.S. envoy "
            "watched.\n\nA second paragraph follows here. It ends without a period")
    sents = split(text, "doc1")
    assert [s.text for s in sents] == [
        "OSLANDA (AP) — Ministers of the two states met on Dec. 15 in St. Marten.",
        "The U.S. envoy watched.",
        "A second paragraph follows here.",
        "It ends without a period",
    ]
    assert [s.paragraph for s in sents] == [0, 0, 1, 1]
    assert [s.index for s in sents] == [0, 1, 2, 3]
    for s in sents:
        assert text[s.start:s.end] == s.text
        assert s.document == "doc1"


def test_paragraph_spans_skip_blank_runs():
    text = "One.\n\n\n\nTwo.\n \nThree."
    assert [text[a:b] for a, b in paragraphs(text)] == ["One.", "Two.", "Three."]


def test_the_reduced_paragraph_gives_syntoks_boundaries_on_the_whole_one():
    import random

    from storyline.sentences import boundaries

    rng = random.Random(7)
    words = ["the", "minister", "said", "Dec.", "U.S.", "St.", "Mr.", "no.", "No.", "5", "1999", "(AP)", "(",
             ")", "[1]", "e.g.", "—", "\"Yes.\"", "'quoted'", "it's", "well-known", "a.m.", "It", "The", "He",
             "3.5", "?", "!", ";", "...", "Jan.", "fig.", "x", "I.", "II.", "and,", "(see", "below)", "\u200b",
             "Inc.", "however", "A", "B.", "etc.", "’", "”", "{", "}", "12.", "said.", "ended.", "Then",
             "\"", ".", "”.", "..", "–", "I", "IV", "b", "5.", "1.", ".)", "?\"", "vs.", "A.", "x.", "However"]
    for _ in range(2000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(5, 120)))
        text = text.replace("  ", rng.choice([" ", "\n", "  ", "\t"]))
        assert boundaries(text) == boundaries(text, whole=True), text


def test_the_written_out_classes_are_the_regex_module_s():
    # what syntok splits runs at and the marks it acts on, as the regex module reads them, on every code point
    import re

    import regex
    import syntok.segmenter as segmenter

    from storyline import sentences

    space = regex.compile(r"[\s\u200b]")
    mark = regex.compile("[" + regex.escape("".join(c for c in segmenter.State.terminals if len(c) == 1))
                         + r"\p{Ps}\p{Pe}" + regex.escape("".join(segmenter.State.opening_brackets
                                                               | segmenter.State.closing_brackets)) + "]")
    ours_space, ours_mark = re.compile(sentences._SPACE), sentences._MARK
    chars = "".join(map(chr, range(0x110000)))
    assert [m.start() for m in space.finditer(chars)] == [m.start() for m in ours_space.finditer(chars)]
    assert [m.start() for m in mark.finditer(chars)] == [m.start() for m in ours_mark.finditer(chars)]


def test_bracketed_text_read_up_to_its_closing_bracket_gives_syntoks_boundaries():
    # the runs after an opening bracket are kept only up to the bracket that closes it; whether
    # syntok skips a bracketed text depends on its length and on a sentence inside, so these put
    # one ("said. Then") inside brackets of any length, with nested brackets and brackets that
    # are no token of their own (a run of symbols only, such as ")." or "()", is one token)
    import random

    from storyline.sentences import boundaries

    rng = random.Random(3)
    odd = ["word", ").", "()", "(...)", "—(", ")", "(", "a(b", "c)d", "[", "]", "x"]
    for _ in range(1500):
        head = " ".join(rng.choice(odd) for _ in range(rng.randint(0, 5)))
        tail = " ".join(rng.choice(["x", "said.", "Then", "more", ")."]) for _ in range(rng.randint(0, 60)))
        opening, closing = rng.choice([("(", ")"), ("[", "]"), ("(", "]"), ("{", "})")])
        text = f"He said it {opening}The {head} said. Then {tail} end.{closing} it was done. Then more came here."
        assert boundaries(text) == boundaries(text, whole=True), text


def test_plain_runs_get_syntoks_tokens():
    # runs of ASCII letters and digits skip syntok's sub-split; every other run takes its steps:
    # the tokens (spacing, value, offset) must be the tokenizer's on runs of every kind
    import random

    from syntok.tokenizer import Tokenizer

    from storyline.sentences import _tokens

    rng = random.Random(11)
    pieces = ["Ann", "Lee", "said", "McKessel", "iPhone", "IBM", "x2", "2x", "A1b", "aB", "Ostmark's", "don't",
              "won’t", "well-known", "a_b", "1,000", "3.5", "U.S.", "Dec.", "...", "end...", "so...\"", "(AP)",
              "(", ")", "[1]", "—", "–", "said.", "said,", "\"Yes.\"", "'no'", "«oui»", "café", "Ünal", "naïve",
              "Ⅻ", "x²", "١٢", "e.g.", "?!", ".", "Tom.Reyes", "word;", "a;b", "\u00ad", "\u200b", "…", "5%",
              "#tag", "@Kessel", "http://westhaven.example/a-b", "Halvorsen—who", "end.)", "Z.", "q?"]
    tokenizer = Tokenizer(replace_not_contraction=False)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice([" ", " ", "", "\n", "  ", "\t", "\u00a0", "\u200b"])
                       for _ in range(rng.randint(0, 30)))
        base = rng.choice([0, 0, 3])
        expected = [(t.spacing, t.value, t.offset) for t in tokenizer.tokenize(text, base)]
        assert [(t.spacing, t.value, t.offset) for t in _tokens(text, base)] == expected, text
