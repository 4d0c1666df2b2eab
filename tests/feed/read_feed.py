"""Reads an Atom feed with feedparser, the feed reader many aggregators build on, and
prints what it understood as JSON, for the browser tests to check."""

import json
import sys

import feedparser

feed = feedparser.parse(sys.argv[1])
print(json.dumps({
    "bozo": bool(feed.bozo),
    "bozo_exception": str(feed.get("bozo_exception", "")),
    "version": feed.version,
    "title": feed.feed.get("title"),
    "language": feed.feed.get("language"),
    "self": next((link.href for link in feed.feed.get("links", []) if link.rel == "self"), None),
    "entries": [
        {
            "id": entry.id,
            "title": entry.title,
            "link": entry.link,
            "published": entry.published,
            "summary": entry.summary,
            "content": entry.content[0].value,
            "content_type": entry.content[0].type,
            "tags": [tag.label for tag in entry.get("tags", [])],
        }
        for entry in feed.entries
    ],
}))
