"""Writes N synthetic releases (and a site.toml) for the content build benchmark.

The files are valid for both our content build and Hugo: TOML front matter between
+++ lines, Markdown bodies of a realistic length with headings, lists, quotes, links.
Usage: synthetic_content.py N CONTENT_DIR [--varied]
With --varied, each release also has a paragraph of 120 words drawn (Zipf-like, with a
fixed seed) from a vocabulary of 20,000 made-up words, so that a search index meets
words as rare and as common as in real text (scripts/bench --search); without it every
body is the same text, as the build benchmarks were recorded with.
"""

import pathlib
import random
import sys

count, content_dir = int(sys.argv[1]), pathlib.Path(sys.argv[2])
varied = "--varied" in sys.argv[3:]
randomness = random.Random(2026)
SYLLABLES = ["ka", "lo", "mi", "ten", "ra", "vus", "or", "pel", "si", "dan", "qu", "zor", "ne", "bil", "tu", "gar"]
VOCABULARY = sorted({"".join(randomness.choice(SYLLABLES) for _ in range(3 + i % 3)) for i in range(26000)})[:20000]
randomness.shuffle(VOCABULARY)
WEIGHTS = [1 / (rank + 1) for rank in range(len(VOCABULARY))]
releases = content_dir / "releases"
releases.mkdir(parents=True, exist_ok=True)
(content_dir / "site.toml").write_text(
    'name = "Benchmark newsroom"\norigin = "https://bench.example.org"\ntagline = "Synthetic"\n'
    'language = "en"\nabout = "Synthetic content for the benchmark."\n[contact]\nname = "Press"\n'
)
TAGS = ["United Nations", "Forced labour", "Supply chains", "Advocacy", "Testimony", "Events"]
PARAGRAPH = (
    "The campaign published its findings today, drawing on interviews, public records and "
    "satellite imagery. It asks governments to act on the recommendations of the report, and "
    "companies to show that their supply chains are free of forced labour. "
)
for n in range(count):
    year, month, day = 2010 + n % 16, 1 + n % 12, 1 + n % 28
    body = "\n\n".join(
        [PARAGRAPH * 2, "## Background", PARAGRAPH * 3, "> A sample quotation.\n>\n> — A spokesperson (sample)",
         "1. The first request.\n2. The second request.\n3. The third request.", PARAGRAPH,
         "See [the report](https://example.org/report) for details."]
        + ([" ".join(randomness.choices(VOCABULARY, WEIGHTS, k=120)) + "."] if varied else [])
    )
    (releases / f"release-{n:05d}.md").write_text(
        f'+++\ntitle = "Synthetic release number {n}"\ndate = {year}-{month:02d}-{day:02d}T09:00:00Z\n'
        f'dateline = "Geneva"\nsummary = "A synthetic summary of release {n}, two sentences long. It says why it matters."\n'
        f'tags = ["{TAGS[n % len(TAGS)]}", "{TAGS[(n + 1) % len(TAGS)]}"]\n+++\n\n{body}\n'
    )
