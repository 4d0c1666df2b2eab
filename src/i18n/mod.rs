//! The interface's own words, one file per language. A page speaks the language of
//! what it shows: a release its own language, lists the site's. Languages without a
//! file here get English.

mod en;
mod tr;
mod ug;

use leptos::prelude::*;
use newsroom_model::is_language;

use crate::navigation::use_navigation;

/// Every piece of interface text. `{name}` holes are filled by `fill`.
pub struct Ui {
    pub skip_link: &'static str,
    pub site_navigation: &'static str,
    pub latest: &'static str,
    pub archive: &'static str,
    pub back_to_top: &'static str,
    pub loading: &'static str,
    pub failed_heading: &'static str,
    pub network_failure: &'static str,
    /// `{status}`: the HTTP status.
    pub server_failure: &'static str,
    pub damaged_data: &'static str,
    pub missing_data: &'static str,
    pub retry: &'static str,
    pub back_to_latest: &'static str,
    pub not_found_heading: &'static str,
    pub not_found_text: &'static str,
    pub latest_releases: &'static str,
    pub all_releases: &'static str,
    /// `{tag}`.
    pub tagged: &'static str,
    /// `{year}`.
    pub from_year: &'static str,
    /// `{name}`, `{page}`, `{pages}`: a list's heading on one of several pages.
    pub page_of: &'static str,
    /// `{count}`.
    pub count_newest_first: &'static str,
    pub pages_navigation: &'static str,
    pub newer_releases: &'static str,
    pub older_releases: &'static str,
    pub releases_by_year: &'static str,
    pub press_release: &'static str,
    pub other_languages: &'static str,
    pub topics: &'static str,
    pub media_contact: &'static str,
    /// `{name}`: the organization.
    pub about: &'static str,
    pub more_releases: &'static str,
    pub related_releases: &'static str,
    /// A list's link to its Atom feed.
    pub list_feed: &'static str,
    /// The link that downloads a media contact's vCard.
    pub contact_card: &'static str,
    /// The footer's link to the donation page.
    pub donate: &'static str,
    pub newer_release: &'static str,
    pub older_release: &'static str,
    pub unpublished: &'static str,
    pub press_enquiries: &'static str,
    pub close_appeal: &'static str,
    pub already_gave: &'static str,
    pub appeal_closed: &'static str,
    /// The header's search button and the search page's heading.
    pub search: &'static str,
    /// The label of the header's search box.
    pub search_label: &'static str,
    /// The summary of a release's share disclosure.
    pub share: &'static str,
    /// `{details}` (`JPEG, 2.5 MB`): the link to an image's original file.
    pub download_original: &'static str,
}

/// What the search page says outside the app: the pre-rendered page's words for readers
/// without JavaScript, and what its script (`web/search.js`) says, which the content
/// build writes to `search/text.json`. The browser build does not carry them.
#[cfg(feature = "ssr")]
pub struct SearchText {
    /// The search page without JavaScript: only pre-rendered pages show it.
    pub needs_script: &'static str,
    pub searching: &'static str,
    /// `{query}`: what the reader searched for.
    pub one_result: &'static str,
    /// `{count}`, `{query}`.
    pub results: &'static str,
    /// `{query}`.
    pub no_results: &'static str,
    pub more_results: &'static str,
    pub search_failed: &'static str,
}

/// What a release's share panel says outside the app: the pre-rendered panel's words
/// for readers without JavaScript, and what its script (`web/share.js`) says, which the
/// content build writes to `share/text.json`. The browser build does not carry them.
#[cfg(feature = "ssr")]
pub struct ShareText {
    /// The panel without JavaScript: only pre-rendered pages show it.
    pub needs_script: &'static str,
    /// The `mailto:` link's name; the networks' names are their own.
    pub email: &'static str,
    /// After the name of a link that opens a new tab.
    pub new_tab: &'static str,
    /// The label of the field that shows the release's address.
    pub link_label: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    /// The button that opens the device's share menu (Web Share API).
    pub device: &'static str,
    pub device_failed: &'static str,
    pub mastodon_label: &'static str,
    pub mastodon_hint: &'static str,
    pub mastodon_share: &'static str,
    pub mastodon_invalid: &'static str,
}

