import numpy as np

from storyline.dedup import MAX_BUCKET, Postings


def _split(owners_main: np.ndarray, owners_tail: np.ndarray, key: int) -> Postings:
    """Postings of one key held partly in the main array and partly in the tail, as after a merge."""
    postings = Postings()
    postings.add(np.full(len(owners_main), key, np.int64), owners_main)
    postings.main, postings.tail = postings.tail, np.zeros(0, np.uint64)
    postings.add(np.full(len(owners_tail), key, np.int64), owners_tail)
    return postings


def test_a_key_reads_its_latest_postings_wherever_they_are_held():
    key = 7 << 32
    owners = np.arange(3 * MAX_BUCKET // 2, dtype=np.int64)
    whole = Postings()
    whole.add(np.full(len(owners), key, np.int64), owners)
    split = _split(owners[:MAX_BUCKET], owners[MAX_BUCKET:], key)
    assert len(split.main) and len(split.tail)
    for postings in (whole, split):
        owner, other = postings.lookup(np.array([key, 3 << 32], np.int64), np.array([10_000, 10_001]))
        assert set(owner.tolist()) == {10_000}
        assert sorted(other.tolist()) == owners[-MAX_BUCKET:].tolist()  # the latest, MAX_BUCKET of them


def test_keys_under_the_cap_read_every_posting_from_both_arrays():
    key = 9 << 32
    split = _split(np.arange(5, dtype=np.int64), np.arange(5, 8, dtype=np.int64), key)
    owner, other = split.lookup(np.array([key], np.int64), np.array([100]))
    assert sorted(other.tolist()) == list(range(8)) and set(owner.tolist()) == {100}
