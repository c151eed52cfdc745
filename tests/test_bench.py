"""scripts/bench.py on a tiny corpus: it runs end to end and its JSON has every figure."""

from __future__ import annotations

import collections
import json
import os
import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pytest

ROOT = Path(__file__).resolve().parent.parent

pytest.importorskip("psutil")


@pytest.mark.slow
def test_bench_writes_every_figure(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    command = [sys.executable, str(ROOT / "scripts" / "bench.py"), "--papers", "5", "--scans", "0"]
    command += ["--corpus-dir", str(tmp_path / "corpus"), "--out", str(out), "--workers", "2"]
    command += ["--rounds", "1"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    result = json.loads(out.read_text())
    # Papers of 2 to 6 pages, one more each: 2+3+4+5+6.
    assert result["corpus"] == {"papers": 5, "pages": 20, "scanned_papers": 0, "scanned_pages": 0}
    pdfs = sorted((tmp_path / "corpus" / "digital").glob("*.pdf"))
    assert [len(pdfium.PdfDocument(p)) for p in pdfs] == [2, 3, 4, 5, 6]
    for run in ("one_worker", "one_core", "all_cores"):
        assert result[run]["pages_per_s"] > 0 and result[run]["papers_per_s"] > 0
        assert 0 < result[run]["peak_pss_mib"] < 4096
        assert (
            result[run]["summary"]
            == "ingested 5 documents: 5 new, 0 unchanged, 0 updated, 0 failed"
        )
    assert result["rerun"]["summary"].startswith("ingested 5 documents: 0 new, 5 unchanged")
    assert result["floor"]["pages"] == 20 and result["floor"]["pages_per_s"] > 0
    assert set(result["stages"]["stages"]) == {
        "read",
        "clean",
        "quality",
        "segment",
        "extract",
        "load",
    }
    assert sum(s["share"] for s in result["stages"]["stages"].values()) == pytest.approx(
        1, abs=0.01
    )
    assert result["startup"]["summary"] == (
        "ingested 1 documents: 1 new, 0 unchanged, 0 updated, 0 failed"
    )
    # The CPU time counts the workers too: the runner, the fork server and a worker at least.
    assert result["one_worker"]["processes"] >= 3
    # The runner's own share of it is measured, and is a part of the whole.
    assert 0 < result["one_worker"]["runner_cpu_seconds"] < result["one_worker"]["cpu_seconds"]
    assert result["rounds"] == 1 and len(result["all_cores"]["seconds_each"]) == 1
    # Saved RIS pages: pages/s of each stage, and its cost against parsing alone.
    html = result["html"]
    assert html["pages"] >= 10
    assert html["parse"]["over_parse"] == 1.0
    assert html["pipeline"]["over_parse"] > html["read"]["over_parse"] > 1
    assert "saved RIS pages" in done.stdout
    assert result["one_worker"]["cpu_seconds"] > 0 and result["startup"]["cpu_seconds"] > 0
    assert set(result["ratios"]) == {
        "pipeline_over_floor",
        "pipeline_over_floor_running",
        "pipeline_over_floor_cpu",
        "pipeline_over_floor_one_worker",
        "all_cores_speedup",
        "all_cores_over_one_core",
        "workers_per_runner",
        "machine_scaling",
        "workers_ceiling",
        "all_cores_speedup_running",
        "rerun_share",
    }
    assert result["ratios"]["machine_scaling"]["median"] > 0
    # The ceiling: every paper once, in one share per core, alone and then all at once.
    (ceiling,) = result["workers_ceiling"]
    shares = min(2, len(os.sched_getaffinity(0)))
    assert ceiling["papers"] == 5 and len(ceiling["together_seconds"]) == shares
    # Each share's time alone over its time at once, summed: the work of how many cores.
    assert ceiling["scaling"] == pytest.approx(
        sum(
            a / t
            for a, t in zip(ceiling["alone_seconds"], ceiling["together_seconds"], strict=True)
        ),
        rel=0.02,
    )
    assert result["ratios"]["workers_ceiling"]["median"] == round(ceiling["scaling"], 2)
    # Which versions the figures were measured with: the floor's speed depends on pdfium's.
    assert result["machine"]["versions"]["pypdfium2"] == pdfium.PYPDFIUM_INFO.version
    speedup = result["ratios"]["all_cores_speedup"]
    assert speedup["min"] == speedup["median"] == speedup["max"] > 0  # one round
    assert set(result["targets"]) == {
        "pipeline_at_most_3x_floor",
        "all_cores_at_least_1.7x",
        "peak_memory_under_1_gib",
        "rerun_under_5_percent",
    }
    assert "per page on one core:" in done.stdout and "all cores:" in done.stdout
    # How much of the machine other guests took during each run, where Linux reports it.
    if result["steal"]:
        assert set(result["steal"]) == {"floor", "one_core", "one_worker", "all_cores"}
        assert all(0 <= result[run]["steal"] <= 1 for run in result["steal"])
        assert "steal (the machine's time its host gave other guests)" in done.stdout


def test_generated_papers_carry_the_form_and_the_beratungsfolge_table() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    import bench

    pool = bench.templates(ROOT / "tests" / "fixtures" / "dev")
    unna = next(t for t in pool if t.gold and t.gold.get("reference") == "113/21")
    form = bench.header_form(unna.gold, 7)
    assert "Vorlage Nr.:\t113/21" in form and "Lfd. Nr.:\t7" in form
    assert "Kreisausschuss\t21.06.2021\tEmpfehlungsbeschluss\töffentlich" in form
    text = bench.paper_text(3, pool, 6)
    assert len(text) >= 6 * bench.CHARS_PER_PAGE and "\fAnlage 1\n" in text


def test_rounds_are_summed_up_by_the_median_run_and_the_highest_memory() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    import bench

    runs = [
        {"seconds": 9.0, "cpu_seconds": 9.5, "peak_pss_mib": 400.0},
        {"seconds": 7.0, "cpu_seconds": 7.2, "peak_pss_mib": 450.0},
        {"seconds": 8.0, "cpu_seconds": 8.1, "peak_pss_mib": 420.0},
    ]
    typical = bench.typical(runs)
    # The median run as it was (its CPU time with its wall time), not a mix of runs.
    assert (typical["seconds"], typical["cpu_seconds"]) == (8.0, 8.1)
    assert typical["peak_pss_mib"] == 450.0
    assert typical["seconds_each"] == [9.0, 7.0, 8.0]
    assert bench.spread([1.31, 1.52, 1.44]) == {"median": 1.44, "min": 1.31, "max": 1.52}


def test_the_machines_scaling_is_the_work_done_against_the_fastest_lone_run() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    import bench

    # Two copies took 1.25 s where one alone took 1.0 s at best: 1.6 jobs' worth at once.
    assert bench.scaling(2, alone=[1.1, 1.0], together=[1.2, 1.25]) == pytest.approx(1.6)
    # Perfect cores: two jobs in one job's time.
    assert bench.scaling(2, alone=[1.0], together=[1.0, 1.0]) == 2.0


def test_steal_is_the_hypervisors_share_of_the_machines_time_meanwhile(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    import bench
    import psutil

    fields = "user nice system idle iowait irq softirq steal guest guest_nice"
    times = collections.namedtuple("times", fields)  # type: ignore[misc]
    readings = iter(
        [
            times(100, 0, 10, 500, 0, 0, 0, 5, 0, 0),
            # 60 s of two cores: 30 s user (2 of them a guest's), 6 idle, 20 stolen, 4 system
            times(130, 0, 14, 506, 0, 0, 0, 25, 2, 0),
        ]
    )
    monkeypatch.setattr(psutil, "cpu_times", lambda: next(readings))
    with bench.Steal() as steal:
        pass
    assert steal.share == pytest.approx(20 / 60, abs=1e-4)


def test_saved_pages_are_measured_against_parsing_alone(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    import bench_html

    pages = tmp_path / "pages"
    pages.mkdir()
    for page in sorted(bench_html.PAGES.glob("*.html"))[:2]:
        (pages / page.name).write_bytes(page.read_bytes())
    result = bench_html.measure(pages, rounds=1)
    assert result["pages"] == 2 and result["rounds"] == 1
    for stage in ("parse", "read", "pipeline"):
        assert result[stage]["pages_per_s"] > 0 and result[stage]["ms_per_page"] > 0
    assert result["parse"]["over_parse"] == 1.0 and result["pipeline"]["over_parse"] > 1
    assert "parse alone (lexbor)" in "\n".join(bench_html.lines(result))
