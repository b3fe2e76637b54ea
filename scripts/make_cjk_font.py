#!/usr/bin/env python3
"""Rebuild `fonts/NotoSansSC-Subset.otf`, the CJK font that Chinese chart labels use.

The font is Noto Sans CJK SC Regular (SIL Open Font License 1.1, see
`fonts/OFL.txt`), cut down to ASCII, common punctuation and the 3,755
characters of GB 2312 level 1, so that the repository stays small and every
machine (CI, a reader's laptop) has the same font without a system install.

Source: Debian's `fonts-noto-cjk` (`apt-get install fonts-noto-cjk`).
Usage: `python scripts/make_cjk_font.py [path/to/NotoSansCJK-Regular.ttc]`.
"""

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
TARGET = Path(__file__).resolve().parents[1] / "fonts" / "NotoSansSC-Subset.otf"


def gb2312_level1() -> str:
    """The 3,755 most common simplified characters (GB 2312 rows 16-55)."""
    chars = []
    for row in range(0xB0, 0xD8):
        for cell in range(0xA1, 0xFF):
            try:
                chars.append(bytes([row, cell]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return "".join(chars)


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE
    collection = TTCollection(str(source))
    font = next(f for f in collection.fonts if f["name"].getDebugName(1) == "Noto Sans CJK SC")
    punctuation = "，。、；：？！“”‘’（）《》【】—…·～－％＋×÷＝°−"
    text = "".join(chr(c) for c in range(0x20, 0x7F)) + punctuation + gb2312_level1()
    options = subset.Options()
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    TARGET.parent.mkdir(exist_ok=True)
    font.save(str(TARGET))
    print(f"{TARGET}: {TARGET.stat().st_size / 1e6:.1f} MB, {len(set(text))} characters")


if __name__ == "__main__":
    main()
