"""The dedup rows of the store: signatures, links, paragraph copies and duplicate groups.

The dedup index lives in the store so that a build compares new documents with everything
stored without recomputing it: each document's signature (MinHash sketch and paragraph keys,
one row), the occurrences of paragraphs found more than once, and the links found between
documents. Saving a batch finds the batch's candidates in an in-memory index of LSH band keys
and paragraph keys (8 bytes a posting, rebuilt from the stored sketches when a build first
adds documents; SQLite B-trees keyed by random hashes slow down well before a million
documents), judges them and stores the links in the same transaction; groups are then updated
for the documents whose links changed (``update_groups``), loading only those components.

Only reading and writing rows is done here: which pairs are candidates, how a pair is judged and
how links make groups is ``storyline.dedup``'s.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterable, Iterator, Optional

import numpy as np

from .. import dedup
from ..config import DEFAULT_BUILD
from ..dedup import Link, Signature
from ..model import DuplicateGroup, GroupMember, SharedParagraph
from .connection import Connection, StoreError


def _link_from_row(row: tuple, sigs: dict[int, Signature]) -> Link:
    a, b, relation, jaccard, containment, shared, reason = row
    return Link(sigs[a].document, sigs[b].document, relation, jaccard, containment, shared, reason)


def _passes(comps: list[list[int]], documents: int) -> Iterator[list[list[int]]]:
    """The components in order, in runs of at most ``documents`` documents (a larger one alone)."""
    part: list[list[int]] = []
    held = 0
    for comp in comps:
        if part and held + len(comp) > documents:
            yield part
            part, held = [], 0
        part.append(comp)
        held += len(comp)
    if part:
        yield part


class DedupRows(Connection):
    """Reading and writing the dedup index and the groups."""

    _dedup: Optional[dedup.Index] = None  # the in-memory candidate index, once a batch needed it
    _indexed_upto = 0  # the last signature number it holds

    def _rolled_back(self) -> None:
        self._dedup = None  # it may hold postings of the rolled-back batch: rebuilt when next needed

    # -- groups ---------------------------------------------------------------------------------
    def save_groups(self, groups: Iterable[DuplicateGroup]) -> None:
        """Replace all group assignments at once (with groups computed elsewhere)."""
        with self.transaction():
            self.db.execute("DELETE FROM meta WHERE key = 'groups_stale'")
            self.db.execute("DELETE FROM dedup_dirty")
            self.db.execute("DELETE FROM groups")
            for g in groups:
                self._write_group(g)

    def _write_group(self, g: DuplicateGroup) -> None:
        self.db.executemany(
            "INSERT OR REPLACE INTO groups(document, grp, relation, similarity, reason, containment, shared_paragraphs,"
            " linked_to) VALUES (?,?,?,?,?,?,?,?)",
            [(m.document, g.id, m.relation, m.similarity, m.reason, m.containment, m.shared_paragraphs, m.linked_to)
             for m in g.members])

    def groups(self) -> list[DuplicateGroup]:
        out: dict[str, DuplicateGroup] = {}
        for doc, grp, rel, sim, reason, cont, shared, linked in self.db.execute(
                "SELECT document, grp, relation, similarity, reason, containment, shared_paragraphs, linked_to"
                " FROM groups ORDER BY grp, relation != 'representative', document"):
            g = out.setdefault(grp, DuplicateGroup(id=grp, representative=doc))
            if rel == "representative":
                g.representative = doc
            g.members.append(GroupMember(doc, rel, sim, reason, cont, shared, linked))
        return list(out.values())

    def groups_stale(self) -> bool:
        """True when documents were stored after the groups were last computed."""
        return self.db.execute("SELECT 1 FROM meta WHERE key = 'groups_stale'").fetchone() is not None

    def update_groups(self, per_load: Optional[int] = None) -> int:
        """Recompute the groups of every document whose links changed; the number of groups written.

        The components of the link graph reachable from the changed documents are found with
        indexed queries and regrouped a pass at a time, each pass the groups of about ``per_load``
        documents (default: a build's ``regroup_documents``; a larger group is a pass of its own),
        so memory follows that bound, not the size of the store or of the changed part.
        """
        per_load = per_load or DEFAULT_BUILD.regroup_documents
        db = self.db

        def links_of(nums: list[int]) -> list[tuple[int, int]]:
            self._temp("_front", "num INTEGER PRIMARY KEY", [(n,) for n in nums])
            return db.execute("SELECT l.a, l.b FROM _front f CROSS JOIN links l ON l.a = f.num UNION"
                              " SELECT l.a, l.b FROM _front f CROSS JOIN links l ON l.b = f.num").fetchall()

        with self.transaction():
            graph = dedup.LinkGraph([r[0] for r in db.execute("SELECT num FROM dedup_dirty")], links_of)
            # forget the old groups of every document involved, then write the new ones
            self._temp("_involved", "num INTEGER PRIMARY KEY", [(n,) for n in graph.reached])
            db.execute("DELETE FROM groups WHERE document IN (SELECT s.document FROM _involved i CROSS JOIN"
                       " signatures s ON s.num = i.num)")
            comps = graph.components()
            for part in _passes(comps, per_load):
                nums = [n for c in part for n in c]
                sigs = self._load_signatures(nums)
                self._temp("_part", "num INTEGER PRIMARY KEY", [(n,) for n in nums])
                inside: dict[int, list[Link]] = {}
                for row in db.execute("SELECT l.a, l.b, l.relation, l.jaccard, l.containment, l.shared, l.reason"
                                      " FROM _part p CROSS JOIN links l ON l.a = p.num"):
                    inside.setdefault(graph.component_of(row[0]), []).append(_link_from_row(row, sigs))
                for comp in part:
                    members = sorted(comp)
                    self._write_group(dedup.make_group([sigs[n] for n in members], inside.get(members[0], [])))
            db.execute("DELETE FROM dedup_dirty")
            db.execute("DELETE FROM meta WHERE key = 'groups_stale'")
        return len(comps)

    # -- signatures and links -------------------------------------------------------------------
    def add_signatures(self, sigs: Iterable[Signature]) -> list[Link]:
        """Index signatures (without documents rows) in one transaction; the links found."""
        with self.transaction():
            return self._index(list(sigs))

    def _memory_index(self) -> dedup.Index:
        """The in-memory candidate index, brought up to date with the stored signatures.

        Built from the stored sketches and paragraph keys the first time a store indexes new
        documents (band keys are recomputed from the sketch, no text is read), then kept up
        to date; rows another process added since are read in at the start of each batch.
        """
        if self._dedup is None:
            self._dedup = dedup.Index()
            self._indexed_upto = 0
        index = self._dedup
        while True:
            rows = self.db.execute(
                "SELECT s.num, s.shingles, s.words, s.hashvalues, s.paragraphs,"
                " (SELECT min(t.num) FROM signatures t WHERE t.text_hash = s.text_hash) = s.num"
                " FROM signatures s WHERE s.num > ? ORDER BY s.num LIMIT 50000", (self._indexed_upto,)).fetchall()
            if not rows:
                return index
            nums = np.array([r[0] for r in rows], np.int64)
            sigs = [Signature("", "", sh, np.frombuffer(hv, dtype="<u4"), None, words,
                              np.frombuffer(paras, dtype=dedup.PARAGRAPH_DTYPE))
                    for _, sh, words, hv, paras, _ in rows]
            canonical = np.array([bool(r[5]) and r[2] > 0 for r in rows], bool)
            index.add(nums[canonical], [x for x, c in zip(sigs, canonical) if c])
            self._indexed_upto = int(nums[-1])

    def _index(self, sigs: list[Signature]) -> list[Link]:
        """Store signatures, find their links to stored and to each other, mark groups to update.

        Runs inside the caller's transaction. The pairs to judge (``dedup.candidate_pairs``): a
        stored document with the same normalized text, or, from the candidate index, the
        ``dedup.MAX_CANDIDATES`` documents sharing most LSH band keys and most paragraph keys;
        each is judged by ``dedup.compare``. A document identical to one already indexed is
        linked to it and adds nothing to the index. Paragraphs found again are recorded in
        ``paragraph_copies``.
        """
        if not sigs:
            return []
        db = self.db
        self._check(sigs)
        index = self._memory_index()
        first = db.execute("SELECT coalesce(max(num), 0) + 1 FROM signatures").fetchone()[0]
        num_of = np.arange(first, first + len(sigs), dtype=np.int64)
        db.executemany(
            "INSERT INTO signatures(num, document, text_hash, shingles, words, published, hashvalues, paragraphs)"
            " VALUES (?,?,?,?,?,?,?,?)",
            [(int(n), sig.document, bytes.fromhex(sig.text_hash), sig.shingles, sig.words,
              sig.published.isoformat() if sig.published else None,
              sig.hashvalues.astype("<u4").tobytes(), sig.paragraphs.tobytes()) for n, sig in zip(num_of, sigs)])
        self._indexed_upto = int(num_of[-1])
        by_num = dict(zip(num_of.tolist(), sigs))
        db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('groups_stale', '1')")
        db.executemany("INSERT OR IGNORE INTO dedup_dirty(num) VALUES (?)", [(n,) for n in by_num])
        # identical texts: the first document indexed with each text
        self._temp("_new", "num INTEGER, text_hash BLOB", [(n, bytes.fromhex(s.text_hash)) for n, s in by_num.items()])
        twin = dict(db.execute(
            "SELECT n.num, (SELECT min(s.num) FROM signatures s WHERE s.text_hash = n.text_hash) FROM _new n"))
        pairs = dedup.candidate_pairs(index, num_of, sigs, twin)
        self._record_copies(index, num_of, sigs)
        if not pairs:
            return []
        missing = {n for pair in pairs for n in pair} - set(by_num)
        if missing:
            by_num.update(self._load_signatures(missing))
        judged = dedup.judge(pairs, by_num)
        rows = [(a, b, link.relation, link.jaccard, link.containment, link.shared_paragraphs, link.reason)
                for a, b, link in judged]
        db.executemany("INSERT OR REPLACE INTO links(a, b, relation, jaccard, containment, shared, reason)"
                       " VALUES (?,?,?,?,?,?,?)", rows)
        db.executemany("INSERT OR IGNORE INTO dedup_dirty(num) VALUES (?)", [(n,) for r in rows for n in r[:2]])
        return [link for _, _, link in judged]

    def _check(self, sigs: list[Signature]) -> None:
        """Refuse a batch with a malformed or already indexed signature, naming the document."""
        seen: set[str] = set()
        for sig in sigs:
            if (sig.hashvalues.shape != (dedup.NUM_PERM,) or sig.paragraphs.dtype != dedup.PARAGRAPH_DTYPE
                    or len(sig.text_hash) != 32):
                raise StoreError(f"signature of {sig.document!r} is malformed (not made by storyline.dedup.signature)")
            if sig.document in seen:
                raise StoreError(f"{sig.document!r} appears twice in one batch")
            seen.add(sig.document)
        self._temp("_ids", "id TEXT", [(d,) for d in seen])
        known = self.db.execute("SELECT s.document FROM _ids i CROSS JOIN signatures s ON s.document = i.id LIMIT 1").fetchone()
        if known:
            raise StoreError(f"{known[0]!r} is already indexed")

    def _record_copies(self, index: dedup.Index, nums: np.ndarray, sigs: list[Signature]) -> None:
        """Record every occurrence of a paragraph found more than once (across or inside documents).

        Only paragraphs seen again get rows, so the table grows with the wire copy in the
        store, not with its size. A key already recorded just gains the new occurrences; a key
        seen for the second time also records the earlier occurrences, found through the
        candidate index and checked on the full 64-bit key.
        """
        counts = np.fromiter((len(s.paragraphs) for s in sigs), np.int64, len(sigs))
        if not counts.sum():
            return
        db = self.db
        paras = dedup.paragraphs_of(sigs)
        owner = np.repeat(nums, counts)
        keys = paras["key"]
        uniq, key_counts = np.unique(keys, return_counts=True)
        copied = [uniq[key_counts > 1]]  # repeated inside one document, or within this batch
        # keys earlier documents may have (32-bit postings): recorded already, or to be checked
        holders = index.holders(uniq, int(nums[0]))
        if holders:
            maybe = np.unique(np.fromiter(holders, np.int64, len(holders)))
            self._temp("_pkeys", "key INTEGER PRIMARY KEY", [(k,) for k in maybe.tolist()])
            recorded = [k for (k,) in db.execute(
                "SELECT p.key FROM _pkeys p WHERE EXISTS (SELECT 1 FROM paragraph_copies c WHERE c.key = p.key)")]
            copied.append(np.array(recorded, np.int64))
            todo = np.setdiff1d(maybe, np.array(recorded, np.int64))
            if len(todo):
                probe: dict[int, set[int]] = {}
                for k in todo.tolist():
                    for other in holders[k]:
                        probe.setdefault(other, set()).add(k)
                self._temp("_pnums", "num INTEGER PRIMARY KEY", [(n,) for n in probe])
                found_rows: list[tuple[int, int, int]] = []
                for num, blob in db.execute(
                        "SELECT s.num, s.paragraphs FROM _pnums p CROSS JOIN signatures s ON s.num = p.num"):
                    theirs = np.frombuffer(blob, dtype=dedup.PARAGRAPH_DTYPE)
                    found_rows.extend((num, idx, key) for idx, key in dedup.with_keys(theirs, probe[num]))
                if found_rows:
                    found_rows.sort(key=lambda r: r[2])
                    db.executemany("INSERT OR IGNORE INTO paragraph_copies(num, idx, key) VALUES (?,?,?)", found_rows)
                    copied.append(np.unique(np.array([r[2] for r in found_rows], np.int64)))
        mine = np.isin(keys, np.concatenate(copied))
        if mine.any():
            rows = np.column_stack([keys[mine], owner[mine], paras["index"][mine]])
            db.executemany("INSERT OR IGNORE INTO paragraph_copies(key, num, idx) VALUES (?,?,?)",
                           rows[np.argsort(rows[:, 0], kind="stable")].tolist())

    def _unindex(self, document_id: str) -> None:
        """Remove a document from the dedup index (its links' other ends get their groups redone)."""
        row = self.db.execute("SELECT num FROM signatures WHERE document = ?", (document_id,)).fetchone()
        if not row:
            return
        num = row[0]
        sig = self._load_signatures([num])[num]
        db = self.db
        db.executemany("INSERT OR IGNORE INTO dedup_dirty(num) VALUES (?)",
                       db.execute("SELECT b FROM links WHERE a = ? UNION SELECT a FROM links WHERE b = ?", (num, num)).fetchall())
        db.execute("DELETE FROM links WHERE a = ? OR b = ?", (num, num))
        db.executemany("DELETE FROM paragraph_copies WHERE key = ? AND num = ?",
                       [(k, num) for k in set(sig.paragraphs["key"].tolist())])
        db.execute("DELETE FROM signatures WHERE num = ?", (num,))
        db.execute("DELETE FROM dedup_dirty WHERE num = ?", (num,))
        db.execute("DELETE FROM groups WHERE document = ?", (document_id,))
        # a document with the same text that was linked to this one instead of indexed: index it now
        heir = db.execute("SELECT min(num) FROM signatures WHERE text_hash = ?", (bytes.fromhex(sig.text_hash),)).fetchone()[0]
        if heir is not None and self._dedup is not None and heir <= self._indexed_upto:
            self._dedup.add(np.array([heir]), [self._load_signatures([heir])[heir]])
        db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('groups_stale', '1')")

    def _load_signatures(self, nums: Iterable[int]) -> dict[int, Signature]:
        self._temp("_want", "num INTEGER", [(n,) for n in nums])
        out = {}
        for num, doc, th, sh, words, pub, hv, paras in self.db.execute(
                "SELECT s.num, s.document, s.text_hash, s.shingles, s.words, s.published, s.hashvalues, s.paragraphs"
                " FROM _want w CROSS JOIN signatures s ON s.num = w.num"):
            out[num] = Signature(doc, th.hex(), sh, np.frombuffer(hv, dtype="<u4").astype(np.uint32),
                                 dt.date.fromisoformat(pub) if pub else None, words,
                                 np.frombuffer(paras, dtype=dedup.PARAGRAPH_DTYPE).copy())
        return out

    def signatures(self) -> list[Signature]:
        """Every stored signature (for checks and one-off recomputation; builds never load them all)."""
        nums = [r[0] for r in self.db.execute("SELECT num FROM signatures ORDER BY num")]
        sigs = self._load_signatures(nums)
        return [sigs[n] for n in nums]

    # -- paragraphs found more than once --------------------------------------------------------
    def _occurrences(self, ids: Optional[list[str]] = None) -> list[dedup.ParagraphOccurrences]:
        """Paragraph keys found more than once, with every occurrence (only keys of ``ids`` if given)."""
        if ids is None:
            rows = self.db.execute(
                "SELECT p.key, s.document, p.idx FROM paragraph_copies p CROSS JOIN signatures s ON s.num = p.num"
                " ORDER BY p.key")
        else:
            self._temp("_docs", "id TEXT PRIMARY KEY", [(i,) for i in ids])
            # only paragraphs found more than once have copy rows: their keys, by document number
            self.db.execute("CREATE TEMP TABLE IF NOT EXISTS _keys(key INTEGER PRIMARY KEY)")
            self.db.execute("DELETE FROM _keys")
            self.db.execute("INSERT OR IGNORE INTO _keys SELECT p.key FROM _docs d CROSS JOIN signatures s"
                            " ON s.document = d.id CROSS JOIN paragraph_copies p ON p.num = s.num")
            rows = self.db.execute(
                "SELECT p.key, s.document, p.idx FROM _keys k CROSS JOIN paragraph_copies p ON p.key = k.key"
                " CROSS JOIN signatures s ON s.num = p.num ORDER BY p.key")
        found: dict[int, list[tuple[str, int]]] = {}
        for key, doc, idx in rows:
            found.setdefault(key, []).append((doc, idx))
        return [dedup.ParagraphOccurrences(k, sorted(v)) for k, v in found.items() if len(v) > 1]

    def _sources(self, docs: Iterable[str]) -> tuple[dict[str, Optional[dt.date]], dict[str, str]]:
        """Publication dates and source keys (duplicate group, else the document) of documents."""
        self._temp("_src", "id TEXT PRIMARY KEY", [(d,) for d in set(docs)])
        published, source = {}, {}
        for doc, pub, grp in self.db.execute(
                "SELECT s.document, s.published, g.grp FROM _src x CROSS JOIN signatures s ON s.document = x.id"
                " LEFT JOIN groups g ON g.document = s.document"):
            published[doc] = dt.date.fromisoformat(pub) if pub else None
            source[doc] = grp or doc
        return published, source

    def duplicate_paragraphs(self) -> list[SharedParagraph]:
        """Paragraphs found more than once (wire copy across documents, repeats inside one)."""
        occurrences = self._occurrences()
        published, source = self._sources(d for o in occurrences for d, _ in o.occurrences)
        texts = {doc: text for doc, text in self.db.execute(
            "SELECT d.id, d.text FROM _src x CROSS JOIN documents d ON d.id = x.id")}
        return dedup.paragraph_copies(occurrences, published, source, texts)

    def _paragraph_origins(self, ids: list[str]) -> tuple[dict[str, dict[int, str]], dict[str, set[int]]]:
        """For these documents, the paragraphs another source published first (→ that source),
        and the paragraphs repeating an earlier one of the same document."""
        occurrences = self._occurrences(ids)
        published, source = self._sources(d for o in occurrences for d, _ in o.occurrences)
        return dedup.paragraph_origins(occurrences, published, source)

    def wire_origins(self, ids: Iterable[str]) -> dict[str, dict[int, str]]:
        """For these documents, the paragraphs another source published first → that source."""
        return self._paragraph_origins(list(ids))[0]
