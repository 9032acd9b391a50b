"""Pinyin initials of a person's name, as the registry stores them for quick search."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from pypinyin import Style, lazy_pinyin

_CJK_CHAR = re.compile(r"[\u3400-\u9fff]")
_NAME_TOKENS = re.compile(r"[\u3400-\u9fff]|[^\W\d_\u3400-\u9fff]+")
INITIALS_MAX = 32  # the width of resident.name_initials


@lru_cache(maxsize=8192)
def _initial(char: str) -> str:
    return "".join(lazy_pinyin(char, style=Style.FIRST_LETTER)).lower()


def name_initials(name: str) -> str:
    """Lower-case pinyin initials (张小明 → zxm); other words give their first letter
    (Anna Müller → am)."""
    out = []
    for token in _NAME_TOKENS.findall(name):
        if _CJK_CHAR.fullmatch(token):
            out.append(_initial(token))
        else:
            out.append(unicodedata.normalize("NFKD", token[0])[0].lower())
    return "".join(out)[:INITIALS_MAX]
