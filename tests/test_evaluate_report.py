"""Benchmark blocks in the benchmarks page: replaced in place, or added as a new section."""

from storyline.evaluate.report import write_block


def test_a_block_is_added_after_its_section_then_replaced_in_place(tmp_path):
    docs = tmp_path / "benchmarks.md"
    docs.write_text("# Benchmarks\n\n## First\n\none\n\n## Last\n\nlast\n", encoding="utf-8")
    write_block(docs, "<!-- x:start -->", "<!-- x:end -->", "<!-- x:start -->\nold\n<!-- x:end -->",
                "## Middle", "What it measures.", after="## First")
    text = docs.read_text(encoding="utf-8")
    assert text.index("## First") < text.index("## Middle") < text.index("What it measures.") < text.index("## Last")
    write_block(docs, "<!-- x:start -->", "<!-- x:end -->", "<!-- x:start -->\nnew\n<!-- x:end -->", "## Middle")
    text = docs.read_text(encoding="utf-8")
    assert "new" in text and "old" not in text and text.count("## Middle") == 1
    assert text.endswith("## Last\n\nlast\n")


def test_without_a_section_to_follow_the_block_goes_at_the_end(tmp_path):
    docs = tmp_path / "benchmarks.md"
    write_block(docs, "<s>", "<e>", "<s>\nfigures\n<e>", "## Section")
    assert docs.read_text(encoding="utf-8") == "# Benchmarks\n\n## Section\n\n<s>\nfigures\n<e>\n"
