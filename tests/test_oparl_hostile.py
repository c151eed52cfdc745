"""import-oparl against a hostile OParl server (tests/oparl_server.py, 127.0.0.1 only): every
case ends within its limits, with a one-line reason, exit code 2 (1 where the run cannot
begin), no traceback, no partial file, and the good papers of the same run fetched."""

from __future__ import annotations

import contextlib
import copy
import json
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from pipeline.cli import main
from pipeline.errors import OparlError
from pipeline.oparl.client import Client, Limits
from pipeline.oparl.importer import import_oparl
from tests.oparl_server import (
    Site,
    answer,
    busy,
    drip,
    endless_list,
    endless_pages,
    gzip_bomb,
    karlsruhe_site,
    nested,
    redirect,
    serve,
)

PAPERS = "/karlsruhe/bodies/0001/papers"
PDF = "/karlsruhe/bodies/0001/downloadfiles/00620603.pdf"
MEETING = "/karlsruhe/bodies/0001/meetings/5672"
FAST = {"rate": 1000.0, "backoff": 0.0, "timeout": 5.0}


def good_site() -> Site:
    """Karlsruhe with one paper whose file is there (2020/1189)."""
    return karlsruhe_site(papers=("40400",))


def run(site: Site, out: Path, *args: str) -> Result:
    command = ["import-oparl", site.base + "/karlsruhe/system", "--body", "0001", "-o", str(out)]
    return CliRunner().invoke(main, [*command, "--rate", "1000", *args])


def one_line_error(result: Result, code: int) -> str:
    """The run's stderr, checked to be lines without a traceback, and its exit code."""
    assert result.exit_code == code, result.output
    assert isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result.stderr


def fetched(out: Path) -> list[str]:
    return sorted(p.name for p in out.rglob("*") if p.is_file() and p.suffix == ".pdf")


def leftovers(out: Path) -> list[Path]:
    return [p for p in out.rglob("*") if p.name.endswith(".part")]


# --- what the server sends ------------------------------------------------------------------


def test_json_nested_100000_deep_is_refused_in_one_line(tmp_path: Path) -> None:
    site = good_site()
    site.handlers[PAPERS] = answer(nested(100_000))
    with serve(site):
        result = run(site, tmp_path)
    err = one_line_error(result, 1)
    assert "nested deeper than 64 levels" in err and len(err.splitlines()) == 1


def test_a_meeting_nested_too_deep_costs_only_its_date(tmp_path: Path) -> None:
    site = good_site()
    site.handlers[MEETING] = answer(b'{"name": ' + b"[" * 5000 + b"]" * 5000 + b"}")
    with serve(site):
        result = run(site, tmp_path)
    assert result.exit_code == 0, result.output
    meta = json.loads(next(tmp_path.rglob("*.oparl.json")).read_text("utf-8"))
    assert len(meta["meetings"]) == 1  # the other meeting's date is kept


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"mainFile": ["a", "b"]}, "mainFile may not be a JSON list"),
        ({"consultation": 7}, "consultation may not be a number"),
        ({"id": 12}, "id may not be a number"),
        ({"auxiliaryFile": "x.pdf"}, "auxiliaryFile may not be a string"),
        ({"consultation": [{"organization": {"a": 1}}]}, "consultation.0.organization may not"),
        ({"underDirectionOf": [None]}, "underDirectionOf.0 may not be a null"),
        ("not an object", "not an OParl Paper: a string"),
        (None, "not an OParl Paper: a null"),
    ],
)
def test_an_object_of_the_wrong_shape_fails_alone(
    tmp_path: Path, change: object, reason: str
) -> None:
    site = good_site()
    papers = site.lists[PAPERS]
    bad = copy.deepcopy(papers[0]) if isinstance(change, dict) else change
    if isinstance(bad, dict):
        bad["id"] += "-bad"
        bad.update(change)  # type: ignore[arg-type]
    papers.insert(0, bad)
    with serve(site):
        result = run(site, tmp_path)
    err = one_line_error(result, 2)
    assert "2 papers: 1 new" in result.stdout and "1 failed" in result.stdout
    assert reason in err, err
    assert fetched(tmp_path) == [next(iter(fetched(tmp_path)))]  # the good paper is here


@pytest.mark.parametrize("next_link", [{"href": "x"}, 2, ["a"]])
def test_a_links_next_that_is_no_url_ends_the_list_keeping_its_page(
    tmp_path: Path, next_link: object
) -> None:
    site = good_site()
    page = {"data": site.lists[PAPERS], "links": {"next": next_link}}
    with serve(site):
        text = json.dumps(page).replace("https://web1.karlsruhe.de/oparl", site.base + "/karlsruhe")
        site.handlers[PAPERS] = answer(text.encode("utf-8"))
        result = run(site, tmp_path)
    err = one_line_error(result, 2)
    assert "incomplete: the list" in err and "links.next may not be" in err
    assert len(fetched(tmp_path)) == 1
    assert not (tmp_path / "karlsruhe" / ".oparl-state.json").exists()  # not a complete walk


