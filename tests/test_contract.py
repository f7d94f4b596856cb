"""The JSON contract: one module builds every shape the CLI prints and the web API returns, and
the web app's OpenAPI models describe exactly those shapes."""

import datetime as dt
import json

import pytest

from storyline import api, contract

pytest.importorskip("fastapi")
from storyline.web import schemas  # noqa: E402


def test_a_timeline_survives_the_round_trip(sample_store):
    tl, _ = api.timeline(sample_store)
    data = contract.timeline_to_dict(tl)
    assert contract.timeline_from_dict(json.loads(json.dumps(data))) == tl
    assert all("date" not in e for e in data["undated"]) and all("date" in e for e in data["entries"])


def test_to_json_is_the_command_lines_layout():
    assert contract.to_json({"a": "Lessing – Torvik"}) == '{\n  "a": "Lessing – Torvik"\n}\n'
    assert contract.to_json({"a": "–"}, ascii=True) == '{\n  "a": "\\u2013"\n}\n'


def test_the_schemas_describe_every_shape(sample_store, tmp_path):
    docs = api.documents(sample_store)
    schemas.Timeline.model_validate(contract.timeline_to_dict(api.timeline(sample_store)[0]))
    for d in contract.documents_to_dict(docs):
        schemas.Document.model_validate(d)
        assert set(d) == set(schemas.Document.model_fields)
    doc = api.document(sample_store, docs[0].id)
    annotations = contract.annotations_to_dict(doc)
    schemas.Annotations.model_validate(annotations)
    assert len(annotations["sentences"]) == len(doc.sentences)
    assert any(s["timeline"] for s in annotations["sentences"])
    results = contract.search_results_to_dict(api.search(sample_store, "flood"))
    schemas.SearchResults.model_validate(results)
    assert set(results["results"][0]["document"]) == set(schemas.DocumentSummary.model_fields)
    for g in contract.groups_to_dict(api.duplicate_groups(sample_store)):
        schemas.Group.model_validate(g)
    for e in contract.build_errors_to_dict(api.build_errors(sample_store)):
        schemas.BuildError.model_validate(e)
    report = api.add_files([("a.txt", docs[0].text.encode()), ("b.txt", b"")], db=tmp_path / "s.db")
    upload = contract.upload_report_to_dict(report)
    schemas.UploadReport.model_validate(upload)
    assert set(upload) == set(schemas.UploadReport.model_fields)
    assert upload["errors"] == [{"path": "b.txt", "reason": report.errors[0].reason}]
    schemas.Error.model_validate(contract.error_to_dict("no"))
    invalid = [{"loc": ["query", "dates"], "msg": "too small", "type": "greater_than_equal", "input": "0"}]
    assert contract.validation_errors_to_dict(invalid) == {
        "detail": [{"loc": ["query", "dates"], "msg": "too small", "type": "greater_than_equal"}]}
    schemas.ValidationErrors.model_validate(contract.validation_errors_to_dict(invalid))


def test_timex_and_clean_shapes(tmp_path):
    mentions = api.find_dates("They met on Tuesday.", anchor=dt.date(2022, 3, 12))
    assert contract.timex_to_dict(mentions) == {"timexes": [
        {"start": 12, "end": 19, "text": "Tuesday", "type": "DATE", "value": "2022-03-08", "granularity": "day",
         "mod": None, "anchor": "2022-03-12"}]}
    (tmp_path / "a.txt").write_text("Talks open\n\nBy Lena Hartmann | March 12, 2022\n\nThe talks opened on Tuesday "
                                    "in Lessing, officials said, and will go on for a week.\n", encoding="utf-8")
    [(path, result)] = api.clean_files([tmp_path / "a.txt"])
    data = contract.clean_result_to_dict(path, result)
    assert list(data) == ["path", "title", "published", "published_time", "byline", "dateline", "source",
                          "contributors", "language", "text", "removed"]
    assert (data["path"], data["published"], data["byline"]) == (str(tmp_path / "a.txt"), "2022-03-12", "Lena Hartmann")
