"""Where the bytes of a built site go: per kind of page, what its HTML spends on the
JSON it embeds for the app (the page's data, the site settings), on the search
engines' structured data, on the rest of the head and on the body; then the other
kinds of files (JSON the app fetches, feeds, the app itself). Raw bytes on disk, as
`du -sb` counts them: the question is the size of the folder a host stores and a
deployment copies, and what dropping the embedded JSON would save.

Usage: site_size.py SITE_DIR
"""

import collections
import os
import re
import sys

site = sys.argv[1]

EMBEDDED = {
    "page data (JSON)": re.compile(rb'<script type="application/json" id="page-data"[^>]*>.*?</script>', re.S),
    "site data (JSON)": re.compile(rb'<script type="application/json" id="site-data"[^>]*>.*?</script>', re.S),
    "structured data": re.compile(rb'<script type="application/ld\+json">.*?</script>', re.S),
}
PARTS = ["page data (JSON)", "site data (JSON)", "structured data", "rest of head", "body", "other"]


def page_kind(path):
    parts = path.split("/")
    if path == "index.html":
        return "home"
    if path == "404.html":
        return "not found"
    if parts[0] == "releases":
        return "release"
    if parts[0] == "tags":
        return "tag list"
    if parts[0] == "archive" and len(parts) > 1 and parts[1].isdigit():
        return "year list"
    return "archive list"


def split_page(html):
    """Bytes of each part of one page; together they are the whole file."""
    sizes = collections.Counter()
    head_start, head_end = html.find(b"<head>"), html.find(b"</head>")
    body_start, body_end = html.find(b"<body>"), html.rfind(b"</body>")
    head = html[head_start:head_end + len(b"</head>")]
    for part, pattern in EMBEDDED.items():
        for match in pattern.finditer(head):
            sizes[part] += len(match.group(0))
    sizes["rest of head"] = len(head) - sum(sizes.values())
    sizes["body"] = body_end + len(b"</body>") - body_start
    sizes["other"] = len(html) - len(head) - sizes["body"]
    return sizes


pages = collections.defaultdict(collections.Counter)
counts = collections.Counter()
files = collections.Counter()
for root, _, names in os.walk(site):
    for name in names:
        full = os.path.join(root, name)
        path = os.path.relpath(full, site)
        size = os.path.getsize(full)
        if name.endswith(".html"):
            kind = page_kind(path)
            counts[kind] += 1
            pages[kind].update(split_page(open(full, "rb").read()))
            files["HTML pages"] += size
        elif path.startswith("data/"):
            files["JSON the app fetches (data/)"] += size
        elif name.endswith(".xml"):
            files["feeds and sitemap"] += size
        elif name.endswith((".wasm", ".js")):
            files["app (JS + WASM)"] += size
        else:
            files["other (CSS, media, headers…)"] += size

total = sum(files.values())
mb = lambda n: f"{n / 1e6:10.2f}"
print(f"{'files':34} {'MB':>10} {'share':>7}")
for kind, size in files.most_common():
    print(f"{kind:34} {mb(size)} {100 * size / total:6.1f}%")
print(f"{'total':34} {mb(total)}")
print()
print(f"{'HTML by kind of page (MB)':18} {'pages':>6} " + " ".join(f"{part[:14]:>14}" for part in PARTS) + f" {'per page (B)':>13}")
all_pages = collections.Counter()
for kind in sorted(pages, key=lambda kind: -sum(pages[kind].values())):
    all_pages.update(pages[kind])
    whole = sum(pages[kind].values())
    print(f"{kind:18} {counts[kind]:6d} " + " ".join(f"{pages[kind][part] / 1e6:14.2f}" for part in PARTS) + f" {whole // counts[kind]:13d}")
whole = sum(all_pages.values())
print(f"{'all pages':18} {sum(counts.values()):6d} " + " ".join(f"{all_pages[part] / 1e6:14.2f}" for part in PARTS))
print(f"{'share of HTML':18} {'':6} " + " ".join(f"{100 * all_pages[part] / whole:13.1f}%" for part in PARTS))
embedded = all_pages["page data (JSON)"] + all_pages["site data (JSON)"]
print(f"\nembedded JSON (page + site data): {embedded / 1e6:.2f} MB, {100 * embedded / total:.1f}% of the site;"
      f" the site without it: {(total - embedded) / 1e6:.2f} MB")
