//! What the search page needs besides its page: the words of its script in the site's
//! language (`search/text.json`, from the app's i18n), and what the search index is
//! made from: one record per published release, written to `search/records.json`.
//! `scripts/post-build` hands the records to Pagefind's indexing API
//! (`scripts/lib/search_index.mjs`), which writes `pagefind/` and removes them.
//! Records rather than Pagefind reading the pages: the pages would need Pagefind's
//! attributes for the date and language, drawn by the app's components into every
//! page, in the first load's WASM; and the text is indexed normalized, as
//! `web/search.js` normalizes the query:
//! - NFKC, so the Arabic presentation forms that old documents paste (U+FB50 to
//!   U+FEFC, one code point per letter shape) match the letters a reader types;
//! - without invisible format characters (`characters::is_invisible_format`: joiners,
//!   soft hyphen, direction marks), so a joiner inside a Uyghur word neither splits it nor
//!   hides it from a query typed without one.
//!
//! At 10,000 releases Pagefind takes 14.5 s to index them, more than the rest of the
//! build (docs/benchmarks.md).

use icu_normalizer::ComposingNormalizerBorrowed;
use newsroom_model::{long_date, text_direction, Block, Release, Route};
use serde_json::json;

use crate::built_site::BuiltSite;
use crate::characters::is_invisible_format;
use crate::markdown::plain_text;
use crate::site_file::SiteFile;

const RECORDS: &str = "search/records.json";

pub fn files(built: &BuiltSite) -> [SiteFile; 2] {
    [records(built), text(&built.site.language)]
}

/// The words of `web/search.js`, which has no copy of its own.
fn text(language: &str) -> SiteFile {
    let text = newsroom::prerender::search_text(language);
    let json = json!({
        "searching": text.searching,
        "one_result": text.one_result,
        "results": text.results,
        "no_results": text.no_results,
        "more_results": text.more_results,
        "search_failed": text.search_failed,
    });
    SiteFile::new("search/text.json", json.to_string().into_bytes())
}

fn records(built: &BuiltSite) -> SiteFile {
    let records: Vec<_> = built
        .releases
        .iter()
        .map(|page| page.release)
        .filter(|release| !release.listing.unpublished)
        .map(record)
        .collect();
    SiteFile::new(RECORDS, serde_json::to_vec(&records).expect("JSON of strings always serializes"))
}

fn record(release: &Release) -> serde_json::Value {
    let listing = &release.listing;
    let mut text = [listing.title.as_str(), &listing.dateline, &listing.summary].join("\n");
    for block in &release.body {
        push_block_text(&mut text, block);
    }
    json!({
        "path": Route::Release { slug: listing.slug.clone() }.path(),
        "title": listing.title,
        "date": long_date(listing.published_day(), &listing.language),
        "language": listing.language,
        "direction": text_direction(&listing.language).as_html(),
        "content": searchable(&text),
    })
}

fn push_block_text(text: &mut String, block: &Block) {
    text.push('\n');
    match block {
        Block::Paragraph(inlines) | Block::Heading { content: inlines, .. } => text.push_str(&plain_text(inlines)),
        Block::Quote { content, attribution } => {
            for inner in content {
                push_block_text(text, inner);
            }
            if let Some(attribution) = attribution {
                text.push('\n');
                text.push_str(attribution);
            }
        }
        Block::List { items, .. } => {
            for item in items {
                text.push('\n');
                text.push_str(&plain_text(item));
            }
        }
        Block::Image(image) => {
            text.push_str(&image.alt);
            if let Some(caption) = &image.caption {
                text.push('\n');
                text.push_str(caption);
            }
        }
    }
}

pub fn searchable(text: &str) -> String {
    ComposingNormalizerBorrowed::new_nfkc().normalize(text).chars().filter(|c| !is_invisible_format(*c)).collect()
}

#[cfg(test)]
mod tests {
    use super::searchable;

    #[test]
    fn presentation_forms_and_joiners_become_the_letters_a_reader_types() {
        // "ئۇيغۇر" written with Arabic presentation forms, and with a zero-width non-joiner.
        assert_eq!(searchable("\u{fe8b}\u{fbd8}\u{fef3}\u{fed0}\u{fbd8}\u{feae}"), "ئۇيغۇر");
        assert_eq!(searchable("ئۇيغ\u{200c}ۇر"), "ئۇيغۇر");
        assert_eq!(searchable("\u{2067}ئۇيغۇر\u{2069}"), "ئۇيغۇر");
        assert_eq!(searchable("hu\u{ad}man\u{200b} rights\u{200f}"), "human rights");
        assert_eq!(searchable("İstanbul ﬁle"), "İstanbul file");
    }
}
