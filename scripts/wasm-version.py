#!/usr/bin/env python3
"""Prints a runtime wasm file's blake2-256 hash, spec_name and spec_version.

    scripts/wasm-version.py FILE   ->   0x<hash> <spec_name> <spec_version>

The hash is of the file as given (a compressed wasm is hashed compressed: that
is the code `system.authorizeUpgrade` names and `:code` stores). The version is
read from the wasm's `runtime_version` custom section, the SCALE-encoded
`RuntimeVersion` the node reads too, after undoing substrate's zstd
compression (8-byte prefix, then one zstd frame; the `zstd` command).
"""
import hashlib
import subprocess
import sys

ZSTD_PREFIX = bytes([0x52, 0xBC, 0x53, 0x76, 0x46, 0xDB, 0x8E, 0x05])


def leb128(data, at):
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, at


def compact(data, at):
    mode = data[at] & 3
    if mode == 0:
        return data[at] >> 2, at + 1
    if mode == 1:
        return int.from_bytes(data[at:at + 2], "little") >> 2, at + 2
    if mode == 2:
        return int.from_bytes(data[at:at + 4], "little") >> 2, at + 4
    n = (data[at] >> 2) + 4
    return int.from_bytes(data[at + 1:at + 1 + n], "little"), at + 1 + n


def custom_section(wasm, wanted):
    if wasm[:4] != b"\0asm":
        raise SystemExit("not a wasm module")
    at = 8
    while at < len(wasm):
        kind = wasm[at]
        size, at = leb128(wasm, at + 1)
        end = at + size
        if kind == 0:
            name_len, name_at = leb128(wasm, at)
            name = wasm[name_at:name_at + name_len].decode()
            if name == wanted:
                return wasm[name_at + name_len:end]
        at = end
    raise SystemExit(f"no {wanted} section")


def version(code):
    wasm = code
    if code.startswith(ZSTD_PREFIX):
        wasm = subprocess.run(["zstd", "-d", "-c", "-q"], input=code[8:],
                              capture_output=True, check=True).stdout
    section = custom_section(wasm, "runtime_version")
    name_len, at = compact(section, 0)
    spec_name = section[at:at + name_len].decode()
    at += name_len
    impl_len, at = compact(section, at)
    at += impl_len + 4  # impl_name, authoring_version
    spec_version = int.from_bytes(section[at:at + 4], "little")
    return spec_name, spec_version


def main():
    code = open(sys.argv[1], "rb").read()
    spec_name, spec_version = version(code)
    print("0x" + hashlib.blake2b(code, digest_size=32).hexdigest(), spec_name, spec_version)


if __name__ == "__main__":
    main()
