"""A person's own key to self mode: a salted scrypt hash of the PIN or passphrase they chose, never the words themselves.

The hash is `scrypt$n$r$p$salt$hash` (salt and hash in base64), so a stronger setting later still reads older keys.
Wrong tries are counted in the record, not in the program, so closing the app and starting again gives no more of them.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import unicodedata
from typing import TYPE_CHECKING, Any

from cpi_chat.records.db import guarded, now_utc, transaction, write_audit
from cpi_chat.records.store import fetch_one, insert_row, update_row

if TYPE_CHECKING:
    from cpi_chat.records.people_database import PeopleDatabase

SCRYPT_N, SCRYPT_R, SCRYPT_P, SALT_BYTES, HASH_BYTES = 2**14, 8, 1, 16, 32
# Checked when a name matches no one, so a wrong name takes as long to refuse as a wrong PIN.
_NOBODY = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="


def same_words(pin: str) -> bytes:
    """The PIN as the same bytes however it was typed (composed accents, no spaces around it)."""
    return unicodedata.normalize("NFC", pin.strip()).encode("utf-8")


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """A new salted scrypt hash of the PIN, as stored."""
    salt = salt if salt is not None else os.urandom(SALT_BYTES)
    digest = hashlib.scrypt(same_words(pin), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=HASH_BYTES)
    return "$".join(["scrypt", str(SCRYPT_N), str(SCRYPT_R), str(SCRYPT_P),
                     base64.b64encode(salt).decode(), base64.b64encode(digest).decode()])


def pin_matches(pin: str, stored: str | None) -> bool:
    """Whether the PIN gives the stored hash (compared in constant time); with nothing stored, as slow and always False."""
    scheme, n, r, p, salt, digest = (stored or _NOBODY).split("$")
    if scheme != "scrypt":
        return False
    tried = hashlib.scrypt(same_words(pin), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p),
                           dklen=len(base64.b64decode(digest)))
    return hmac.compare_digest(tried, base64.b64decode(digest)) and stored is not None


@guarded
def key_of(db: PeopleDatabase, person_id: int) -> dict[str, Any] | None:
    """The person's key row (hash, when set, wrong tries in a row), or None when they have none."""
    return fetch_one(db, "SELECT * FROM self_check_in_key WHERE person_id = ?", [person_id])


@guarded
def set_key(db: PeopleDatabase, person_id: int, pin: str) -> None:
    """Store a new key for the person (replacing any), with no wrong tries counted."""
    with transaction(db):
        old = key_of(db, person_id)
        fields = {"pin_hash": hash_pin(pin), "set_on": now_utc(), "failed_tries": 0}
        if old is None:
            key_id = insert_row(db, "self_check_in_key", {"person_id": person_id, "created": now_utc(), **fields})
            write_audit(db, "create", "self_check_in_key", key_id)
        else:
            update_row(db, "self_check_in_key", int(old["id"]), fields)
            write_audit(db, "update", "self_check_in_key", int(old["id"]))


@guarded
def remove_key(db: PeopleDatabase, person_id: int) -> bool:
    """Remove the person's key (the worker resets it); False when there was none."""
    with transaction(db):
        old = key_of(db, person_id)
        if old is None:
            return False
        db.execute("DELETE FROM self_check_in_key WHERE id = ?", [old["id"]])
        write_audit(db, "delete", "self_check_in_key", int(old["id"]))
    return True


@guarded
def count_try(db: PeopleDatabase, person_id: int, right: bool) -> int:
    """Count a wrong try (or clear the count after a right one); the wrong tries in a row now."""
    with transaction(db):
        old = key_of(db, person_id)
        if old is None:
            return 0
        tries = 0 if right else int(old["failed_tries"] or 0) + 1
        db.execute("UPDATE self_check_in_key SET failed_tries = ? WHERE id = ?", [tries, old["id"]])
        if not right:
            write_audit(db, "refuse", "self_check_in_key", int(old["id"]))
    return tries