def test_an_empty_links_list_on_the_last_page_ends_the_list_normally(tmp_path: Path) -> None:
    site = good_site()
    page = {"data": site.lists[PAPERS], "links": []}  # how PHP encodes an empty map
    with serve(site):
        text = json.dumps(page).replace("https://web1.karlsruhe.de/oparl", site.base + "/karlsruhe")
        site.handlers[PAPERS] = answer(text.encode("utf-8"))
        result = run(site, tmp_path)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "karlsruhe" / ".oparl-state.json").exists()


@pytest.mark.parametrize(
    ("same", "limit", "reason"),
    [
        (True, None, "repeats the objects of an earlier page"),
        (False, 30, "more than 30 pages"),
    ],
)
def test_a_list_whose_next_page_never_ends_ends(
    tmp_path: Path, same: bool, limit: int | None, reason: str
) -> None:
    site = good_site()
    site.handlers[PAPERS] = endless_pages(same)
    limits = Limits(pages=limit) if limit else Limits()
    started = time.monotonic()
    with serve(site):
        start, client = site.base + "/karlsruhe/system", Client(**FAST, limits=limits)
        summary = import_oparl(start, tmp_path, body="0001", client=client)
    assert time.monotonic() - started < 10
    assert summary.incomplete and reason in summary.incomplete[0]
    assert sum(r.startswith(PAPERS) for r in site.requests) <= (limit or 2)


def test_a_next_link_with_a_new_fragment_is_the_same_page(tmp_path: Path) -> None:
    site = good_site()
    body = {"data": [], "links": {}}

    def page(h):  # type: ignore[no-untyped-def]
        body["links"]["next"] = f"{site.base}{PAPERS}#again-{time.monotonic_ns()}"
        body["data"] = [{"id": f"urn:{time.monotonic_ns()}"}]  # new content every time too
        answer(json.dumps(body).encode())(h)

    site.handlers[PAPERS] = page
    with serve(site):
        summary = import_oparl(
            site.base + "/karlsruhe/system", tmp_path, body="0001", client=Client(**FAST)
        )
    assert "leads back to" in summary.incomplete[0]
    assert site.requests.count(PAPERS) == 1


@pytest.mark.parametrize(
    "handler",
    [gzip_bomb(100 * 1024 * 1024), endless_list()],
    ids=["gzip-bomb", "endless-list"],
)
def test_json_answers_are_capped(tmp_path: Path, handler) -> None:  # type: ignore[no-untyped-def]
    site = good_site()
    site.handlers[PAPERS] = handler
    started = time.monotonic()
    with serve(site):
        result = run(site, tmp_path)
    err = one_line_error(result, 1)
    assert f"is larger than {20 * 1024 * 1024} bytes" in err
    assert time.monotonic() - started < 20


def test_a_server_dripping_bytes_is_cut_off_at_the_request_deadline(tmp_path: Path) -> None:
    site = good_site()
    site.handlers[MEETING] = drip(b'{"name": "Gemeinderat", "start": "2020-11-17"}', 0.3)
    started = time.monotonic()
    with serve(site):
        summary = import_oparl(
            site.base + "/karlsruhe/system",
            tmp_path,
            body="0001",
            client=Client(**FAST, limits=Limits(request_seconds=1.0)),
        )
    assert time.monotonic() - started < 8
    assert summary.new == 1  # without the dripping meeting's date


def test_the_run_deadline_stops_the_run(tmp_path: Path) -> None:
    site = good_site()
    site.handlers[MEETING] = drip(b"{}" * 100, 0.3)
    started = time.monotonic()
    with serve(site):
        result = run(site, tmp_path, "--deadline", "1.5")
    err = one_line_error(result, 2)
    assert time.monotonic() - started < 8
    assert "stopped: the run reached its deadline of 1.5 s (--deadline)" in err
    assert leftovers(tmp_path) == []


def test_retry_after_is_capped_by_max_wait(tmp_path: Path) -> None:
    site = good_site()
    site.handlers[PDF] = busy(2, "21600", answer(site.files[PDF], kind="application/pdf"))
    started = time.monotonic()
    with serve(site):
        result = run(site, tmp_path, "--max-wait", "0.5")
    assert result.exit_code == 0, result.output
    assert time.monotonic() - started < 10
    assert len(fetched(tmp_path)) == 1 and site.requests.count(PDF) == 3


