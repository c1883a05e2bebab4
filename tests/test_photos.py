"""Photos as phones take them: any size is taken, made at most 1,600 pixels and 512 KB, turned
upright, and kept without EXIF — no GPS position, no camera; an iPhone's HEIC is refused with
one line that says how to get a JPG."""

from __future__ import annotations

import base64
import io
from pathlib import Path

import pytest
from PIL import Image

from tests.conftest import Runner, one_line_error, snapshot

# where the photo was taken, as a phone writes it into the EXIF's GPS block
NORTH = (28.0, 11.0, 42.5)
EAST = (112.0, 58.0, 7.25)


def phone_photo(path: Path, size: tuple[int, int] = (4000, 3000), orientation: int = 6) -> Path:
    """A JPEG as a phone writes one: big, held sideways (EXIF orientation), with its maker and
    the GPS position of the flat in its EXIF."""
    picture = Image.effect_noise(size, 40).convert("RGB")
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "HUAWEI"
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: NORTH, 3: "E", 4: EAST})
    picture.save(path, "JPEG", quality=92, exif=exif)
    return path


def kept_photo(db: Path, table: str) -> bytes:
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        (uri,) = conn.execute(f"SELECT photo FROM {table} WHERE photo IS NOT NULL").fetchone()
    finally:
        conn.close()
    head, _, body = str(uri).partition(",")
    assert head == "data:image/jpeg;base64"
    return base64.b64decode(body)


def test_a_phone_photo_of_4_mb_is_kept_small_upright_and_without_exif(
    dyz: Runner, estate: str, db: Path, tmp_path: Path
) -> None:
    photo = phone_photo(tmp_path / "IMG_20261207_101500.jpg")
    assert photo.stat().st_size > 3 * 2**20
    dyz("hazard", "add", "--kind", "ebike_indoor", "--where", "2-2 1楼", "--photo", str(photo))
    kept = kept_photo(db, "hazards")
    assert len(kept) <= 512 * 1024
    picture = Image.open(io.BytesIO(kept))
    assert picture.format == "JPEG"
    assert picture.size == (1200, 1600)  # 4000 x 3000 held sideways: upright and 1,600 high
    assert not picture.getexif()  # no orientation left to apply twice, no GPS, no camera
    assert b"Exif" not in kept and b"HUAWEI" not in kept


def test_a_portrait_for_the_card_goes_the_same_way(
    dyz: Runner, estate: str, db: Path, tmp_path: Path
) -> None:
    photo = phone_photo(tmp_path / "周玉梅.jpg", size=(1200, 900), orientation=1)
    dyz(
        "roster", "add", "--role", "unit_head", "--name", "周玉梅", "--phone", "13907310202",
        "--scope", "2-2", "--photo", str(photo),
    )  # fmt: skip
    picture = Image.open(io.BytesIO(kept_photo(db, "roster")))
    assert picture.size == (1200, 900)  # small enough already: not enlarged, not turned
    assert not picture.getexif()


def test_a_png_with_transparency_is_kept_on_white(
    dyz: Runner, estate: str, db: Path, tmp_path: Path
) -> None:
    photo = tmp_path / "楼道.png"
    Image.new("RGBA", (40, 20), (0, 0, 0, 0)).save(photo)
    dyz("hazard", "add", "--kind", "flammables", "--where", "2-2 2楼", "--photo", str(photo))
    picture = Image.open(io.BytesIO(kept_photo(db, "hazards"))).convert("RGB")
    assert picture.size == (40, 20)
    assert all(channel > 245 for channel in picture.getpixel((20, 10)))


@pytest.mark.parametrize(
    ("content", "words"),
    [
        # what an iPhone saves: an ISO media file whose brand is heic
        (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64, "HEIC"),
        (b"\xff\xd8\xff\xe0" + b"not really a picture" * 10, "不是 JPG"),
        (b"just some text", "不是 JPG"),
    ],
)
def test_what_is_no_photo_is_refused_in_one_line_and_nothing_changes(
    dyz: Runner, estate: str, db: Path, tmp_path: Path, content: bytes, words: str
) -> None:
    photo = tmp_path / "IMG_0001.HEIC"
    photo.write_bytes(content)
    before = snapshot(db)
    result = dyz(
        "hazard", "add", "--kind", "flammables", "--where", "2-2", "--photo", str(photo), code=1
    )
    assert words in one_line_error(result)
    assert snapshot(db) == before


def test_the_heic_line_says_how_to_get_a_jpg_in_english_too(
    dyz: Runner, estate: str, tmp_path: Path
) -> None:
    photo = tmp_path / "IMG_0001.HEIC"
    photo.write_bytes(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64)
    line = one_line_error(
        dyz("--lang", "en", "hazard", "add", "--kind", "flammables", "--where", "2-2",
            "--photo", str(photo), code=1)
    )  # fmt: skip
    assert "HEIC" in line and "Most Compatible" in line
