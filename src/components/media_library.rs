//! The media library, `media-library.html`: every image of the published releases, newest release
//! first, each with its caption, credit and licence and a link to its original, under
//! the release it comes from. Journalists look for one place to take pictures from.
//!
//! A page of the pre-rendered site only, which the app does not route: drawn in the
//! browser it would cost the first load of every page about 2 KB brotli of WASM, which
//! the 100 KB budget does not have, for a page a few readers open. It is plain HTML with
//! no script at all (the content build writes it without the app's), and its address
//! names a file, which the app leaves to the browser to load (`navigation::link_in_app`). Its
//! words are `i18n::MediaText`, in the site's language.
//!
//! Accessibility: one `h1`; each release is a region named by its `h2`, which links to
//! the release, in the release's own language and direction; each image is the same
//! figure as on the release's page (alt text, caption, credit, download link).

use leptos::prelude::*;
use newsroom_model::{text_direction, Image, ReleaseSummary, Route};

use crate::components::{Figure, PublishedDate};
use crate::i18n::media_text;
use crate::navigation::href;

/// One release's images.
pub struct MediaEntry {
    pub listing: ReleaseSummary,
    pub images: Vec<Image>,
}

#[component]
pub fn MediaLibrary(entries: Vec<MediaEntry>, language: String) -> impl IntoView {
    let text = media_text(&language);
    let empty = entries.is_empty().then(|| view! { <p>{text.empty}</p> });
    let releases = entries.into_iter().map(|MediaEntry { listing, images }| {
        let id = format!("media-{}", listing.slug);
        let labelled_by = id.clone();
        let day = listing.published_day().to_string();
        let direction = text_direction(&listing.language).as_html();
        let language = listing.language;
        let date = view! { <PublishedDate published=listing.published day language=language.clone() /> };
        let release = href(&Route::Release { slug: listing.slug });
        view! {
            <section class="media-library__release" aria-labelledby=labelled_by lang=language dir=direction>
                <h2 id=id>
                    <a href=release>{listing.title}</a>
                </h2>
                <p class="media-library__date">{date}</p>
                {images.into_iter().map(|image| view! { <Figure image /> }).collect_view()}
            </section>
        }
    });
    view! {
        <h1 class="media-library__title">{text.title}</h1>
        <p>{text.intro}</p>
        {empty}
        {releases.collect_view()}
    }
}

#[cfg(test)]
mod tests {
    use newsroom_model::{Block, Route};

    use super::*;
    use crate::components::examples::{english_release, render, uyghur_release};
    use crate::components::markup::Markup;

    fn entry(release: newsroom_model::Release) -> MediaEntry {
        let images = release
            .image
            .clone()
            .into_iter()
            .chain(release.body.iter().filter_map(|block| match block {
                Block::Image(image) => Some(image.clone()),
                _ => None,
            }))
            .collect();
        MediaEntry { listing: release.listing, images }
    }

    #[test]
    fn each_release_is_a_region_named_by_its_linked_heading_in_its_own_language() {
        let entries = vec![entry(english_release()), entry(uyghur_release())];
        let page = Markup::of(&render(Route::NotFound, "en", move || {
            view! { <MediaLibrary entries language="en".to_string() /> }
        }));
        page.one("heading", "Media library");
        let english = english_release().listing;
        let region = page.one("region", &english.title);
        assert_eq!(region.attribute("lang"), Some("en"));
        let inside = page.within(region);
        let heading = inside.one("link", &english.title);
        assert_eq!(heading.attribute("href"), Some(format!("/newsroom/releases/{}/", english.slug).as_str()));
        let uyghur = uyghur_release().listing;
        let region = page.one("region", &uyghur.title);
        assert_eq!((region.attribute("lang"), region.attribute("dir")), (Some("ug"), Some("rtl")));
        let download = page.one("link", "Download the original (JPEG, 2.6 MB)");
        assert_eq!(download.attribute("href"), Some("media/vigil.jpg"));
        assert!(page.html().contains("Photo: Sample Rights Campaign · CC BY 4.0"), "{}", page.html());
    }

    #[test]
    fn without_images_the_page_says_so() {
        let page = Markup::of(&render(Route::NotFound, "tr", || {
            view! { <MediaLibrary entries=Vec::new() language="tr".to_string() /> }
        }));
        page.one("heading", "Medya arşivi");
        assert!(page.html().contains("Henüz görseli olan bir açıklama yok."), "{}", page.html());
    }
}
