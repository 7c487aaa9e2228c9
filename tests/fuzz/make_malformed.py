#!/usr/bin/env python3
"""The malformed-bundle corpus: hundreds of broken variants of one small valid bundle.

    make_malformed.py DIR      reads DIR/valid.bundle and DIR/store.json (written by
                               `check_malformed base DIR`), writes DIR/cases/*.bundle and
                               DIR/manifest.jsonl: one line per case, {"file", "expect":
                               [codes], "what", "limit_mib"}; prints the counts per family.

Families: truncation at every structural position; each envelope and event field
missing, null or of the wrong type; out-of-range numbers and money; duplicate ids with
different content; ids the store holds with other content; unknown event types; future
versions; another estate; wrong digests; deep nesting; invalid UTF-8; files over the
size limit; things that are not bundles at all.

Cases that must get past the digest to reach their check are "resealed": the digest is
recomputed over the changed events exactly as the core does (canonical_event_bytes,
docs/EXCHANGE.md). The script first checks that its digest of the untouched bundle
equals the one the core wrote, so a resealed case is refused for its own reason, not
for a digest this script got wrong. Python standard library only.
"""
import copy
import hashlib
import json
import os
import sys

MAX_FEN = 100_000_000 * 100
MAX_WALL_MS = 253_402_300_799_999  # 9999-12-31T23:59:59.999Z
TRUNCATED, SYNTAX, NOT_BUNDLE = "bundle.truncated", "bundle.syntax", "bundle.not_a_bundle"
ENVELOPE, EVENT, FUTURE = "bundle.bad_envelope", "bundle.bad_event", "bundle.future_version"


