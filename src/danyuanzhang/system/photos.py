"""A photo as a phone takes it, made fit to keep: at most 1,600 pixels on its longest side, a
JPEG of at most 512 KB, and nothing of the camera's EXIF — a hazard photo's GPS position would
say where the resident lives. Kept inside the database as a data URI, so that it travels with
its record in a bundle. Pillow is imported here only, by the commands that take a photo."""

from __future__ import annotations

import base64
import io
from pathlib import Path
from typing import Any

from danyuanzhang.errors import DyzError

LONGEST_SIDE = 1_600
KEPT_LIMIT = 512 * 1024  # what a bundle carries (sync/bundle/values.py PHOTO_TEXT_LIMIT)
FILE_LIMIT = 64 * 1024 * 1024  # a 200-megapixel phone's JPEG is about 40 MB
QUALITIES = (80, 70, 60, 50)
_IMAGE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"GIF8")
# ISO base media files (HEIC, AVIF) say what they are by a brand after `ftyp` at byte 4
_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"}


def read_photo(path_text: str) -> str:
    """The photo at `path_text`, downscaled and stripped, as a `data:image/jpeg` URI."""
    from danyuanzhang.system.userfiles import read_bounded

    path = Path(path_text).expanduser()
    try:
        data = read_bounded(path, FILE_LIMIT)
    except DyzError as error:
        if error.key == "file_too_big":
            raise DyzError("photo_too_big", path=path_text, limit_mb=FILE_LIMIT >> 20) from None
        if error.key == "file_unreadable":
            raise DyzError("photo_unreadable", path=path_text) from None
        raise
    if data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS:
        raise DyzError("photo_heic", path=path_text)
    is_webp = data[:4] == b"RIFF" and data[8:12] == b"WEBP"
    if not (data.startswith(_IMAGE_MAGIC) or is_webp):
        raise DyzError("photo_not_image", path=path_text)
    kept = fit_to_keep(data)
    if kept is None:
        raise DyzError("photo_not_image", path=path_text)
    return "data:image/jpeg;base64," + base64.b64encode(kept).decode("ascii")


def fit_to_keep(data: bytes) -> bytes | None:
    """`data` as a JPEG of at most LONGEST_SIDE pixels and KEPT_LIMIT bytes, turned upright and
    written without EXIF; None when Pillow cannot read it as a picture."""
    from PIL import Image, ImageOps

    Image.MAX_IMAGE_PIXELS = 250_000_000  # a 200-megapixel phone photo is a photo, not a bomb
    try:
        with Image.open(io.BytesIO(data)) as opened:
            # a JPEG is decoded at a fraction of its size where that still covers the longest
            # side: a 50-megapixel photo is read in a tenth of the time and memory
            scale = min(1.0, LONGEST_SIDE / max(opened.size))
            opened.draft("RGB", (round(opened.width * scale), round(opened.height * scale)))
            upright = ImageOps.exif_transpose(opened)
            picture = _on_white(upright)
    except (OSError, ValueError, Image.DecompressionBombError, SyntaxError):
        return None
    side = LONGEST_SIDE
    while True:
        picture.thumbnail((side, side), Image.Resampling.LANCZOS)
        for quality in QUALITIES:
            written = io.BytesIO()
            # no `exif=`: Pillow writes none unless asked, so GPS and camera data stay behind
            picture.save(written, "JPEG", quality=quality, optimize=True, progressive=True)
            if written.tell() <= KEPT_LIMIT:
                return written.getvalue()
        side = side * 3 // 4


def _on_white(picture: Any) -> Any:
    """An RGB picture; what was transparent is white, as on paper."""
    from PIL import Image

    if picture.mode in ("RGBA", "LA") or "transparency" in picture.info:
        rgba = picture.convert("RGBA")
        white = Image.new("RGB", rgba.size, (255, 255, 255))
        white.paste(rgba, mask=rgba.getchannel("A"))
        return white
    return picture.convert("RGB")
