#!/usr/bin/env python3
"""Check a permit token by hand: python3 verify_token.py TOKEN JWKS_URL_OR_FILE [FEED_URL_OR_FILE] [--at INSTANT]

Uses only Python's standard library to take the token apart (base32, CBOR, COSE_Sign1) and the
openssl command to verify the ES256 signature against the published JWK, so that nothing of this
system's code is trusted. Given the revocation feed (its URL, whose pages are all read, or a file
holding a page saved from it), it then says, as an offline verifier would, whether the permit is
revoked, suspended by a lockdown of its ward (at INSTANT, ISO 8601; now by default) or neither.
See docs/qr-format.md.
"""
import argparse, base64, datetime, json, subprocess, sys, tempfile, os, urllib.parse, urllib.request, uuid


def cbor(data, i=0):
    """Decodes one CBOR item (the subset the token uses); returns (value, next index)."""
    major, info = data[i] >> 5, data[i] & 31
    i += 1
    if info < 24:
        arg = info
    else:
        size = {24: 1, 25: 2, 26: 4, 27: 8}[info]
        arg = int.from_bytes(data[i:i + size], "big")
        i += size
    if major == 0:
        return arg, i
    if major == 1:
        return -1 - arg, i
    if major in (2, 3):
        raw = data[i:i + arg]
        return (raw if major == 2 else raw.decode("utf-8")), i + arg
    if major == 4:
        items = []
        for _ in range(arg):
            item, i = cbor(data, i)
            items.append(item)
        return items, i
    if major == 5:
        items = {}
        for _ in range(arg):
            key, i = cbor(data, i)
            items[key], i = cbor(data, i)
        return items, i
    if major == 6:
        return cbor(data, i)  # the COSE_Sign1 tag (18): the tagged item follows
    raise ValueError("unsupported CBOR item")


def head(major, n):
    return bytes([major << 5 | n]) if n < 24 else bytes([major << 5 | 24, n]) if n < 256 else bytes([major << 5 | 25]) + n.to_bytes(2, "big")


def der_integer(value):
    """A DER INTEGER of a non-negative value: minimal two's complement, so no leading zero byte
    except the one that keeps a value whose high bit is set from reading as negative."""
    body = value.to_bytes(33, "big").lstrip(b"\x00") or b"\x00"
    if body[0] & 0x80:
        body = b"\x00" + body
    return b"\x02" + bytes([len(body)]) + body


def der_sequence(body):
    return b"\x30" + bytes([len(body)]) + body  # at most 2 x 35 bytes: the short length form


def read_feed(source):
    """The revocations and suspension lines of the feed: every page of a URL, or one saved page."""
    if not source.startswith("http"):
        with open(source, "rb") as f:
            page = json.load(f)
        return page.get("items", []), page.get("suspensions", [])
    revoked, suspended, cursor = [], [], None
    while True:
        url = source + ("" if cursor is None else ("&" if "?" in source else "?") + "since=" + urllib.parse.quote(cursor))
        page = json.load(urllib.request.urlopen(url))
        if not page["items"] and not page.get("suspensions"):
            return revoked, suspended
        revoked += page["items"]
        suspended += page.get("suspensions", [])
        cursor = page["nextCursor"]


def standing(permit_id, feed_source, at):
    """What the feed says of the permit at the instant: revoked, suspended (the ward, why, since when) or valid."""
    revoked, lines = read_feed(feed_source)
    if any(r["permitId"] == permit_id for r in revoked):
        return "revoked"
    latest = {}
    for line in lines:  # in the feed's order: a later line of the same suspension replaces an earlier one
        if line["permitId"] == permit_id:
            latest[line["suspensionId"]] = line
    for line in latest.values():
        since = datetime.datetime.fromisoformat(line["since"])
        until = line["until"] and datetime.datetime.fromisoformat(line["until"])
        if since <= at and (until is None or at < until):
            return f"suspended: lockdown of {line['wardName']} ({line['wardCode']}) since {line['since']}: {line['reason']}"
    return "valid: neither revoked nor suspended"


def main(token, jwks_source, feed_source=None, at=None):
    raw = base64.b32decode(token.upper() + "=" * (-len(token) % 8))
    (protected, _unprotected, payload, signature), _ = cbor(raw)
    header, _ = cbor(protected)
    claims, _ = cbor(payload)
    kid = header[4].hex()
    print("alg:", header[1], "(ES256 is -7)  kid:", kid)
    print("permit:", claims[7].hex(), " holder:", claims[-65537], " id:", claims[-65538])

    # Sig_structure = ["Signature1", protected, external_aad = b"", payload] (RFC 9052, 4.4)
    signed = head(4, 4) + head(3, 10) + b"Signature1" + head(2, len(protected)) + protected + head(2, 0) + head(2, len(payload)) + payload

    source = urllib.request.urlopen(jwks_source) if jwks_source.startswith("http") else open(jwks_source, "rb")
    jwk = next(k for k in json.load(source)["keys"] if k["kid"] == kid)
    pad = lambda s: s + "=" * (-len(s) % 4)
    point = b"\x04" + base64.urlsafe_b64decode(pad(jwk["x"])) + base64.urlsafe_b64decode(pad(jwk["y"]))
    # SubjectPublicKeyInfo of a P-256 key: a fixed DER prefix, then the uncompressed point.
    spki = bytes.fromhex("3059301306072a8648ce3d020106082a8648ce3d030107034200") + point
    r, s = (int.from_bytes(signature[:32], "big"), int.from_bytes(signature[32:], "big"))
    der_signature = der_sequence(der_integer(r) + der_integer(s))

    with tempfile.TemporaryDirectory() as folder:
        files = {}
        for name, content in (("key.der", spki), ("data.bin", signed), ("sig.der", der_signature)):
            files[name] = os.path.join(folder, name)
            with open(files[name], "wb") as f:
                f.write(content)
        subprocess.run(["openssl", "pkey", "-pubin", "-inform", "DER", "-in", files["key.der"], "-out", os.path.join(folder, "key.pem")], check=True)
        result = subprocess.run(["openssl", "dgst", "-sha256", "-verify", os.path.join(folder, "key.pem"), "-signature", files["sig.der"], files["data.bin"]])
        if result.returncode != 0 or feed_source is None:
            sys.exit(result.returncode)
    sys.stdout.flush()
    print("status:", standing(str(uuid.UUID(bytes=claims[7])), feed_source, at or datetime.datetime.now(datetime.timezone.utc)))


if __name__ == "__main__":
    arguments = argparse.ArgumentParser(description="Check a permit token by hand (docs/qr-format.md).")
    arguments.add_argument("token")
    arguments.add_argument("jwks", help="the keys: a URL or a file")
    arguments.add_argument("feed", nargs="?", help="the revocation feed: its URL or a file holding a page of it")
    arguments.add_argument("--at", type=datetime.datetime.fromisoformat, help="the instant to judge suspensions at (default: now)")
    options = arguments.parse_args()
    try:
        main(options.token, options.jwks, options.feed, options.at)
    except (ValueError, KeyError, IndexError, TypeError, UnicodeDecodeError, StopIteration) as error:
        print("invalid: the token is not a well-formed permit token signed by a published key:", repr(error))
        sys.exit(1)