def canonical(value):
    """The core's canonical JSON: sorted keys, no white space, UTF-8 unescaped."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def total_order(event):
    return (event["hlc"]["wall_ms"], event["hlc"]["counter"], event["id"]["device"].encode(), event["id"]["seq"])


def digest_of(events):
    try:
        events = sorted(events, key=total_order)
    except (KeyError, TypeError, AttributeError):
        pass  # a mangled event: the core refuses it before any digest, whatever the order
    text = "[" + ",".join(canonical(e) for e in events) + "]"
    return hashlib.sha256(text.encode()).hexdigest()


def write(doc):
    """An envelope in the order the core writes it, one event per line."""
    parts = []
    for key, value in doc.items():
        if key == "events" and isinstance(value, list):
            body = ",\n".join(canonical(e) for e in value)
            parts.append('"events":[\n' + body + "\n]")
        else:
            parts.append(json.dumps(key) + ":" + canonical(value))
    return ("{" + ",".join(parts) + "}\n").encode()


class Corpus:
    def __init__(self, out_dir):
        self.out_dir = out_dir
        self.lines = []
        self.families = {}
        os.makedirs(os.path.join(out_dir, "cases"), exist_ok=True)

    def add(self, family, what, data, expect, limit_mib=1):
        if isinstance(expect, str):
            expect = [expect]
        name = f"cases/{len(self.lines):04d}-{family}.bundle"
        with open(os.path.join(self.out_dir, name), "wb") as f:
            f.write(data)
        self.lines.append(json.dumps({"file": name, "expect": expect, "what": what, "limit_mib": limit_mib},
                                     ensure_ascii=False))
        self.families[family] = self.families.get(family, 0) + 1

    def add_sparse(self, family, what, size, expect, limit_mib):
        name = f"cases/{len(self.lines):04d}-{family}.bundle"
        with open(os.path.join(self.out_dir, name), "wb") as f:
            f.truncate(size)  # sparse: takes no disk space
        self.lines.append(json.dumps({"file": name, "expect": [expect], "what": what, "limit_mib": limit_mib}))
        self.families[family] = self.families.get(family, 0) + 1

    def finish(self):
        with open(os.path.join(self.out_dir, "manifest.jsonl"), "w", encoding="utf-8") as f:
            f.write("\n".join(self.lines) + "\n")


def sealed(doc):
    doc["event_count"] = len(doc["events"])
    doc["digest"]["hex"] = digest_of(doc["events"])
    return doc


# ---- Families -------------------------------------------------------------------------

def truncations(corpus, text):
    """Cut before and after every structural character, up to the closing brace."""
    end = text.rindex(b"}")
    cuts = set()
    for i, byte in enumerate(text[:end]):
        if chr(byte) in '{}[],:"':
            cuts.update((i, i + 1))
    for cut in sorted(c for c in cuts if c <= end):
        corpus.add("truncated", f"cut after {cut} of {len(text)} bytes", text[:cut], TRUNCATED)


WRONG_TYPES = {str: [12345, True, [], {}], int: ["7", 7.5, [], {}, True], bool: [1, "true"],
               list: [{}, "x", 3], dict: [[], "x", 3]}


def wrong_values(value):
    for kind, replacements in WRONG_TYPES.items():
        if type(value) is kind:
            return replacements
    return ["x"]


def envelope_fields(corpus, doc):
    """Each envelope member missing, null, or of another type."""
    expect_for = {"format": NOT_BUNDLE, "events": EVENT, "digest": ENVELOPE}
    for key in doc:
        code = expect_for.get(key, ENVELOPE)
        d = copy.deepcopy(doc)
        del d[key]
        corpus.add("envelope-missing", f"{key} missing", write(d), ENVELOPE if key == "events" else code)
        for value in [None] + wrong_values(doc[key]):
            d = copy.deepcopy(doc)
            d[key] = value
            corpus.add("envelope-type", f"{key} = {json.dumps(value)}", write(d), code)
    for key in ("algorithm", "hex"):
        d = copy.deepcopy(doc)
        del d["digest"][key]
        corpus.add("envelope-missing", f"digest.{key} missing", write(d), ENVELOPE)
        for value in [None, 256, "SHA-1" if key == "algorithm" else "ABC"]:
            d = copy.deepcopy(doc)
            d["digest"][key] = value
            corpus.add("envelope-type", f"digest.{key} = {json.dumps(value)}", write(d),
                       "bundle.digest_algorithm" if key == "algorithm" else ENVELOPE)
    bad_values = [
        ("version", 0, ENVELOPE), ("version", -1, ENVELOPE), ("version", 2, FUTURE), ("version", 99, FUTURE),
        ("version", 2**63 - 1, FUTURE), ("version", 2**64 - 1, FUTURE),
        ("format", "bianmin-events", NOT_BUNDLE), ("format", "BIANMIN-BUNDLE", NOT_BUNDLE), ("format", "", NOT_BUNDLE),
        ("estate_id", "", ENVELOPE), ("estate_id", "has space", ENVELOPE), ("estate_id", "x" * 65, ENVELOPE),
        ("source_device", "设备", ENVELOPE), ("created_at", -1, ENVELOPE), ("created_at", MAX_WALL_MS + 1, ENVELOPE),
        ("kind", "weekly", ENVELOPE), ("kind", "delta", ENVELOPE), ("kind", "resident", ENVELOPE),
        ("for_device", "tab-1", ENVELOPE), ("household", "h-1", ENVELOPE),
        ("seen", {"office": -1}, ENVELOPE), ("seen", {"office": "3"}, ENVELOPE), ("seen", {"bad id!": 1}, ENVELOPE),
        ("seen", {"office": 2**64}, ENVELOPE), ("event_count", -1, ENVELOPE), ("event_count", 2**63, ENVELOPE),
        ("event_count", 2, "bundle.count_mismatch"), ("event_count", 4, "bundle.count_mismatch"),
        ("event_count", 0, "bundle.count_mismatch"),
    ]
    for key, value, code in bad_values:
        d = copy.deepcopy(doc)
        d[key] = value
        corpus.add("envelope-value", f"{key} = {json.dumps(value, ensure_ascii=False)[:40]}", write(d), code)
    d = copy.deepcopy(doc)
    d["extra"] = 1
    corpus.add("envelope-value", "an unknown envelope key", write(d), ENVELOPE)
    d = copy.deepcopy(doc)
    d["digest"]["salt"] = "x"
    corpus.add("envelope-value", "an unknown digest key", write(d), ENVELOPE)
    d = copy.deepcopy(doc)
    d["events"] = []
    corpus.add("envelope-value", "no events but a count of 3", write(d), "bundle.count_mismatch")


def paths(value, prefix=()):
    """Every member path of an event (objects only; arrays are values)."""
    if isinstance(value, dict):
        for key, child in value.items():
            yield prefix + (key,)
            yield from paths(child, prefix + (key,))


def get(doc, path):
    for key in path:
        doc = doc[key]
    return doc


def event_fields(corpus, doc, index, family):
    """Each member of one event missing, null or of another type (resealed)."""
    event = doc["events"][index]
    for path in paths(event):
        label = f"events[{index}]." + ".".join(path)
        d = copy.deepcopy(doc)
        del get(d["events"][index], path[:-1])[path[-1]]
        corpus.add(family + "-missing", f"{label} missing", write(sealed(d)), EVENT)
        for value in [None] + wrong_values(get(event, path)):
            d = copy.deepcopy(doc)
            get(d["events"][index], path[:-1])[path[-1]] = value
            corpus.add(family + "-type", f"{label} = {json.dumps(value)}", write(sealed(d)), EVENT)
    d = copy.deepcopy(doc)
    d["events"][index]["data"]["surplus"] = "x"
    corpus.add(family + "-type", f"events[{index}].data has an unknown key", write(sealed(d)), EVENT)


def money_paths(event):
    return [p for p in paths(event) if p[0] == "data" and p[-1] in ("amount", "price", "deposit", "prepayment")
            and isinstance(get(event, p), int)]


def numbers(corpus, doc, money_index):
    """Out-of-range, negative, fractional and huge numbers and money (resealed)."""
    cases = [(("id", "seq"), v) for v in (-1, 2**63, 2**64, 1.5, 1e3)]
    cases += [(("hlc", "wall_ms"), v) for v in (-1, MAX_WALL_MS + 1, 2**63, -2**63 - 1, 0.5)]
    cases += [(("hlc", "counter"), v) for v in (-1, 2**32, 2**63)]
    for path in money_paths(doc["events"][money_index]):
        cases += [(path, v) for v in (MAX_FEN + 1, -MAX_FEN - 1, 2**63 - 1, -2**63, 2**63, -2**63 - 1, 12.5, 1e2, "12.50")]
    for path, value in cases:
        d = copy.deepcopy(doc)
        get(d["events"][money_index], path[:-1])[path[-1]] = value
        corpus.add("number", f"events[{money_index}]." + ".".join(path) + f" = {value!r}", write(sealed(d)), EVENT)
    # Negative money where an amount received must be positive: refused at the door, not
    # left to the projection (money is only reversed, never negative).
    for path in money_paths(doc["events"][money_index]):
        d = copy.deepcopy(doc)
        get(d["events"][money_index], path[:-1])[path[-1]] = -abs(get(doc["events"][money_index], path)) or -1
        corpus.add("negative-money", f"events[{money_index}]." + ".".join(path) + " negative", write(sealed(d)), EVENT)


def identities(corpus, doc, held):
    """Repeated ids, ids the store holds with other content, unknown types, estates."""
    d = copy.deepcopy(doc)
    twin = copy.deepcopy(d["events"][0])
    twin["hlc"]["counter"] += 1
    d["events"].append(twin)
    corpus.add("duplicate-id", "an event id twice, with different clocks", write(sealed(d)), "bundle.duplicate_id")
    d = copy.deepcopy(doc)
    d["events"].append(copy.deepcopy(d["events"][1]))
    corpus.add("duplicate-id", "the same event twice", write(sealed(d)), "bundle.duplicate_id")
    # Not estate_created: changing it names another estate, a different refusal (below).
    editable = (e for e in held if e["type"] != "estate_created" and any(isinstance(v, str) and v for v in e["data"].values()))
    for i, old in enumerate(editable):
        if i == 3:
            break
        d = copy.deepcopy(doc)
        changed = copy.deepcopy(old)
        key = next(k for k, v in changed["data"].items() if isinstance(v, str) and v)
        changed["data"][key] += "X"
        d["events"].append(changed)
        corpus.add("id-conflict", f"held event {old['id']['device']}#{old['id']['seq']} with another {key}",
                   write(sealed(d)), "bundle.id_conflict")
    for name in ("teleported", "", "PAYMENT_RECEIVED", "payment_received ", "estate_created\u0000"):
        d = copy.deepcopy(doc)
        d["events"][0]["type"] = name
        corpus.add("unknown-type", f"type {name!r}", write(sealed(d)), EVENT)
    d = copy.deepcopy(doc)
    d["estate_id"] = "another-estate"
    corpus.add("other-estate", "the envelope names another estate", write(d), "bundle.other_estate")
    created = next((e for e in held if e["type"] == "estate_created"), None)
    if created:
        d = copy.deepcopy(doc)
        other = copy.deepcopy(created)
        other["data"]["estate_id"] = "another-estate"
        d["events"].append(other)
        corpus.add("other-estate", "an estate_created of another estate", write(sealed(d)), "bundle.estate_mismatch")
        d["estate_id"] = "another-estate"
        corpus.add("other-estate", "a whole bundle of another estate", write(sealed(d)),
                   ["bundle.other_estate", "bundle.id_conflict"])
    d = copy.deepcopy(doc)
    d["source_device"] = "ghost-device"
    corpus.add("unknown-source", "an unregistered source device", write(d), "bundle.unknown_source")


def clocks(corpus, doc):
    d = copy.deepcopy(doc)
    d["events"][-1]["hlc"]["wall_ms"] = MAX_WALL_MS
    corpus.add("clock", "an event stamped in the year 9999", write(sealed(d)), "bundle.implausible_clock")
    a, b = doc["events"][0], doc["events"][-1]
    d = copy.deepcopy(doc)
    late = copy.deepcopy(a)
    late["id"]["seq"] = a["id"]["seq"] + 1000
    late["hlc"] = {"wall_ms": a["hlc"]["wall_ms"] - 86_400_000, "counter": 0}
    d["events"].append(late)
    corpus.add("clock", "a later seq of a device stamped a day earlier", write(sealed(d)), "bundle.implausible_clock")
    del b


def digests(corpus, doc):
    hex_ = doc["digest"]["hex"]
    for what, value in [("one digit changed", hex_[:10] + ("0" if hex_[10] != "0" else "1") + hex_[11:]),
                        ("all zeros", "0" * 64), ("the digest of no events", digest_of([]))]:
        d = copy.deepcopy(doc)
        d["digest"]["hex"] = value
        corpus.add("digest", what, write(d), "bundle.digest_mismatch")
    for i, event in enumerate(doc["events"]):
        d = copy.deepcopy(doc)
        key = next((k for k, v in event["data"].items() if isinstance(v, str) and v), None)
        if key:
            d["events"][i]["data"][key] += "改"
            corpus.add("digest", f"events[{i}].data.{key} altered after sealing", write(d), "bundle.digest_mismatch")
        d = copy.deepcopy(doc)
        d["events"][i]["hlc"]["counter"] += 1
        corpus.add("digest", f"events[{i}].hlc altered after sealing", write(d), "bundle.digest_mismatch")
    d = copy.deepcopy(doc)
    d["digest"]["hex"] = hex_.upper()
    corpus.add("digest", "upper-case hex", write(d), ENVELOPE)


def nesting(corpus, doc, text):
    for depth in (33, 40, 1000, 100_000):
        d = copy.deepcopy(doc)
        d["seen"] = "@@"
        deep = write(d).replace(b'"@@"', b"[" * depth + b"]" * depth)
        corpus.add("deep", f"seen nested {depth} deep", deep, SYNTAX)
        d = copy.deepcopy(doc)
        d["events"][0]["data"]["note"] = "@@"
        deep = write(sealed(d)).replace(b'"@@"', b"{\"a\":" * depth + b"1" + b"}" * depth)
        corpus.add("deep", f"an event nested {depth} deep", deep, [SYNTAX, EVENT])
    d = copy.deepcopy(doc)
    key = next(iter(d["events"][0]["data"]))
    d["events"][0]["data"][key] = json.loads("[" * 20 + "]" * 20)
    corpus.add("deep", "an event field nested 20 deep", write(sealed(d)), EVENT)
    corpus.add("deep", "100,000 open brackets", b"[" * 100_000, [TRUNCATED, SYNTAX])
    corpus.add("deep", "100,000 open braces before the envelope", b'{"a":' * 100_000, [TRUNCATED, SYNTAX])


INVALID_UTF8 = [b"\x80", b"\xc0\xaf", b"\xed\xa0\x80", b"\xe4\xb8", b"\xff", b"\xf5\x80\x80\x80", b"\xf8\x88\x80\x80\x80"]


def utf8(corpus, doc):
    for bad in INVALID_UTF8:
        d = copy.deepcopy(doc)
        key = next((k for k, v in d["events"][0]["data"].items() if isinstance(v, str)), "note")
        d["events"][0]["data"][key] = "@@"
        corpus.add("utf8", f"{bad.hex()} in events[0].data.{key}", write(d).replace(b"@@", b"a" + bad + b"b"),
                   [EVENT, SYNTAX])
        d = copy.deepcopy(doc)
        d["estate_id"] = "@@"
        corpus.add("utf8", f"{bad.hex()} in estate_id", write(d).replace(b"@@", bad), [SYNTAX, ENVELOPE])
        d = copy.deepcopy(doc)
        d["@@"] = 1
        corpus.add("utf8", f"{bad.hex()} in an envelope key", write(d).replace(b"@@", bad), [SYNTAX, ENVELOPE])


def not_bundles(corpus, text, store_text):
    corpus.add("not-bundle", "an empty file", b"", TRUNCATED)
    corpus.add("not-bundle", "white space only", b" \n\t\r\n", TRUNCATED)
    corpus.add("not-bundle", "plain text", "这不是文件 not a file".encode(), SYNTAX)
    corpus.add("not-bundle", "binary bytes", bytes(range(256)), SYNTAX)
    corpus.add("not-bundle", "a JSON array", b"[1,2,3]", [SYNTAX, NOT_BUNDLE])
    corpus.add("not-bundle", "a JSON number", b"42", [SYNTAX, NOT_BUNDLE])
    corpus.add("not-bundle", "an empty object", b"{}", [NOT_BUNDLE, ENVELOPE])
    corpus.add("not-bundle", "an events file", store_text, NOT_BUNDLE)
    corpus.add("not-bundle", "two bundles back to back", text + text, SYNTAX)
    corpus.add("not-bundle", "text after the bundle", text + b"trailing", SYNTAX)
    corpus.add("not-bundle", "a key repeated", text.replace(b'"version":1', b'"version":1,"version":1', 1), SYNTAX)
    corpus.add("not-bundle", "NUL bytes", b"\x00" * 64, SYNTAX)
    corpus.add("not-bundle", "a byte-order mark and garbage", b"\xef\xbb\xbf\x00garbage", SYNTAX)


def sizes(corpus, text):
    padded = text[:-2] + b" " * (5 << 20) + text[-2:]
    corpus.add("too-large", "5 MiB of white space in a bundle, limit 1 MiB", padded, "bundle.too_large")
    corpus.add_sparse("too-large", "a 1 GiB file, default limit 256 MiB", 1 << 30, "bundle.too_large", 256)
    corpus.add_sparse("too-large", "1 MiB + 1 byte, limit 1 MiB", (1 << 20) + 1, "bundle.too_large", 1)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out_dir = sys.argv[1]
    with open(os.path.join(out_dir, "valid.bundle"), "rb") as f:
        text = f.read()
    with open(os.path.join(out_dir, "store.json"), "rb") as f:
        store_text = f.read()
    doc = json.loads(text)
    held = json.loads(store_text)["events"]
    if digest_of(doc["events"]) != doc["digest"]["hex"]:
        sys.exit("make_malformed: this script's canonical form disagrees with the core's digest; fix canonical()")
    money_index = next(i for i, e in enumerate(doc["events"]) if money_paths(e))

    corpus = Corpus(out_dir)
    truncations(corpus, text)
    envelope_fields(corpus, doc)
    event_fields(corpus, doc, 0, "event")
    if money_index != 0:
        event_fields(corpus, doc, money_index, "money-event")
    numbers(corpus, doc, money_index)
    identities(corpus, doc, held)
    clocks(corpus, doc)
    digests(corpus, doc)
    nesting(corpus, doc, text)
    utf8(corpus, doc)
    not_bundles(corpus, text, store_text)
    sizes(corpus, text)
    corpus.finish()
    for family, count in sorted(corpus.families.items()):
        print(f"  {family:22} {count:5}")
    print(f"{len(corpus.lines)} malformed bundles in {out_dir}/cases")


if __name__ == "__main__":
    main()
