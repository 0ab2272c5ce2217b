"""A release zip whose member cannot be read (a corrupt deflate stream, an encrypted member, an
unknown compression method): `corpus verify`, `corpus diff` and `corpus.load` say so in one line
naming the zip and the member, never with a traceback."""
import shutil
import struct
import zipfile
from pathlib import Path

import pytest

from corpus import load
from corpus.cli import main
from corpus.dataset.store import live_folder
from corpus.errors import InputError

CENTRAL = b"PK\x01\x02"


@pytest.fixture
def release_zip(small_built, tmp_path) -> tuple[Path, str]:
    """A zip of the small build, deflated; and the name of its entries part member."""
    folder = tmp_path / "data"
    shutil.copytree(live_folder(small_built), folder)
    archive = tmp_path / "release.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zf.write(path, f"rel/{path.relative_to(folder).as_posix()}")
    member = next(n for n in zipfile.ZipFile(archive).namelist()
                  if n.startswith("rel/entries.parquet/"))
    return archive, member


def central_record(data: bytes, member: str) -> int:
    """Where the member's central directory record starts."""
    at = data.find(CENTRAL)
    while at >= 0:
        name_length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46:at + 46 + name_length].decode() == member:
            return at
        at = data.find(CENTRAL, at + 4)
    raise AssertionError(member)


def corrupt_deflate(archive: Path, member: str) -> None:
    info = zipfile.ZipFile(archive).getinfo(member)
    data = bytearray(archive.read_bytes())
    name_length, extra_length = struct.unpack_from("<HH", data, info.header_offset + 26)
    start = info.header_offset + 30 + name_length + extra_length
    data[start:start + 16] = b"\xff" * 16  # an invalid deflate block type
    archive.write_bytes(bytes(data))


def mark_encrypted(archive: Path, member: str) -> None:
    data = bytearray(archive.read_bytes())
    data[central_record(data, member) + 8] |= 0x01
    archive.write_bytes(bytes(data))


def unknown_method(archive: Path, member: str) -> None:
    data = bytearray(archive.read_bytes())
    struct.pack_into("<H", data, central_record(data, member) + 10, 97)
    archive.write_bytes(bytes(data))


FAULTS = {"corrupt": (corrupt_deflate, "corrupt compressed data"),
          "encrypted": (mark_encrypted, "encrypted"),
          "method": (unknown_method, "unsupported compression")}


@pytest.mark.parametrize("fault", FAULTS)
def test_verify_names_the_zip_and_member_in_one_line(release_zip, capsys, fault):
    archive, member = release_zip
    damage, words = FAULTS[fault]
    damage(archive, member)
    assert main(["verify", str(archive)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    named = [line for line in err.splitlines() if member in line]
    assert len(named) == 1 and str(archive) in named[0] and words in named[0]


@pytest.mark.parametrize("fault", FAULTS)
def test_load_and_diff_name_the_zip_and_member(release_zip, capsys, fault):
    archive, member = release_zip
    damage, words = FAULTS[fault]
    damage(archive, member)
    with pytest.raises(InputError) as caught:
        load("entries", path=archive)
    said = str(caught.value)
    assert "\n" not in said and str(archive) in said and member in said and words in said
    assert main(["diff", str(archive), str(archive)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(archive) in err and member in err and words in err
