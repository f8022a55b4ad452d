"""The data package a portal ingests: metadata, keys, CKAN mapping, the zip."""
from __future__ import annotations

import json
import zipfile

import frictionless
import pytest
from frictionless_ckan_mapper import frictionless_to_ckan

from pipeline import emit, package
from pipeline.cli import main
from pipeline.model import Service
from tests.conftest import SAMPLE


def descriptor(folder) -> dict:
    return json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))


def test_frictionless_validates_rows_keys_bytes_and_hashes(outputs_run):
    report = frictionless.validate(str(outputs_run / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    services = descriptor(outputs_run)["resources"][1]
    assert services["schema"]["primaryKey"] == ["service_id"]
    assert services["schema"]["foreignKeys"] == [
        {"fields": "charter_id", "reference": {"resource": "charters", "fields": "charter_id"}}]
    assert services["bytes"] == (outputs_run / "services.csv").stat().st_size
    assert services["hash"].startswith("sha256:") and len(services["hash"]) == 71


def test_a_broken_foreign_key_is_caught(outputs_run, tmp_path):
    for name in package.table_names(outputs_run):
        (tmp_path / f"{name}.csv").write_bytes((outputs_run / f"{name}.csv").read_bytes())
    text = (tmp_path / "services.csv").read_text(encoding="utf-8-sig")
    (tmp_path / "services.csv").write_text(text.replace(",lakhai-ict-citizen-charter-", ",lakhai-gone-", 1),
                                           encoding="utf-8-sig")
    package.write(tmp_path, package.Options())
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert [e.type for e in report.tasks[1].errors] == ["foreign-key"]


def test_release_metadata(outputs_run):
    meta = descriptor(outputs_run)
    assert (meta["version"], meta["created"]) == ("2026-12-01", "2026-12-01T00:00:00Z")
    assert meta["licenses"] == [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
                                 "path": "https://creativecommons.org/licenses/by/4.0/"}]
    assert meta["sources"] == [{"title": SAMPLE.name, "path": "https://lakhai.habiganj.gov.bd/site/page/charter"},
                               {"title": "land/office.txt", "path": "https://example.gov.bd/land/charter"}]
    assert {"title": "Open Data Desk", "role": "maintainer", "email": "data@example.org"} in meta["contributors"]
    assert "সিটিজেনস চার্টার" in meta["keywords"]
    assert all(r["title"] and r["description"] for r in meta["resources"])


def test_without_a_release_the_version_is_a_hash_of_the_sources(outputs_run, tmp_path):
    for name in package.table_names(outputs_run):
        (tmp_path / f"{name}.csv").write_bytes((outputs_run / f"{name}.csv").read_bytes())
    meta = package.datapackage(tmp_path, package.Options())
    assert meta["version"].startswith("sha-") and len(meta["version"]) == 16
    assert "created" not in meta
    assert meta["version"] == package.data_version(outputs_run)


def test_ckan_mapping_carries_licence_title_tags_and_descriptions(outputs_run):
    dataset = frictionless_to_ckan.package(descriptor(outputs_run))
    assert (dataset["license_id"], dataset["license_title"]) == ("CC-BY-4.0", "Creative Commons Attribution 4.0")
    assert dataset["license_url"] == "https://creativecommons.org/licenses/by/4.0/"
    assert dataset["title"] == package.TITLE and dataset["notes"] == package.DESCRIPTION
    assert dataset["version"] == "2026-12-01"
    assert (dataset["author"], dataset["maintainer"], dataset["maintainer_email"]) == (
        package.AUTHOR, "Open Data Desk", "data@example.org")
    assert {"name": "Bangladesh"} in dataset["tags"]
    resources = {r["name"]: r for r in dataset["resources"]}
    assert resources["services"]["description"] == "One row per service promised in a charter (all sections)."
    assert resources["services"]["size"] == (outputs_run / "services.csv").stat().st_size
    assert resources["services"]["url"] == "services.csv"


def test_package_command_writes_a_zip_frictionless_opens(outputs_run, tmp_path):
    assert main(["package", str(outputs_run), "-o", str(tmp_path / "a.zip"), "-q"]) == 0
    assert main(["package", str(outputs_run), "-o", str(tmp_path / "b.zip"), "-q"]) == 0
    assert (tmp_path / "a.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()
    with zipfile.ZipFile(tmp_path / "a.zip") as archive:
        assert archive.namelist() == ["datapackage.json", "charters.csv", "services.csv", "contacts.csv",
                                      "grievance.csv", "expectations.csv", "audit.csv", "service_catalogue.csv",
                                      "cross_charter.csv", "errors.csv"]
    opened = frictionless.Package(str(tmp_path / "a.zip"))
    assert opened.get_resource("services").read_rows()[0]["service_id"] == "charter-noto-ce548190:citizen:1"
    report = frictionless.validate(str(tmp_path / "a.zip"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_package_command_rejects_bad_options(outputs_run, tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["package", str(outputs_run), "--license", "all-rights-reserved"])
    assert exit_info.value.code == 2
    assert "unknown licence 'all-rights-reserved'" in capsys.readouterr().err
    sources = tmp_path / "sources.csv"
    sources.write_text("file,link\nx.pdf,https://a.gov.bd/x.pdf\n", encoding="utf-8")
    assert main(["package", str(outputs_run), "--sources", str(sources)]) == 2
    assert "needs the columns file and url" in capsys.readouterr().err
    assert main(["package", str(tmp_path), "-o", str(tmp_path / "x.zip")]) == 2
    assert "holds no run" in capsys.readouterr().err


def test_service_id_uses_the_serial_and_the_position_when_the_serial_is_missing_or_repeated():
    def service(serial):
        return Service(section="citizen", serial=serial)

    assert emit.service_id("uno-1a2b3c4d", service(7), 3) == "uno-1a2b3c4d:citizen:7"
    assert emit.service_id("uno-1a2b3c4d", service(None), 3) == "uno-1a2b3c4d:citizen:p3"
    assert emit.service_id("uno-1a2b3c4d", service(7), 3, serial_is_unique=False) == "uno-1a2b3c4d:citizen:p3"


def test_service_ids_unique_and_stable(outputs_run):
    rows = list(emit.csv_rows(outputs_run, "services"))
    ids = [r["service_id"] for r in rows]
    assert len(ids) == len(set(ids)) == 21
    assert "lakhai-ict-citizen-charter-0136d454:institutional:8" in ids
