"""The registry page: masked table, search, household view."""

from __future__ import annotations

from desktop.masking import mask_id_number, mask_name


def test_table_lists_residents_masked(window, residents):
    page = window.registry_page
    model = page.model
    assert model.rowCount() == min(len(residents), 500)
    shown = {model.index(r, 3).data() for r in range(model.rowCount())}
    assert all("********" in value for value in shown if value)
    assert not any(r.id_number in shown for r in residents)


def test_search_by_id_tail_finds_the_resident_and_household(window, qtbot, residents):
    page = window.registry_page
    resident = residents[7]
    page.search.setText(resident.id_number[-4:])
    page.refresh()
    names = [page.model.index(r, 0).data() for r in range(page.model.rowCount())]
    assert mask_name(resident.name) in names
    ids = [page.model.index(r, 3).data() for r in range(page.model.rowCount())]
    row = ids.index(mask_id_number(resident.id_number))
    page.table.selectRow(row)
    members = [page.members.item(i).text() for i in range(page.members.count())]
    assert any(mask_name(resident.name) in m for m in members)
    assert "栋" in page.household_address.text()


def test_search_with_no_match_says_so(window):
    page = window.registry_page
    page.search.setText("不存在的名字")
    page.refresh()
    assert page.model.rowCount() == 0
    assert "0" in page.count.text()
