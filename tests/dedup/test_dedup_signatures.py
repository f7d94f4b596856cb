"""Signatures: datasketch's MinHash of shingles inside paragraphs, paragraph keys
(``storyline.dedup.signatures``)."""

import re

import numpy as np
from datasketch import MinHash
from dedup_stories import BASE, LONG, UPDATE

from storyline import dedup
from storyline.sentences import paragraphs, split


def test_sketches_are_datasketch_minhashes_of_the_shingles():
    texts = ["\n\n".join(BASE), "\n\n".join(UPDATE), "Short one.", "Ünïcödé wörds — and ✓ symbols 日本語"]
    sigs = dedup.signatures([(str(i), t, None) for i, t in enumerate(texts)])
    for sig, shingles in zip(sigs, dedup.shingle_sets(texts)):
        ref = MinHash(num_perm=dedup.NUM_PERM, seed=dedup.SEED, scheme=dedup.SCHEME, hashfunc=lambda x: x)
        ref.update_batch([int(x) for x in shingles])
        assert np.array_equal(ref.hashvalues, sig.hashvalues)
        assert sig.minhash().jaccard(sig.minhash()) == 1.0


def test_shingles_are_five_word_windows_inside_paragraphs():
    text = "One two three four five six.\n\nSeven eight nine ten eleven, twelve!\n\n— * —\n\nTiny line"
    sig = dedup.signature("d", text)
    words = [re.findall(r"\w+", text[s:e].lower()) for s, e in paragraphs(text)]
    windows = {" ".join(w[i:i + 5]) for w in words for i in range(len(w) - 4)}
    assert sig.shingles == len(windows) == 4  # 2 + 2; the dash and the two-word line add none
    assert sig.words == sum(len(w) for w in words) == 14


def test_paragraph_keys_use_the_sentence_paragraph_numbers():
    text = "* * *\n\n" + "\n \n\n".join(LONG[:3]) + "\n\nToo short to key.\n\n" + LONG[3]
    sig = dedup.signature("d", text)
    assert sig.paragraphs["index"].tolist() == [1, 2, 3, 5]
    numbers = {s.paragraph for s in split(text)}
    assert set(sig.paragraphs["index"].tolist()) <= numbers
    alone = dedup.signature("x", LONG[1])
    assert sig.paragraphs["key"][1] == alone.paragraphs["key"][0]  # same words, same key
