from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from pipeline.discover import discover
from pipeline.errors import InputPathError


def test_finds_pdfs_and_texts_recursively_skipping_hidden_and_other_files(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "vorlage.PDF").write_bytes(b"%PDF-1.4")
    (tmp_path / "b.txt").write_text("Antrag")
    (tmp_path / "notes.docx").write_bytes(b"x")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.txt").write_text("x")
    found = list(discover([tmp_path]))
    assert [f.path.name for f in found] == ["vorlage.PDF", "b.txt"]
    assert found[1].sha256 == hashlib.sha256(b"Antrag").hexdigest()
    assert found[1].size == 6


def test_the_same_file_given_twice_is_found_once(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Antrag")
    assert len(list(discover([tmp_path, tmp_path / "b.txt"]))) == 1


def test_missing_path_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputPathError, match="no such file or folder"):
        list(discover([tmp_path / "missing"]))


def test_a_file_that_cannot_be_read_fails_alone(tmp_path: Path, monkeypatch) -> None:
    """A file the process may not read stops neither discovery nor the batch."""
    from click.testing import CliRunner

    from pipeline.cli import main

    (tmp_path / "locked.txt").write_text("Antrag")
    (tmp_path / "open.txt").write_text("Beschlussvorlage Drucksache 12/21")
    real_open = Path.open

    def guarded(self: Path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", guarded)
    monkeypatch.setattr(Path, "read_bytes", lambda self: guarded(self, "rb").read())
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    result = CliRunner().invoke(
        main,
        [
            "ingest",
            str(tmp_path),
            "--db",
            url,
            "--workers",
            "1",
            "--timeout",
            "0",
            "--max-memory",
            "0",
        ],
    )
    assert result.exit_code == 2, result.output
    assert "1 new, 0 unchanged, 0 updated, 1 failed" in result.output
    assert "locked.txt" in result.output and "Permission denied" in result.output


def test_a_file_known_by_size_and_time_is_not_read_again(tmp_path: Path, monkeypatch) -> None:
    from pipeline import discover as discover_module
    from pipeline.model import identity

    paper = tmp_path / "a.txt"
    paper.write_text("Beschlussvorlage", encoding="utf-8")
    (first,) = discover([tmp_path])
    assert first.mtime_ns == paper.stat().st_mtime_ns
    known = {identity(paper): (first.size, first.mtime_ns, first.sha256)}

    def no_reading(path: Path) -> str:
        raise AssertionError(f"{path} was read")

    monkeypatch.setattr(discover_module, "sha256_of", no_reading)
    (again,) = discover([tmp_path], known)
    assert again.sha256 == first.sha256
    # A different size (or time) is read and hashed.
    paper.write_text("Beschlussvorlage 2", encoding="utf-8")
    with pytest.raises(AssertionError, match="was read"):
        list(discover([tmp_path], known))
