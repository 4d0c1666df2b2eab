"""Reads a vCard with vobject, as address books and CRMs built on it do, and prints what
it understood as JSON, for the browser tests to check. Strict: anything vobject cannot
read exits with an error."""

import json
import sys
import urllib.request

import vobject

with urllib.request.urlopen(sys.argv[1]) as response:
    text = response.read().decode("utf-8")
card = vobject.readOne(text, validate=True)
print(json.dumps({
    "version": card.version.value,
    "name": card.fn.value,
    "organization": card.org.value if hasattr(card, "org") else None,
    "title": card.title.value if hasattr(card, "title") else None,
    "email": card.email.value if hasattr(card, "email") else None,
    "phone": card.tel.value if hasattr(card, "tel") else None,
    "url": card.url.value if hasattr(card, "url") else None,
    "crlf": text.count("\r\n") == text.count("\n"),
}, ensure_ascii=False))
