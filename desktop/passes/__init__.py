"""Signed paper passes (纸质出入证): claims, keys, verification, issuing and revocation."""
