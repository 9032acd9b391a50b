"""Masking of personal data for screens, logs and reports (张*明, 110101********123X)."""

from __future__ import annotations

import re

# ID-number-like runs (18 with an optional final X, or 15) and mainland mobile numbers, not
# part of a longer run of digits.
_IN_TEXT = re.compile(r"(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15}|1[3-9]\d{9})(?![0-9A-Za-z])")
_NAME_SEPARATORS = re.compile(r"(\s+|·|•)")


def _mask_word(word: str) -> str:
    if len(word) <= 1:
        return "*" * len(word)
    if len(word) == 2:
        return word[0] + "*"
    return word[0] + "*" * (len(word) - 2) + word[-1]


def mask_name(name: str) -> str:
    """张三 → 张*, 张小明 → 张*明, 欧阳小明 → 欧**明; Latin names keep each word's initial
    (John Smith → J*** S****); names with · keep the first and last characters of the
    whole name visible (买买提·艾力 → 买****力)."""
    name = name.strip()
    if not name:
        return ""
    if " " in name and name.isascii():
        return " ".join(w[0] + "*" * (len(w) - 1) for w in name.split())
    if "·" in name or "•" in name:
        inner = "".join("·" if c in "·•" else "*" for c in name[1:-1])
        return name[0] + inner + name[-1]
    return _mask_word(name)


def mask_id_number(number: str) -> str:
    """Keep region (6) and last 4 of an 18-digit number: 110101********123X."""
    n = len(number)
    if n == 18:
        return number[:6] + "*" * 8 + number[-4:]
    if n == 15:
        return number[:6] + "*" * 5 + number[-4:]
    if n >= 8:
        return number[:2] + "*" * (n - 4) + number[-2:]
    return "*" * n


def mask_phone(phone: str) -> str:
    """138****1234; a +86 prefix is dropped; other numbers keep first 3 and last 4."""
    digits = re.sub(r"\D", "", phone)
    for prefix in ("0086", "86"):
        if len(digits) == 11 + len(prefix) and digits.startswith(prefix):
            digits = digits[len(prefix) :]
            break
    if len(digits) >= 8:
        return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]
    return "*" * len(digits)


def _mask_match(match: re.Match[str]) -> str:
    text = match.group(0)
    return mask_phone(text) if len(text) == 11 else mask_id_number(text.upper())


def mask_in_text(text: str) -> str:
    """Mask every ID or mobile number found inside free text (used on every log line)."""
    return _IN_TEXT.sub(_mask_match, text)