def test_the_disk_budget_stops_the_run_before_it_is_spent(tmp_path: Path) -> None:
    site = good_site()
    with serve(site):
        result = run(site, tmp_path, "--max-bytes", "20K")  # the PDF is 30 KB
    err = one_line_error(result, 2)
    assert "budget of 20480 bytes (--max-bytes)" in err
    assert fetched(tmp_path) == [] and leftovers(tmp_path) == []


# --- where requests may go ------------------------------------------------------------------


@contextlib.contextmanager
def elsewhere() -> Iterator[Site]:
    """A second server on another port of 127.0.0.1: another host, to a redirect."""
    other = Site()
    other.handlers["/secret"] = answer(b'{"data": [], "links": {}}')
    with serve(other) as site:
        yield site


def test_redirects_to_another_host_or_port_are_refused(tmp_path: Path) -> None:
    site = good_site()
    with elsewhere() as other, serve(site):
        site.handlers[PAPERS] = redirect(other.base + "/secret")
        result = run(site, tmp_path)
    err = one_line_error(result, 1)
    assert "refusing the redirect" in err and "another host (allow it with --allow-host)" in err
    assert other.requests == []


def test_allow_host_lets_a_redirect_through(tmp_path: Path) -> None:
    site = good_site()
    with elsewhere() as other, serve(site):
        site.handlers[PAPERS] = redirect(other.base + "/secret")
        host = other.base.removeprefix("http://")
        result = run(site, tmp_path, "--allow-host", host)
    assert result.exit_code == 0, result.output
    assert other.requests == ["/secret"]


def test_a_redirect_on_the_same_server_is_followed(tmp_path: Path) -> None:
    site = good_site()
    site.files["/moved.pdf"] = site.files[PDF]
    site.handlers[PDF] = lambda h: redirect(site.base + "/moved.pdf")(h)
    with serve(site):
        result = run(site, tmp_path)
    assert result.exit_code == 0, result.output
    assert len(fetched(tmp_path)) == 1


@pytest.mark.parametrize(
    "target",
    [
        "http://127.0.0.1:9/x",
        "http://10.1.2.3/x",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]:8080/x",
        "http://[::ffff:192.168.0.1]/x",
        "http://0.0.0.0/x",
    ],
)
def test_private_and_loopback_targets_are_refused_after_a_public_start(target: str) -> None:
    client = Client(**FAST)
    client._check_target("http://93.184.215.14/oparl/system")  # a public start
    with pytest.raises(OparlError, match="is a private or loopback address"):
        client._check_target(target)


def test_a_start_on_loopback_may_stay_there() -> None:
    client = Client(**FAST)
    client._check_target("http://127.0.0.1:8000/oparl/system")
    client._check_target("http://127.0.0.1:8000/oparl/papers")  # no error


# --- the folder written into ----------------------------------------------------------------


@contextlib.contextmanager
def small_disk(tmp_path: Path, size: str, *options: str) -> Iterator[Path]:
    """A tmpfs of `size` (mounting needs root: skipped without it)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount)], capture_output=True
    )
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.decode().strip()}")
    try:
        if options:
            subprocess.run(["mount", "-o", f"remount,{','.join(options)}", str(mount)], check=True)
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=True)


def test_a_full_disk_stops_the_run_in_one_line_without_part_files(tmp_path: Path) -> None:
    site = good_site()
    with small_disk(tmp_path, "16k") as disk, serve(site):
        result = run(site, disk / "raw")
        left = leftovers(disk)
    err = one_line_error(result, 2)
    assert "No space left on device" in err and err.count("\n") == 1
    assert left == []


def test_a_read_only_folder_is_one_line_before_any_request(tmp_path: Path) -> None:
    site = good_site()
    with small_disk(tmp_path, "1m", "ro") as disk, serve(site):
        result = run(site, disk / "raw")
    err = one_line_error(result, 1)
    assert err == f"Error: cannot write into {disk / 'raw'}: Read-only file system\n"
    assert site.requests == []


def test_a_corrupt_state_file_is_set_aside_with_a_warning(tmp_path: Path) -> None:
    site = good_site()
    state = tmp_path / "karlsruhe" / ".oparl-state.json"
    state.parent.mkdir(parents=True)
    state.write_text('{"complete_since": "gestern"', encoding="utf-8")
    with serve(site):
        result = run(site, tmp_path)
    assert result.exit_code == 0, result.output
    assert "warning:" in result.stderr and "set aside as .oparl-state.json.corrupt" in result.stderr
    assert state.with_name(".oparl-state.json.corrupt").read_text("utf-8").startswith("{")
    assert json.loads(state.read_text("utf-8"))["complete_since"]  # a new, good one
    assert len(fetched(tmp_path)) == 1
