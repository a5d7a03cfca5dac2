#!/usr/bin/env python3
"""Checks the default theme's translation files (themes/default/i18n/<code>.yaml).

Every file must have exactly the keys of en.yaml under `strings:` (same nesting),
the same {placeholders} in each string as the English one, a `name`, a `dir` that is
rtl for ar, ur, fa, ps and ltr for every other language, and a `reviewed` that is
`all` or a list of keys of en.yaml.

Usage: python3 check_keys.py [FOLDER]   (default: the folder of this script)
Exit status 0 when every file passes, 1 otherwise. Standard library only: the files
are read with the small YAML subset they are written in (block maps, plain or quoted
scalars, flow lists such as `reviewed: []`, comments).
"""
import os
import re
import sys

RTL = {"ar", "ur", "fa", "ps"}
TOP_KEYS = {"name", "dir", "reviewed", "strings"}
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")


class YamlError(Exception):
    pass


def parse_scalar(text, lineno):
    """Parses a value after `key: `; returns (value, rest of the line)."""
    if text.startswith('"'):
        out, i = [], 1
        escapes = {'"': '"', "\\": "\\", "n": "\n", "t": "\t", "/": "/"}
        while i < len(text):
            c = text[i]
            if c == "\\":
                if i + 1 >= len(text) or text[i + 1] not in escapes:
                    raise YamlError(f"line {lineno}: unknown escape in a quoted string")
                out.append(escapes[text[i + 1]])
                i += 2
            elif c == '"':
                return "".join(out), text[i + 1:]
            else:
                out.append(c)
                i += 1
        raise YamlError(f"line {lineno}: a quoted string is not closed")
    if text.startswith("'"):
        out, i = [], 1
        while i < len(text):
            if text[i] == "'":
                if text[i + 1:i + 2] == "'":
                    out.append("'")
                    i += 2
                    continue
                return "".join(out), text[i + 1:]
            out.append(text[i])
            i += 1
        raise YamlError(f"line {lineno}: a quoted string is not closed")
    # plain scalar: ends at ` #` (a comment) or at the end of the line
    m = re.search(r"\s#", text)
    value = (text[:m.start()] if m else text).strip()
    if value[:1] in ("{", "[", "&", "*", "!", "|", ">", "%", "@", "`"):
        raise YamlError(f"line {lineno}: a value starting with {value[0]!r} must be quoted")
    if ": " in value or value.endswith(":"):
        raise YamlError(f"line {lineno}: a value containing ': ' must be quoted")
    return value, ""


def parse_flow_list(text, lineno):
    """Parses `[a, "b", c]`; returns (list, rest of the line)."""
    items, i = [], 1
    while True:
        while i < len(text) and text[i] in " ,":
            i += 1
        if i >= len(text):
            raise YamlError(f"line {lineno}: a list is not closed with ]")
        if text[i] == "]":
            return items, text[i + 1:]
        if text[i] in "\"'":
            value, rest = parse_scalar(text[i:], lineno)
            i = len(text) - len(rest)
        else:
            j = i
            while j < len(text) and text[j] not in ",]":
                j += 1
            value, i = text[i:j].strip(), j
        items.append(value)


def check_rest(rest, lineno):
    rest = rest.strip()
    if rest and not rest.startswith("#"):
        raise YamlError(f"line {lineno}: unexpected text after the value: {rest!r}")


