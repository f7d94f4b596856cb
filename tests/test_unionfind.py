"""The one union-find the package groups with."""

from storyline.unionfind import UnionFind


def test_sets_join_through_chains_and_keep_first_seen_order():
    sets = UnionFind(["c", "a", "b", "d"])
    assert sets.union("b", "c") and sets.union("a", "b")
    assert not sets.union("c", "a")  # already one set
    assert sets.sets() == [["c", "a", "b"], ["d"]]
    assert sets.find("c") == "a"  # the smallest member is the root, whatever the order of the links


def test_items_seen_first_in_a_union_are_added():
    sets = UnionFind()
    sets.union(3, 1)
    sets.union(7, 8)
    assert sets.sets() == [[3, 1], [7, 8]]
    assert {sets.find(x) for x in (1, 3)} == {1} and sets.find(9) == 9
