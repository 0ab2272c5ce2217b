"""The seal on every build-cache file: an HMAC-SHA256 under a key of the user's own.

A sha256 proves that a file is whole, not who wrote it: anyone able to write the cache folder
could put in new tables with a recomputed sha256. The HMAC's key lives outside the cache folder,
in `$CORPUS_CACHE_KEY` (a file's path) or else `$XDG_CONFIG_HOME/liveblog-corpus/cache-key`
(`~/.config/...`), created on first use with 32 random bytes and mode 0600. A cache file sealed
with another key (another user's, another machine's, or forged) is not used. A key file that
other users can read or write, or that is not the user's, is refused.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
import stat
from functools import lru_cache
from pathlib import Path

from corpus.errors import InputError

KEY_ENV = "CORPUS_CACHE_KEY"
MAGIC = b"corpus-cache-entry 2\n"  # 1: a bare sha256 (integrity only), no longer trusted
DIGEST_CHARS = 64


def key_path() -> Path:
    """Where this user's cache key lies."""
    if os.environ.get(KEY_ENV):
        return Path(os.environ[KEY_ENV])
    config = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(config) / "liveblog-corpus" / "cache-key"


def cache_key() -> bytes:
    """This user's cache key (made on first use)."""
    return key_at(str(key_path()))


@lru_cache(maxsize=4)
def key_at(path: str) -> bytes:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except FileNotFoundError:
        return make_key(Path(path))
    except OSError as exc:
        raise InputError(
            path,
            f"cache key unreadable ({exc.strerror or exc}); set "
            f"{KEY_ENV} to a key file of your own",
        ) from None
    try:
        problem = key_file_problem(os.fstat(fd))
        if problem:
            raise InputError(
                path, f"cache key {problem}: chmod 600 it, or remove it and a new one is made"
            )
        text = os.read(fd, 200).decode("ascii", "replace").strip()
    finally:
        os.close(fd)
    if not re.fullmatch(r"[0-9a-f]{64}", text):
        raise InputError(
            path, "not a cache key (64 hex digits expected): remove it and a new one is made"
        )
    return bytes.fromhex(text)


def key_file_problem(st: os.stat_result) -> str:
    """Why a key file with that stat cannot be trusted, or ""."""
    if not stat.S_ISREG(st.st_mode):
        return "is not a regular file"
    if st.st_uid != os.getuid():
        return f"belongs to another user (uid {st.st_uid})"
    if st.st_mode & 0o077:
        return f"is open to other users (mode {stat.S_IMODE(st.st_mode):04o})"
    return ""


def make_key(path: Path) -> bytes:
    """A new key at path, mode 0600, written whole before it appears (a parallel build that
    made one first wins, and its key is used)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_name(f".{path.name}-{os.getpid()}-{secrets.token_hex(4)}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    try:
        os.write(fd, secrets.token_hex(32).encode() + b"\n")
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        os.link(tmp, path)
    except FileExistsError:
        pass
    finally:
        os.unlink(tmp)
    return key_at(str(path))


def digest(body: bytes | memoryview) -> bytes:
    return hmac.new(cache_key(), body, hashlib.sha256).hexdigest().encode()


def seal(body: bytes) -> bytes:
    """Data preceded by a magic line and its HMAC, as cache files are kept."""
    return MAGIC + digest(body) + b"\n" + body


def unseal(data: bytes) -> bytes:
    """The data seal() kept; ValueError when the file is not one, or was not sealed with this
    user's key (changed, corrupt, made elsewhere or forged)."""
    if not data.startswith(MAGIC):
        raise ValueError("not a cache file of this version")
    start = len(MAGIC)
    found, body = data[start : start + DIGEST_CHARS], data[start + DIGEST_CHARS + 1 :]
    if not hmac.compare_digest(digest(body), found):
        raise ValueError(
            "its seal does not match (corrupt, changed, or not written by this user's builds)"
        )
    return body