/// The media page's words (`components::media_library`): a page of the pre-rendered
/// site that the app does not route, so the browser build does not carry them.
#[cfg(feature = "ssr")]
pub struct MediaText {
    pub title: &'static str,
    pub intro: &'static str,
    /// When no published release has an image of this site.
    pub empty: &'static str,
}

/// The media page's words for a language, as `ui` picks the interface's.
#[cfg(feature = "ssr")]
pub fn media_text(language: &str) -> &'static MediaText {
    in_language(language, [&en::MEDIA, &tr::MEDIA, &ug::MEDIA])
}

/// The languages the interface speaks, as `in_language` tells them apart.
#[cfg(feature = "ssr")]
pub const LANGUAGES: [&str; 3] = ["en", "tr", "ug"];

/// The share panel's words outside the app for a language, as `ui` picks the interface's.
#[cfg(feature = "ssr")]
pub fn share_text(language: &str) -> &'static ShareText {
    in_language(language, [&en::SHARE, &tr::SHARE, &ug::SHARE])
}

/// The search page's words outside the app for a language, as `ui` picks the interface's.
#[cfg(feature = "ssr")]
pub fn search_text(language: &str) -> &'static SearchText {
    in_language(language, [&en::SEARCH, &tr::SEARCH, &ug::SEARCH])
}

/// The one of `[english, turkish, uyghur]` for a BCP 47 language tag, in any case (`ug`,
/// `UG`, `ug-CN`); English for languages without a file here.
fn in_language<T>(language: &str, [english, turkish, uyghur]: [&'static T; 3]) -> &'static T {
    if is_language(language, "ug") {
        uyghur
    } else if is_language(language, "tr") {
        turkish
    } else {
        english
    }
}

/// A file's format and size as a reader reads them in `language`: `PNG, 7 KB`,
/// `JPEG, 2,5 MB` in Turkish. Decimal units, as file managers show them; never `0 KB`.
/// `extension` is one the content build accepts for images.
#[cfg(feature = "ssr")]
pub fn file_details(extension: &str, bytes: u32, language: &str) -> String {
    let format = match extension.to_ascii_lowercase().as_str() {
        "jpg" | "jpeg" => "JPEG".to_string(),
        "webp" => "WebP".to_string(),
        other => other.to_ascii_uppercase(),
    };
    format!("{format}, {}", file_size(bytes, language))
}

#[cfg(feature = "ssr")]
fn file_size(bytes: u32, language: &str) -> String {
    if bytes < 1_000_000 {
        return format!("{} KB", bytes.div_ceil(1_000).max(1));
    }
    let tenths = bytes.div_ceil(100_000);
    let decimal_separator = *in_language(language, [&".", &",", &"."]);
    format!("{}{decimal_separator}{} MB", tenths / 10, tenths % 10)
}

/// The interface text for a language tag.
pub fn ui(language: &str) -> &'static Ui {
    in_language(language, [&en::UI, &tr::UI, &ug::UI])
}

/// The interface text of the page being shown.
pub fn use_ui() -> &'static Ui {
    ui(&use_navigation().language.get_untracked())
}

/// Fills `{name}` holes in a text, as the model's dates do.
pub use newsroom_model::fill;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_interface_speaks_the_language_of_a_tag_in_any_case_and_with_a_region() {
        for tag in ["ug", "UG", "ug-CN", "Ug_cn"] {
            assert_eq!(ui(tag).back_to_top, ug::UI.back_to_top, "{tag}");
        }
        assert_eq!(ui("TR").back_to_top, tr::UI.back_to_top);
        assert_eq!(ui("fr").back_to_top, en::UI.back_to_top);
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn a_file_is_described_by_its_format_and_size_in_the_readers_decimal_notation() {
        assert_eq!(file_details("png", 7_287, "en"), "PNG, 8 KB");
        assert_eq!(file_details("JPG", 12, "en"), "JPEG, 1 KB");
        assert_eq!(file_details("webp", 0, "ug"), "WebP, 1 KB");
        assert_eq!(file_details("jpeg", 2_516_582, "en"), "JPEG, 2.6 MB");
        assert_eq!(file_details("jpeg", 2_516_582, "tr-TR"), "JPEG, 2,6 MB");
        assert_eq!(file_details("png", 25 << 20, "en"), "PNG, 26.3 MB");
    }
}
