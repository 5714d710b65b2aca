"""CSV import of parents' evening requests (tests/data/csv)."""
import pathlib

import pytest

import triad
from triad.conference import Conference, Priority
from triad.csvimport import CsvColumn, import_csv, import_csv_file

CSV = pathlib.Path(__file__).resolve().parents[3] / "tests" / "data" / "csv"


@pytest.fixture
def base():
    with Conference.load_file(CSV / "base.json") as c:
        yield c


def test_import(base):
    with import_csv_file(base, CSV / "comma.csv") as conf:
        # Row 2 (the first after the header): household g-17 asks BAK, invited.
        q = conf.request("csv-2")
        assert (q.household.id, [t.id for t in q.teachers], q.priority) == ("g-17", ["BAK"], Priority.INVITED)
        assert conf.household("g-17").name == "Family Smith, Amsterdam"
    text = (CSV / "semicolon.csv").read_text(encoding="utf-8")
    with import_csv(base, text, source="semicolon.csv", delimiter=";") as conf:
        assert len(conf.requests) > 0
    assert CsvColumn.JOINT_TEACHER.id == "joint_teacher"


def test_errors_name_row_and_column(base):
    with pytest.raises(triad.FormatError) as info:
        import_csv_file(base, CSV / "err-empty-cell.csv")
    # "h2;;BAK": row 3, column 2 (Leerling) is empty.
    assert (info.value.line, info.value.column) == (3, 2)
    assert "err-empty-cell.csv" in info.value.message
    with pytest.raises(triad.FormatError):
        import_csv_file(base, CSV / "err-unknown-header.csv")
    with import_csv_file(base, CSV / "err-unknown-header.csv", ignore_unknown_columns=True) as conf:
        assert conf.requests
    with pytest.raises(triad.TriadIOError):
        import_csv_file(base, CSV / "missing.csv")
