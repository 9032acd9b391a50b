"""`gatedesk results import|untested`: the office's bulk work without the window."""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from openpyxl import Workbook, load_workbook

from db.engine import make_session_factory
from desktop.app import open_database
from desktop.idnumber import make_id_number
from desktop.paths import resolve_paths
from desktop.result_commands import add_parsers, run_results
from desktop.settings import load_settings
from tests.support.gate_site import LI, ZHANG, make_gate

OUTSIDER = make_id_number("110105", datetime(1950, 3, 1).date(), 21)


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="gatedesk")
    root.add_argument("--home")
    root.add_argument("--demo", action="store_true")
    add_parsers(root.add_subparsers(dest="command"))
    return root


def gatedesk(*argv: str) -> int:
    return run_results(parser().parse_args(list(argv)))


@pytest.fixture
def home(tmp_path) -> str:
    """A home whose database holds make_gate's community (张小明 and 李四 in 3-2-501)."""
    home = tmp_path / "home"
    paths = resolve_paths(home)
    engine, _ = open_database(paths, load_settings(paths.settings_file))
    make_gate(make_session_factory(engine))
    engine.dispose()
    return str(home)


@pytest.fixture
def result_list(tmp_path):
    # Sampled this morning (or late yesterday): inside a 3-day window whatever the hour.
    sampled = datetime.now(ZoneInfo("Asia/Shanghai")) - timedelta(hours=3)
    book = Workbook()
    sheet = book.active
    sheet.append(["核酸检测结果"])
    sheet.append(["姓名", "身份证号", "采样时间", "检测结果"])
    sheet.append(["张小明", ZHANG, sampled.strftime("%Y-%m-%d %H:%M"), "阴性"])
    sheet.append(["李四", LI, sampled.strftime("%Y/%m/%d %H:%M"), "阳性"])
    sheet.append(["王外", OUTSIDER, sampled.strftime("%Y年%m月%d日"), "阴性"])
    sheet.append(["错号", "110105194912310039", sampled.strftime("%Y-%m-%d"), "阴性"])
    path = tmp_path / "list.xlsx"
    book.save(path)
    return path


def test_import_json_then_again_in_chinese(home, result_list, capsys):
    assert gatedesk("--home", home, "results", "import", str(result_list), "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["rows"], data["matched"], data["added"], data["duplicates"]) == (4, 2, 3, 0)
    assert data["outcomes"] == {"negative": 2, "positive": 1}
    assert [p["name"] for p in data["positives"]] == ["李*"]
    assert [(u["row"], u["reason"]) for u in data["unmatched"]] == [
        (5, "not_resident"),
        (6, "bad_id"),
    ]
    assert data["unmatched"][1]["message"].startswith("身份证号无效")
    assert data["report"].endswith("list_未匹配.xlsx")
    assert ZHANG not in json.dumps(data) and LI not in json.dumps(data)

    assert gatedesk("--home", home, "results", "import", str(result_list)) == 0
    out = capsys.readouterr().out
    assert "共 4 行：匹配 2，未匹配 2，无法识别 0，已导入过 3；新增结果 0 条" in out
    assert "阳性结果（1）：" in out and "李*" in out
    assert "第 6 行  错* 110105********0039  身份证号无效" in out


def test_dry_run_says_so(home, result_list, capsys):
    assert gatedesk("--home", home, "results", "import", str(result_list), "--dry-run") == 0
    out = capsys.readouterr().out
    assert "试运行：未保存任何数据。" in out
    assert not result_list.with_name("list_未匹配.xlsx").exists()


def test_untested_to_excel_and_pdf(home, result_list, tmp_path, capsys):
    gatedesk("--home", home, "results", "import", str(result_list))
    capsys.readouterr()
    out = tmp_path / "out" / "名单.xlsx"
    assert (
        gatedesk("--home", home, "results", "untested", "--building", "3", "--out", str(out)) == 0
    )
    assert "近 3 天无阴性结果：1 人（3栋）" in capsys.readouterr().out
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert rows[-1][1:3] == ("李*", "110105********0038")
    assert rows[-1][7] == "阳性"

    pdf = tmp_path / "out" / "名单.pdf"
    code = gatedesk(
        "--home",
        home,
        "results",
        "untested",
        "--days",
        "1",
        "--grid",
        "无此网格",
        "--out",
        str(pdf),
    )
    assert code == 0 and pdf.stat().st_size > 0
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "范围：无此网格" in text and "（无）" in text


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["untested", "--out", "x.txt"], "输出文件须以 .xlsx 或 .pdf 结尾"),
        (["untested", "--days", "0", "--out", "x.xlsx"], "--days 须在 1 到 60 之间"),
    ],
)
def test_bad_arguments_are_explained(home, argv, message, capsys):
    assert gatedesk("--home", home, "results", *argv) == 2
    assert message in capsys.readouterr().err


def test_a_file_that_is_not_a_table(home, tmp_path, capsys):
    bad = tmp_path / "结果.xlsx"
    bad.write_text("这不是表格", encoding="utf-8")
    assert gatedesk("--home", home, "results", "import", str(bad)) == 2
    err = capsys.readouterr().err
    assert "无法读取 结果.xlsx" in err and "Traceback" not in err
