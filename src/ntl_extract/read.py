"""Temporary stub (UTF-8 only) until the full decoder lands."""
from __future__ import annotations
import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    warnings: tuple[str, ...]


class ReadError(Exception):
    def __init__(self, kind: str, message: str):
        super().__init__(f"{kind}: {message}")
        self.kind, self.message = kind, message


def decode(data: bytes) -> Decoded:
    if not data:
        raise ReadError("empty", "the file is empty")
    try:
        return Decoded(data.decode("utf-8-sig"), "utf-8", ())
    except UnicodeDecodeError as err:
        raise ReadError("undecodable", str(err)) from None


def read_file(path, max_bytes: int = 200 * 1024 * 1024):
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as err:
        raise ReadError("unreadable", str(err)) from None
    return data, decode(data)
