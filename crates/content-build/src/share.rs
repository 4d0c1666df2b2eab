//! The words of a release's share panel (`web/share.js`, which has no copy of its own),
//! from the app's i18n: `share/text.json`, one entry per language the interface speaks,
//! since each release's panel speaks the release's language. 2.2 KB, 0.8 KB brotli,
//! fetched once, the first time a reader opens a share panel.

use newsroom::prerender::{share_text, LANGUAGES};
use serde_json::{json, Map};

use crate::site_file::SiteFile;

pub fn text() -> SiteFile {
    let languages: Map<_, _> = LANGUAGES
        .iter()
        .map(|language| {
            let text = share_text(language);
            let words = json!({
                "email": text.email,
                "new_tab": text.new_tab,
                "link_label": text.link_label,
                "copy": text.copy,
                "copied": text.copied,
                "copy_failed": text.copy_failed,
                "device": text.device,
                "device_failed": text.device_failed,
                "mastodon_label": text.mastodon_label,
                "mastodon_hint": text.mastodon_hint,
                "mastodon_share": text.mastodon_share,
                "mastodon_invalid": text.mastodon_invalid,
            });
            (language.to_string(), words)
        })
        .collect();
    SiteFile::new("share/text.json", serde_json::Value::Object(languages).to_string().into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_of_the_interface_has_every_word_of_the_panel() {
        let file = text();
        let json: serde_json::Value = serde_json::from_slice(&file.contents).unwrap();
        for language in LANGUAGES {
            let words = json[language].as_object().unwrap_or_else(|| panic!("no {language} in {json}"));
            assert_eq!(words.len(), 12, "{language}");
            assert!(words.values().all(|word| word.as_str().is_some_and(|word| !word.is_empty())), "{language}");
        }
        assert_eq!(json["ug"]["copy"], "ئۇلانمىنى كۆچۈرۈش");
        assert_eq!(json["tr"]["email"], "E-posta");
    }
}
