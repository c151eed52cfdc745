from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from pipeline.errors import InputPathError
from pipeline.read.discover import discover


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
    from pipeline.model import identity
    from pipeline.read import discover as discover_module

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


def test_identity_follows_linked_files_and_folders_as_the_system_does(
    tmp_path: Path, monkeypatch
) -> None:
    from pipeline.model import identity

    real = tmp_path / "real"
    (real / "sub").mkdir(parents=True)
    (real / "a.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "linked").symlink_to(real)  # a linked folder
    (tmp_path / "b.pdf").symlink_to(real / "a.pdf")  # a linked file
    (tmp_path / "deep").symlink_to(real / "sub")
    expected = str((real / "a.pdf").resolve())
    assert identity(tmp_path / "linked" / "a.pdf") == expected
    assert identity(tmp_path / "b.pdf") == expected
    # ".." after a link is taken from where the link leads (real/sub/..), not from the text.
    assert identity(tmp_path / "deep" / ".." / "a.pdf") == expected
    # A relative path is the file it names from the working directory of the moment.
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "a.pdf").write_bytes(b"%PDF-1.4")
    monkeypatch.chdir(real)
    assert identity(Path("a.pdf")) == expected
    monkeypatch.chdir(tmp_path / "other")
    assert identity(Path("a.pdf")) == str((tmp_path / "other" / "a.pdf").resolve())


def test_a_sidecar_is_hashed_with_its_document_and_a_folder_named_like_one_is_not(
    tmp_path: Path,
) -> None:
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4 a")
    (tmp_path / "a.oparl.json").write_text('{"name": "Vorlage"}')
    (tmp_path / "b.pdf").write_bytes(b"%PDF-1.4 b")
    (tmp_path / "b.oparl.json").mkdir()
    (tmp_path / "c.pdf").write_bytes(b"%PDF-1.4 c")
    by_name = {f.path.name: f for f in discover([tmp_path])}
    assert sorted(by_name) == ["a.pdf", "b.pdf", "c.pdf"]
    meta = hashlib.sha256(b'{"name": "Vorlage"}').hexdigest()
    assert by_name["a.pdf"].metadata_sha256 == meta
    assert by_name["b.pdf"].metadata_sha256 is None and by_name["c.pdf"].metadata_sha256 is None
    # The same when the document is given by itself.
    (alone,) = discover([tmp_path / "a.pdf"])
    assert alone.metadata_sha256 == meta


def test_hidden_files_are_skipped_below_the_root_only(tmp_path: Path) -> None:
    hidden_root = tmp_path / ".cache" / "papers"
    (hidden_root / ".old").mkdir(parents=True)
    (hidden_root / "a.txt").write_text("Antrag")
    (hidden_root / ".b.txt").write_text("Antrag 2")
    (hidden_root / ".old" / "c.txt").write_text("Antrag 3")
    (hidden_root / "link.txt").symlink_to(tmp_path / "nowhere.txt")  # a link to nothing
    assert [f.path.name for f in discover([hidden_root])] == ["a.txt"]
    assert list(discover([hidden_root / ".b.txt"])) == []
