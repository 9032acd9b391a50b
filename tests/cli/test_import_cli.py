"""`gatedesk import FILE`: a preview that writes nothing, the import, and file errors."""

from __future__ import annotations

import json

from sqlalchemy import func, select

from db.engine import make_engine, sqlite_url
from db.models import AuditEvent, Resident
from desktop.cli import main
from desktop.paths import resolve_paths
from tests.support.ledgers import messy_csv, messy_ledger


def _count(model) -> int:
    engine = make_engine(sqlite_url(resolve_paths().database_file))
    try:
        with engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(model))
    finally:
        engine.dispose()


def test_dry_run_json_counts_and_writes_nothing(capsys, tmp_path):
    folder = tmp_path / "ledgers"
    folder.mkdir()
    path = folder / "台账.xlsx"
    expected = messy_ledger(path)
    assert main(["import", str(path), "--dry-run", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["header_row"] == expected.header_row
    assert data["sheet"] == "居民台账"
    assert (data["total_rows"], data["empty_rows"]) == (expected.total_rows, expected.empty_rows)
    assert (data["new"], data["merged"], data["unchanged"]) == (expected.new_empty, 0, 0)
    assert data["rejected"] == expected.rejected
    assert data["rejected_by_reason"] == expected.rejected_by_reason
    assert data["warnings"] == expected.warnings
    assert data["mapping"]["姓名*"] == "name"
    assert data["mapping"]["住址/楼栋"] == "building"
    assert data["dry_run"] is True
    assert _count(Resident) == 0 and _count(AuditEvent) == 0
    assert sorted(p.name for p in folder.iterdir()) == ["台账.xlsx"]  # no report either


def test_dry_run_text_in_chinese(capsys, tmp_path):
    path = tmp_path / "台账.csv"
    messy_csv(path)
    assert main(["import", str(path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "表头在第 4 行" in out
    assert "新增居民 10 人" in out
    assert "身份证号被 Excel 当成了数字" in out and "：2" in out
    assert "没有写入任何数据" in out


def test_import_then_again(capsys, tmp_path):
    path = tmp_path / "台账.xlsx"
    expected = messy_ledger(path)
    report = tmp_path / "reports" / "未导入.xlsx"
    assert main(["import", str(path), "--json", "--report", str(report)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["new"], data["rejected"], data["report"]) == (
        expected.new_empty,
        expected.rejected,
        str(report),
    )
    assert report.exists()
    assert _count(Resident) == expected.new_empty
    assert main(["import", str(path)]) == 0
    out = capsys.readouterr().out
    assert "已登记且无变化 10 人" in out
    assert str(tmp_path / "台账_未导入行.xlsx") in out
    assert _count(Resident) == expected.new_empty and _count(AuditEvent) == 2


def test_file_errors_exit_2_with_the_reason(capsys, tmp_path):
    assert main(["import", str(tmp_path / "没有.xlsx")]) == 2
    assert "找不到文件" in capsys.readouterr().err
    fake = tmp_path / "导出.xls"
    fake.write_text("<html></html>", encoding="utf-8")
    assert main(["import", str(fake), "--dry-run"]) == 2
    assert ".xlsx" in capsys.readouterr().err
    plain = tmp_path / "名单.csv"
    plain.write_text("序号,姓名,电话\n1,张三,13800138000\n", encoding="utf-8")
    assert main(["import", str(plain)]) == 2
    err = capsys.readouterr().err
    assert "缺少必需的列" in err and "身份证号" in err
