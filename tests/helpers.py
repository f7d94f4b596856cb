"""Builders for small hand-made model objects used across tests."""

import datetime as dt

from storyline.model import Document, TimeMention
from storyline.sentences import split


def make_doc(doc_id, text, published=None, mentions=(), group=None, relation=None, **meta):
    """A Document with sentences split from ``text``; mentions given as (substring, value, granularity)."""
    doc = Document(id=doc_id, path=f"{doc_id}.txt", kind="text", text=text, paths=[f"{doc_id}.txt"],
                   published=dt.date.fromisoformat(published) if published else None,
                   group=group, relation=relation, **meta)
    doc.sentences = split(text, doc_id)
    for surface, value, granularity in mentions:
        start = text.index(surface)
        sent = next(s for s in doc.sentences if s.start <= start < s.end)
        doc.mentions.append(TimeMention(start, start + len(surface), surface, "DATE", value, granularity,
                                        document=doc_id, sentence=sent.index))
    return doc


def copy_store(source, target):
    """A copy of a storyline database (SQLite's backup, so the WAL comes along)."""
    import sqlite3

    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return target
