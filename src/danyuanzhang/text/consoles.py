"""What dyz writes to a Chinese Windows console or file: GB 18030 where the stream is GBK.

Python writes a redirected stream (`dyz report > 周报.txt`) in the locale's code page, cp936
(GBK) on a Chinese Windows, and GBK has no 𠮷 or 喆's rarer neighbours: a name would come out as
"王?喆". GB 18030 (mandatory since 2023-08-01) is a superset of GBK — every byte GBK writes stays
the same — and holds every character, so such a stream is written in GB 18030. The few symbols
dyz itself prints that are outside GBK would be written as four-byte sequences that a GBK
reader shows as noise; each becomes a word or a GBK look-alike instead (✂ → 剪下).

Every command passes through `fit_streams`; the codec is made only where a stream is GBK.
"""

from __future__ import annotations

import functools
from typing import Any

# the names Python gives the code page of a Chinese Windows (and GB 2312, its subset)
GBK_NAMES = {"gbk", "cp936", "ms936", "936", "gb2312", "euccn"}
CODEC = "dyz-gb18030"


def is_gbk(encoding: str | None) -> bool:
    return (encoding or "").lower().replace("-", "").replace("_", "") in GBK_NAMES


def fit_streams(*streams: Any) -> None:
    """Write each stream so that nothing becomes "?" that its reader could show: GB 18030 with
    words for symbols where it is GBK; elsewhere as it is, an unwritable character replaced
    rather than a traceback."""
    for stream in streams:
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        if is_gbk(getattr(stream, "encoding", None)):
            _register()
            reconfigure(encoding=CODEC, errors="replace")
        else:
            reconfigure(errors="replace")


def symbol_words() -> dict[str, str]:
    """dyz's own symbols outside GBK, as a GBK reader can show them."""
    return {
        "✂": "剪下",
        "☎": "电话",
        "»": ">>",
        "›": ">",
        "⟨": "〈",
        "⟩": "〉",
        "\u2421": "^?",  # DEL's control picture
        **{chr(0x2400 + code): f"^{chr(code + 64)}" for code in range(0x20)},  # ␛ as ^[
    }


@functools.cache
def _words() -> dict[int, str]:
    return str.maketrans(symbol_words())


def as_gbk_shows(text: str) -> str:
    """`text` with dyz's symbols that GBK lacks turned into words."""
    return text.translate(_words())


@functools.cache
def _register() -> None:
    import codecs

    gb18030 = codecs.lookup("gb18030")

    class Encoder(codecs.IncrementalEncoder):
        def __init__(self, errors: str = "strict") -> None:
            super().__init__(errors)
            self._gb18030 = gb18030.incrementalencoder(errors)

        def encode(self, text: str, final: bool = False) -> bytes:
            return bytes(self._gb18030.encode(as_gbk_shows(text), final))

        def reset(self) -> None:
            self._gb18030.reset()

    def encode(text: str, errors: str = "strict") -> tuple[bytes, int]:
        return gb18030.encode(as_gbk_shows(text), errors)[0], len(text)

    info = codecs.CodecInfo(
        encode,
        gb18030.decode,
        incrementalencoder=Encoder,
        incrementaldecoder=gb18030.incrementaldecoder,
        streamreader=gb18030.streamreader,
        streamwriter=gb18030.streamwriter,
        name=CODEC,
    )
    codecs.register(lambda name: info if name.replace("_", "-") == CODEC else None)