def load(path):
    """Reads the YAML subset into nested dicts of strings and lists."""
    root = {}
    stack = [(0, root)]  # (indent of the map's keys, map)
    pending = None  # (indent, key, parent) of a `key:` with no value yet
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if text.startswith("\ufeff"):
        raise YamlError("line 1: the file starts with a byte-order mark")
    for lineno, line in enumerate(text.split("\n"), 1):
        if "\t" in line[: len(line) - len(line.lstrip())]:
            raise YamlError(f"line {lineno}: a tab in the indentation")
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(line) - len(line.lstrip(" "))
        if pending is not None:
            p_indent, p_key, p_parent = pending
            pending = None
            if indent > p_indent:
                child = {}
                p_parent[p_key] = child
                stack.append((indent, child))
            else:
                p_parent[p_key] = None
        while stack and indent < stack[-1][0]:
            stack.pop()
        if not stack or indent != stack[-1][0]:
            raise YamlError(f"line {lineno}: unexpected indentation")
        current = stack[-1][1]
        m = re.match(r"([A-Za-z0-9_.-]+):(?:\s+(.*))?$", stripped)
        if not m:
            raise YamlError(f"line {lineno}: expected `key: value`, found {stripped!r}")
        key, rest = m.group(1), (m.group(2) or "")
        if key in current:
            raise YamlError(f"line {lineno}: the key `{key}` is there twice")
        if rest == "" or rest.startswith("#"):
            pending = (indent, key, current)
            current[key] = None
            continue
        if rest.startswith("["):
            value, after = parse_flow_list(rest, lineno)
        else:
            value, after = parse_scalar(rest, lineno)
        check_rest(after, lineno)
        current[key] = value
    if pending is not None:
        pending[2][pending[1]] = None
    return root


def flatten(strings, prefix=""):
    out = {}
    for key, value in strings.items():
        dotted = prefix + key
        if isinstance(value, dict):
            out.update(flatten(value, dotted + "."))
        else:
            out[dotted] = value
    return out


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    files = sorted(f for f in os.listdir(folder) if f.endswith(".yaml"))
    if "en.yaml" not in files:
        print(f"FAIL: no en.yaml in {folder}")
        return 1
    loaded, failures = {}, 0
    for name in files:
        try:
            loaded[name] = load(os.path.join(folder, name))
        except (YamlError, UnicodeDecodeError) as err:
            print(f"FAIL {name}: {err}")
            failures += 1
    if "en.yaml" not in loaded or not isinstance(loaded["en.yaml"].get("strings"), dict):
        print("FAIL: en.yaml cannot be read or has no `strings:` map")
        return 1
    english = flatten(loaded["en.yaml"]["strings"])
    for name, data in loaded.items():
        code = name[: -len(".yaml")]
        problems = []
        for key in sorted(set(data) - TOP_KEYS):
            problems.append(f"unknown top-level key `{key}`")
        lang_name = data.get("name")
        if not isinstance(lang_name, str) or not lang_name.strip():
            problems.append("`name` is missing or empty")
        want_dir = "rtl" if code in RTL else "ltr"
        if data.get("dir") != want_dir:
            problems.append(f"`dir` is {data.get('dir')!r}, should be {want_dir}")
        strings = data.get("strings")
        if not isinstance(strings, dict):
            problems.append("`strings:` is missing or not a map")
            flat = {}
        else:
            flat = flatten(strings)
        for key in sorted(set(english) - set(flat)):
            problems.append(f"missing key `{key}`")
        for key in sorted(set(flat) - set(english)):
            problems.append(f"extra key `{key}` (not in en.yaml)")
        for key in sorted(set(flat) & set(english)):
            value = flat[key]
            if not isinstance(value, str) or not value.strip():
                problems.append(f"`{key}` is empty or not a string")
                continue
            if not isinstance(english[key], str):
                continue
            want = sorted(PLACEHOLDER.findall(english[key]))
            have = sorted(PLACEHOLDER.findall(value))
            if want != have:
                problems.append(f"`{key}` has placeholders {have}, English has {want}")
        reviewed = data.get("reviewed")
        if reviewed == "all":
            n_reviewed = len(flat)
        elif isinstance(reviewed, list):
            for key in reviewed:
                if key not in english:
                    problems.append(f"`reviewed` lists `{key}`, not a key of en.yaml")
            n_reviewed = len(reviewed)
        else:
            problems.append("`reviewed` must be `all` or a list of keys, e.g. []")
            n_reviewed = 0
        if problems:
            failures += 1
            print(f"FAIL {name}:")
            for problem in problems:
                print(f"  - {problem}")
        else:
            print(f"ok   {name:9} {lang_name} ({data['dir']}): {len(flat)} strings, {n_reviewed} reviewed")
    print(f"{len(files)} files, {len(files) - failures} ok, {failures} failing")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
