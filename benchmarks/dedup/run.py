"""Dedup benchmark: storyline against plain datasketch MinHashLSH on a corpus with known groups.

For each size N the corpus of ``generate.py`` (raw pages; the first N pages of a bigger run
are the same pages) is scored three ways:

- **storyline**: the clean stage on each raw page, then the dedup stage as a build runs it:
  signatures (vectorized, in ``--workers`` processes) indexed into a fresh SQLite store
  (band keys, paragraph keys, links, one transaction per chunk), then ``update_groups``.
  Timed from reading the clean texts to the groups written; the clean stage is timed apart.
- **exact** (sizes up to ``--exact-max``): storyline's decision rule on exact shingle sets over
  all pairs that share a shingle (sparse X·Xᵀ), so the MinHash estimates and the LSH and
  paragraph candidates can be checked against exact similarity.
- **baseline**: what most pipelines do: ``datasketch.MinHash`` (``MinHash.bulk``, word 5-shingles,
  128 permutations) of each raw page and ``datasketch.MinHashLSH`` at a threshold; pages
  that are LSH candidates of each other are one group (union-find), as in the usual
  near-dedup recipes. Sizes up to ``--baseline-max``.

Scores are pairwise over documents: precision = pairs put together that belong together /
pairs put together; recall = pairs put together / pairs that belong together (the known
families). Also reported: recall per kind of copy, false pairs by kind of hard negative,
documents per second (wall clock, with the processes' CPU time), peak resident memory (sum
over the benchmark's processes, sampled) and the store's bytes per document.

    python benchmarks/dedup/run.py [--sizes 10000,100000,1000000] [--data DIR] [--work DIR]
                                   [--workers 2] [--exact-max 10000] [--baseline-max 100000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing
import os
import platform
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Optional

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import DEFAULT_DATA, Generator  # noqa: E402

KINDS = ["original", "repost", "update", "trim", "edit", "quote", "brief"]


# --- preparing the corpus: generate, clean, keep on disk ---------------------------------------

def _clean(text: str) -> Optional[str]:
    from storyline.clean import CleanError, clean_text
    try:
        result = clean_text(text)
    except CleanError:
        return None
    return result.text if result.text.strip() else None


def _clean_chunk(texts: list[str]) -> tuple[list[Optional[str]], float]:
    start = time.process_time()
    out = [_clean(t) for t in texts]
    return out, time.process_time() - start


class Corpus:
    """A generated corpus on disk: raw and clean texts as UTF-8 blobs with offsets, metadata arrays."""

    def __init__(self, folder: Path):
        self.folder = folder
        meta = np.load(folder / "meta.npz", allow_pickle=False)
        self.n = int(meta["n"])
        self.family = meta["family"]
        self.kind = meta["kind"]
        self.site = meta["site"]
        self.real = meta["real"]
        self.published = meta["published"]
        self.clean_ok = meta["clean_ok"]
        self.raw_offsets = meta["raw_offsets"]
        self.clean_offsets = meta["clean_offsets"]
        self.clean_seconds = float(meta["clean_seconds"])
        self.clean_cpu = float(meta["clean_cpu"])

    def texts(self, which: str, start: int, end: int) -> list[str]:
        offsets = self.raw_offsets if which == "raw" else self.clean_offsets
        with open(self.folder / f"{which}.bin", "rb") as fh:
            fh.seek(int(offsets[start]))
            blob = fh.read(int(offsets[end] - offsets[start]))
        base = int(offsets[start])
        return [blob[int(offsets[i]) - base:int(offsets[i + 1]) - base].decode("utf-8") for i in range(start, end)]


def prepare(n: int, data: Path, work: Path, seed: int, workers: int, bodies: bool = False) -> Corpus:
    """Generate and clean N pages (or, with ``bodies``, keep each page's body as generated)."""
    suffix = "-bodies" if bodies else ""
    folder = work / f"corpus-s{seed}-n{n}{suffix}"
    if (folder / "meta.npz").is_file():
        return Corpus(folder)
    bigger = sorted((p for p in work.glob(f"corpus-s{seed}-n*{suffix}")
                     if (p / "meta.npz").is_file() and p.name.endswith("-bodies") == bodies),
                    key=lambda p: int(p.name.removesuffix("-bodies").rsplit("n", 1)[1]))
    for p in bigger:
        if int(p.name.removesuffix("-bodies").rsplit("n", 1)[1]) >= n:
            return Corpus(p)
    folder.mkdir(parents=True, exist_ok=True)
    gen = Generator(data, seed)
    families: dict[str, int] = {}
    sites: dict[str, int] = {}
    family = np.zeros(n, np.int64)
    kind = np.zeros(n, np.int8)
    site = np.zeros(n, np.int32)
    real = np.zeros(n, bool)
    published = np.zeros(n, np.int32)
    clean_ok = np.zeros(n, bool)
    raw_offsets = [0]
    clean_offsets = [0]
    clean_seconds = clean_cpu = 0.0
    chunk = 2000
    pages = gen.pages(n)
    done = 0
    print(f"preparing {n} pages in {folder} ({len(gen.real)} real base articles)", file=sys.stderr)
    with open(folder / "raw.bin", "wb") as raw_fh, open(folder / "clean.bin", "wb") as clean_fh, \
            multiprocessing.get_context("fork").Pool(workers) as pool:
        while done < n:
            batch = []
            for page in pages:
                batch.append(page)
                if len(batch) >= chunk:
                    break
            if not batch:
                break
            for i, page in enumerate(batch, start=done):
                family[i] = families.setdefault(page.family, len(families))
                kind[i] = KINDS.index(page.kind)
                site[i] = sites.setdefault(page.site, len(sites))
                real[i] = page.real
                published[i] = page.published.toordinal()
                blob = page.text.encode("utf-8")
                raw_fh.write(blob)
                raw_offsets.append(raw_offsets[-1] + len(blob))
            if bodies:
                cleaned = [p.body for p in batch]
            else:
                texts = [p.text for p in batch]
                parts = [texts[j:j + 100] for j in range(0, len(texts), 100)]
                t0 = time.perf_counter()
                cleaned = []
                for out, cpu in pool.map(_clean_chunk, parts):
                    cleaned.extend(out)
                    clean_cpu += cpu
                clean_seconds += time.perf_counter() - t0
            for i, text in enumerate(cleaned, start=done):
                clean_ok[i] = text is not None
                blob = (text or "").encode("utf-8")
                clean_fh.write(blob)
                clean_offsets.append(clean_offsets[-1] + len(blob))
            done += len(batch)
            if done % 20000 == 0 or done == n:
                print(f"  {done} pages generated and cleaned", file=sys.stderr)
    np.savez(folder / "meta.npz", n=done, family=family[:done], kind=kind[:done], site=site[:done],
             real=real[:done], published=published[:done], clean_ok=clean_ok[:done],
             raw_offsets=np.array(raw_offsets, np.int64), clean_offsets=np.array(clean_offsets, np.int64),
             clean_seconds=clean_seconds, clean_cpu=clean_cpu)
    return Corpus(folder)


# --- memory sampling ----------------------------------------------------------------------------

class PeakMemory:
    """Peak of the summed proportional set size (PSS: shared pages divided among the processes
    sharing them, so forked workers are not counted twice) of this process and its children,
    sampled every 50 ms."""

    def __init__(self):
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @staticmethod
    def _rss(pid: int) -> int:
        try:
            with open(f"/proc/{pid}/smaps_rollup") as fh:
                for line in fh:
                    if line.startswith("Pss:"):
                        return int(line.split()[1]) * 1024
        except OSError:
            pass
        return 0

    def _children(self, pid: int) -> list[int]:
        try:
            with open(f"/proc/{pid}/task/{pid}/children") as fh:
                kids = [int(x) for x in fh.read().split()]
        except OSError:
            return []
        out = list(kids)
        for k in kids:
            out.extend(self._children(k))
        return out

    def _run(self):
        me = os.getpid()
        while not self._stop.is_set():
            total = self._rss(me) + sum(self._rss(c) for c in self._children(me))
            self.peak = max(self.peak, total)
            self._stop.wait(0.05)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def _cpu() -> float:
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


# --- storyline ------------------------------------------------------------------------------------

_CORPUS: Optional[Corpus] = None


def _sign(span: tuple[int, int]):
    from storyline import dedup
    start, end = span
    texts = _CORPUS.texts("clean", start, end)
    items = [(f"p{i:07d}", t, dt.date.fromordinal(int(_CORPUS.published[i])))
             for i, t in zip(range(start, end), texts) if _CORPUS.clean_ok[i]]
    return dedup.signatures(items)


def run_storyline(folder: Path, n: int, workers: int, out: Path, chunk: int = 2000) -> dict:
    """The measured part, in its own process: signatures + store index + groups for N documents."""
    global _CORPUS
    from storyline.store import Store
    corpus = _CORPUS = Corpus(folder)
    db = out.with_suffix(".db")
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    spans = [(s, min(n, s + chunk)) for s in range(0, n, chunk)]
    with PeakMemory() as mem:
        cpu0, t0 = _cpu(), time.perf_counter()
        with Store(db) as store, multiprocessing.get_context("fork").Pool(workers) as pool:
            store.db.execute("PRAGMA foreign_keys = OFF")  # dedup rows only: no documents rows to point to
            for sigs in pool.imap(_sign, spans):
                store.add_signatures(sigs)
            t_index = time.perf_counter()
            store.update_groups()
            t1 = time.perf_counter()
            index_bytes = store._dedup.nbytes if store._dedup is not None else 0
            groups = store.groups()
        cpu1 = _cpu()
    labels = np.full(n, -1, np.int64)
    for g, group in enumerate(groups):
        for m in group.members:
            labels[int(m.document[1:])] = g
    np.save(out, labels)
    with Store(db) as store:
        t2 = time.perf_counter()
        store._memory_index()  # what a later build does first: the candidate index from the stored rows
        reload_seconds = time.perf_counter() - t2
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        try:
            tables = dict(store.db.execute(
                "SELECT name, sum(pgsize) FROM dbstat WHERE name IN ('signatures', 'lsh_bands', 'paragraph_keys',"
                " 'links', 'groups', 'signatures_text_hash', 'links_b', 'sqlite_autoindex_signatures_1',"
                " 'paragraph_copies', 'paragraph_copies_key', 'sqlite_autoindex_groups_1', 'groups_grp')"
                " GROUP BY name").fetchall())
        except Exception:  # SQLite built without dbstat
            tables = {}
    stats = {"seconds": t1 - t0, "index_seconds": t_index - t0, "group_seconds": t1 - t_index,
             "cpu_seconds": cpu1 - cpu0, "peak_bytes": mem.peak, "db_bytes": db.stat().st_size,
             "table_bytes": tables, "index_bytes": index_bytes, "index_reload_seconds": reload_seconds,
             "documents": int(corpus.clean_ok[:n].sum())}
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    return stats


# --- baseline ---------------------------------------------------------------------------------------

_WORD = re.compile(r"\w+")


def _baseline_minhashes(span: tuple[int, int]):
    from datasketch import LeanMinHash, MinHash
    start, end = span
    texts = _CORPUS.texts("raw", start, end)
    shingle_lists = []
    for text in texts:
        words = _WORD.findall(text.lower())
        shingle_lists.append(list({" ".join(words[i:i + 5]).encode("utf-8") for i in range(max(1, len(words) - 4))}))
    return [LeanMinHash(m) for m in MinHash.bulk(shingle_lists, num_perm=128)]


def run_baseline(folder: Path, n: int, workers: int, thresholds: list[float], out: Path, chunk: int = 1000) -> dict:
    global _CORPUS
    from datasketch import MinHashLSH

    from storyline.unionfind import UnionFind
    _CORPUS = Corpus(folder)
    spans = [(s, min(n, s + chunk)) for s in range(0, n, chunk)]
    stats = {}
    with PeakMemory() as mem:
        cpu0, t0 = _cpu(), time.perf_counter()
        minhashes = []
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            for part in pool.imap(_baseline_minhashes, spans):
                minhashes.extend(part)
        t_sig = time.perf_counter()
        for threshold in thresholds:
            t2 = time.perf_counter()
            lsh = MinHashLSH(threshold=threshold, num_perm=128)
            with lsh.insertion_session() as session:
                for i, m in enumerate(minhashes):
                    session.insert(i, m, check_duplication=False)
            sets = UnionFind(range(n))
            for i, m in enumerate(minhashes):
                for j in lsh.query(m):
                    sets.union(i, j)
            labels = np.array([sets.find(i) for i in range(n)], np.int64)
            np.save(out.with_name(out.stem + f"-t{threshold}.npy"), labels)
            stats[threshold] = {"lsh_seconds": time.perf_counter() - t2}
            del lsh
        t1 = time.perf_counter()
        cpu1 = _cpu()
    for threshold in thresholds:
        stats[threshold].update({"signature_seconds": t_sig - t0, "seconds": t_sig - t0 + stats[threshold]["lsh_seconds"],
                                 "cpu_seconds": cpu1 - cpu0, "peak_bytes": mem.peak, "all_seconds": t1 - t0})
    return stats


# --- exact all-pairs check --------------------------------------------------------------------------

def run_exact(corpus: Corpus, n: int) -> tuple[np.ndarray, dict]:
    """Storyline's rule on exact shingle sets over every pair sharing a shingle."""
    import scipy.sparse as sp

    from storyline import dedup
    ok = np.flatnonzero(corpus.clean_ok[:n])
    texts = corpus.texts("clean", 0, n)
    items = [(f"p{i:07d}", texts[i], dt.date.fromordinal(int(corpus.published[i]))) for i in ok]
    sigs = dedup.signatures(items)
    sets = dedup.shingle_sets([texts[i] for i in ok])
    sizes = np.array([len(s) for s in sets])
    cols, inverse = np.unique(np.concatenate(sets), return_inverse=True)
    rows = np.repeat(np.arange(len(sets)), sizes)
    x = sp.csr_matrix((np.ones(len(rows), np.float32), (rows, inverse)), shape=(len(sets), len(cols)))
    inter = sp.triu(x @ x.T, k=1).tocoo()
    i, j, c = inter.row, inter.col, inter.data.astype(np.int64)
    jac = c / (sizes[i] + sizes[j] - c)
    rule = dedup.DEFAULT_RULE
    min_shared = 2 * (dedup.MIN_PARAGRAPH_WORDS - dedup.SHINGLE + 1)
    keep = (jac >= min(rule.version_jaccard, rule.near_duplicate)) | (c >= min_shared)
    links = []
    errors = []
    for a, b, jv in zip(i[keep].tolist(), j[keep].tolist(), jac[keep].tolist()):
        link = dedup.compare(sigs[a], sigs[b], jv, rule)
        if link:
            links.append(link)
            errors.append(abs(dedup.jaccard(sigs[a], sigs[b]) - jv))
    labels = np.full(n, -1, np.int64)
    for g, comp in enumerate(dedup.components([s.document for s in sigs], links)):
        for d in comp:
            labels[int(d[1:])] = g
    return labels, {"pairs_sharing_a_shingle": int(len(c)), "pairs_judged": int(keep.sum()), "links": len(links),
                    "jaccard_abs_error_mean": float(np.mean(errors)) if errors else 0.0,
                    "jaccard_abs_error_p95": float(np.percentile(errors, 95)) if errors else 0.0}


# --- choosing the thresholds ------------------------------------------------------------------------

# The thresholds swept, by the names they are printed under: each is a field of ``dedup.DedupRule``
# (lower-cased); the others keep the default rule's values.
SWEEP = {"NEAR_DUPLICATE": [0.7, 0.8, 0.9], "VERSION_PARAGRAPHS": [0.4, 0.5, 0.6, 0.7, 0.8],
         "VERSION_JACCARD": [0.15, 0.2, 0.25, 0.3, 0.4], "VERSION_CONTAINMENT": [0.3, 0.4, 0.5, 0.6, 0.7]}


def sweep(corpus: Corpus, n: int) -> tuple[list[dict], list[dict]]:
    """Pairwise P/R/F1 of every combination of the decision thresholds in ``SWEEP``.

    Candidates come from the in-memory index as in a build; each candidate pair's features
    (``dedup.pair_features``) are measured once, and each setting is a ``dedup.DedupRule`` (the
    default rule with the swept thresholds replaced) that judges all the pairs at once: the
    rule of the build itself, applied to arrays of features.
    """
    import dataclasses
    import itertools

    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    from storyline import dedup
    ok = np.flatnonzero(corpus.clean_ok[:n])
    texts = corpus.texts("clean", 0, n)
    sigs = dedup.signatures([(f"p{i:07d}", texts[i], None) for i in ok])
    by_hash: dict[str, int] = {}
    pairs = set()
    distinct = []
    for k, s in enumerate(sigs):
        if s.words and s.text_hash in by_hash:
            pairs.add((by_hash[s.text_hash], k))
        elif s.words:
            by_hash[s.text_hash] = k
            distinct.append(k)
    index = dedup.Index()
    nums = np.array(distinct, np.int64)
    chosen = [sigs[k] for k in distinct]
    index.add(nums, chosen)
    for a, b in index.candidates(nums, chosen).tolist():
        pairs.add((min(a, b), max(a, b)))
    pairs = sorted(pairs)
    features = dedup.PairFeatures.stack([dedup.pair_features(sigs[a], sigs[b]) for a, b in pairs])
    pa = np.array([ok[a] for a, _ in pairs], np.int64)
    pb = np.array([ok[b] for _, b in pairs], np.int64)
    truth = corpus.family[:n]
    out = []
    names = list(SWEEP)
    for values in itertools.product(*(SWEEP[k] for k in names)):
        t = dict(zip(names, values))
        rule = dataclasses.replace(dedup.DEFAULT_RULE, **{k.lower(): v for k, v in t.items()})
        keep = rule.joins(features)
        graph = coo_matrix((np.ones(int(keep.sum())), (pa[keep], pb[keep])), shape=(n, n))
        _, labels = connected_components(graph, directed=False)
        out.append({**t, **pairwise(truth, labels)})
    out.sort(key=lambda r: -r["f1"])
    # the label of a candidate (original, copy) pair: reposts and copy edits are duplicates of the
    # original, updates and trims versions of it
    kind = corpus.kind[:n]
    original = {int(truth[i]): i for i in np.flatnonzero(kind == KINDS.index("original")).tolist()}
    labelled = []
    for p, (a, b) in enumerate(zip(pa.tolist(), pb.tolist())):
        if truth[a] != truth[b] or original.get(int(truth[a])) not in (a, b):
            continue
        other = b if original[int(truth[a])] == a else a
        expected = {"repost": "duplicate", "edit": "duplicate", "update": "version", "trim": "version"}.get(KINDS[kind[other]])
        if expected:
            labelled.append((p, expected, KINDS[kind[other]]))
    out_labels = []
    for near in (0.5, 0.6, 0.7, 0.8, 0.9):
        for same_size in (0.0, 0.85, 0.9, 0.95):
            duplicate = dataclasses.replace(dedup.DEFAULT_RULE, near_duplicate=near, same_length=same_size).duplicate(features)
            got = [("duplicate" if duplicate[p] else "version", e, k) for p, e, k in labelled]
            wrong: dict[str, int] = {}
            for g, e, k in got:
                if g != e:
                    wrong[k] = wrong.get(k, 0) + 1
            out_labels.append({"NEAR_DUPLICATE": near, "SAME_SIZE": same_size, "wrong": wrong,
                               "label_accuracy": sum(g == e for g, e, _ in got) / max(1, len(got)), "pairs": len(got)})
    return out, out_labels


# --- scoring ------------------------------------------------------------------------------------------

def _pairs(sizes: np.ndarray) -> int:
    sizes = sizes.astype(np.int64)
    return int((sizes * (sizes - 1) // 2).sum())


def _singletons_apart(labels: np.ndarray) -> np.ndarray:
    out = labels.copy()
    alone = out < 0
    out[alone] = out.max(initial=0) + 1 + np.arange(alone.sum())
    return out


def pairwise(truth: np.ndarray, pred: np.ndarray) -> dict:
    t = _singletons_apart(truth)
    p = _singletons_apart(pred)
    _, joint = np.unique(np.stack([t, p]), axis=1, return_counts=True)
    tp = _pairs(joint)
    pred_pairs = _pairs(np.unique(p, return_counts=True)[1])
    true_pairs = _pairs(np.unique(t, return_counts=True)[1])
    precision = tp / pred_pairs if pred_pairs else 1.0
    recall = tp / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "true_pairs": true_pairs, "pred_pairs": pred_pairs}


def breakdown(corpus: Corpus, n: int, pred: np.ndarray) -> dict:
    """Recall of (original, copy) pairs per kind of copy; false pairs per kind of negative."""
    fam, kind, site = corpus.family[:n], corpus.kind[:n], corpus.site[:n]
    p = _singletons_apart(pred)
    out: dict = {"kind_recall": {}, "false_pairs": {"same site": 0, "quote": 0, "other": 0}}
    original = {}
    for i in np.flatnonzero(kind == KINDS.index("original")).tolist():
        original[int(fam[i])] = i
    for k in ("repost", "update", "trim", "edit"):
        idx = [i for i in np.flatnonzero(kind == KINDS.index(k)).tolist() if int(fam[i]) in original]
        if idx:
            hits = sum(p[i] == p[original[int(fam[i])]] for i in idx)
            out["kind_recall"][k] = hits / len(idx)
    order = np.argsort(p, kind="stable")
    ps = p[order]
    bounds = np.flatnonzero(np.diff(ps)) + 1
    for members in np.split(order, bounds):
        if len(members) < 2 or len(members) > 2000:
            if len(members) > 2000:
                out["false_pairs"]["other"] += _pairs(np.array([len(members)]))
            continue
        m = members.tolist()
        for x in range(len(m)):
            for y in range(x + 1, len(m)):
                a, b = m[x], m[y]
                if fam[a] == fam[b]:
                    continue
                if site[a] == site[b]:
                    out["false_pairs"]["same site"] += 1
                elif KINDS[kind[a]] == "quote" or KINDS[kind[b]] == "quote":
                    out["false_pairs"]["quote"] += 1
                else:
                    out["false_pairs"]["other"] += 1
    return out


# --- driver -------------------------------------------------------------------------------------------

def _child(args: argparse.Namespace) -> int:
    folder, n, out = Path(args.folder), args.n, Path(args.out)
    if args.child == "storyline":
        stats = run_storyline(folder, n, args.workers, out)
    else:
        stats = run_baseline(folder, n, args.workers, [float(t) for t in args.thresholds.split(",")], out)
    Path(str(out) + ".json").write_text(json.dumps(stats))
    return 0


def _run_child(kind: str, folder: Path, n: int, workers: int, out: Path, thresholds: str = "") -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", kind, "--folder", str(folder), "--n", str(n),
           "--workers", str(workers), "--out", str(out), "--thresholds", thresholds]
    subprocess.run(cmd, check=True)
    return json.loads(Path(str(out) + ".json").read_text())


def _fmt_bytes(b: float) -> str:
    return f"{b / 2**20:,.0f} MiB" if b >= 2**20 else f"{b / 1024:.1f} KiB"


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the T17 folder (topic/articles.csv)")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "storyline-dedup-bench",
                        help="where the generated corpus and stores go (reused between runs)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--exact-max", type=int, default=10000)
    parser.add_argument("--baseline-max", type=int, default=100000)
    parser.add_argument("--thresholds", default="0.5,0.8", help="baseline LSH thresholds")
    parser.add_argument("--json", type=Path, help="also write all results here")
    parser.add_argument("--bodies", action="store_true",
                        help="skip cleaning: dedup each page's body as generated (for sizes where cleaning takes hours)")
    parser.add_argument("--sweep", type=int, help="only print the threshold sweep on the first N pages")
    # internal: one measured run in a fresh process
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    parser.add_argument("--n", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return _child(args)

    if not (args.data / "egypt" / "articles.csv").is_file():
        print(f"no T17 data at {args.data} (give --data)", file=sys.stderr)
        return 2
    sizes = [int(s) for s in args.sizes.split(",")]
    args.work.mkdir(parents=True, exist_ok=True)
    if args.sweep:
        corpus = prepare(args.sweep, args.data, args.work, args.seed, args.workers)
        rows, label_rows = sweep(corpus, args.sweep)
        for r in label_rows:
            print(f"NEAR_DUPLICATE {r['NEAR_DUPLICATE']}, SAME_SIZE {r['SAME_SIZE']}: relation right for "
                  f"{r['label_accuracy']:.3f} of {r['pairs']} linked (original, copy) pairs; wrong: {r['wrong']}")
        names = list(SWEEP)
        print("| " + " | ".join(names) + " | precision | recall | F1 |")
        print("|" + "---:|" * (len(names) + 3))
        for r in rows[:15]:
            print("| " + " | ".join(str(r[k]) for k in names) + f" | {r['precision']:.4f} | {r['recall']:.4f} | {r['f1']:.4f} |")
        return 0
    corpus = prepare(max(sizes), args.data, args.work, args.seed, args.workers, args.bodies)
    results = {"input": "bodies as generated" if args.bodies else "cleaned pages", "date": dt.date.today().isoformat(), "machine": f"{os.cpu_count()} CPUs, {platform.processor() or platform.machine()}",
               "python": platform.python_version(), "sizes": {}}
    rows = []
    for n in sizes:
        res: dict = {}
        truth = corpus.family[:n]
        ok = int(corpus.clean_ok[:n].sum())
        res["pages"] = n
        res["clean_failed"] = n - ok
        res["real_share"] = float(corpus.real[:n].mean())
        res["true_pairs"] = pairwise(truth, truth)["true_pairs"]
        out = args.work / f"story-{n}"
        s = _run_child("storyline", corpus.folder, n, args.workers, out)
        pred = np.load(str(out) + ".npy")
        res["storyline"] = {**s, **pairwise(truth, pred), **breakdown(corpus, n, pred)}
        rows.append((n, "storyline", res["storyline"]))
        print(f"N={n} storyline: {json.dumps(res['storyline'])}", file=sys.stderr)
        if n <= args.exact_max:
            exact, info = run_exact(corpus, n)
            res["exact"] = {**info, **pairwise(truth, exact), **breakdown(corpus, n, exact),
                            "storyline_vs_exact": pairwise(exact, pred)}
            rows.append((n, "exact", res["exact"]))
            print(f"N={n} exact: {json.dumps(res['exact'])}", file=sys.stderr)
        if n <= args.baseline_max:
            bout = args.work / f"base-{n}"
            b = _run_child("baseline", corpus.folder, n, args.workers, bout, args.thresholds)
            for t, st in b.items():
                pred_b = np.load(str(bout.with_name(bout.stem + f"-t{float(t)}.npy")))
                res[f"baseline@{t}"] = {**st, **pairwise(truth, pred_b), **breakdown(corpus, n, pred_b)}
                rows.append((n, f"datasketch MinHashLSH @{t}", res[f"baseline@{t}"]))
                print(f"N={n} baseline {t}: {json.dumps(res[f'baseline@{t}'])}", file=sys.stderr)
        results["sizes"][n] = res
    results["clean"] = {"pages": corpus.n, "seconds": corpus.clean_seconds, "cpu_seconds": corpus.clean_cpu}
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))

    print("| N | method | precision | recall | F1 | docs/s (wall) | docs/CPU-s | peak memory | index bytes/doc | store bytes/doc |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n, name, r in rows:
        speed = f"{n / r['seconds']:,.0f}" if "seconds" in r else "—"
        cpu = f"{n / r['cpu_seconds']:,.0f}" if "cpu_seconds" in r else "—"
        mem = _fmt_bytes(r["peak_bytes"]) if "peak_bytes" in r else "—"
        per_doc = f"{r['db_bytes'] / max(1, r['documents']):,.0f}" if "db_bytes" in r else "—"
        in_memory = f"{r['index_bytes'] / max(1, r['documents']):,.0f}" if "index_bytes" in r else "—"
        print(f"| {n:,} | {name} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} | {speed} | {cpu} | {mem} "
              f"| {in_memory} | {per_doc} |")
    print()
    print("| N | method | recall: repost | update | trim | edit | false pairs: same site | quote | other |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    for n, name, r in rows:
        rec = r["kind_recall"]
        fp = r["false_pairs"]
        print(f"| {n:,} | {name} | " + " | ".join(f"{rec.get(k, float('nan')):.3f}" for k in ("repost", "update", "trim", "edit"))
              + f" | {fp['same site']:,} | {fp['quote']:,} | {fp['other']:,} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
