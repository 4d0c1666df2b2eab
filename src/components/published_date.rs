//! Accessibility: a `<time>` whose `datetime` machines read and whose text people read,
//! written out in the release's language ("November 20, 2026", not "11/20/26").

use leptos::prelude::*;
use newsroom_model::long_date;

#[component]
pub fn PublishedDate(published: String, day: String, language: String) -> impl IntoView {
    view! { <time datetime=published>{long_date(&day, &language)}</time> }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use newsroom_model::{Release, Route};

    use super::*;
    use crate::components::examples::{english_release, render, uyghur_release};
    use crate::components::markup::Markup;

    /// The date of `release`, on a page in the site's language.
    fn date(release: Release) -> Markup {
        let listing = release.listing;
        let day = listing.published_day().to_string();
        Markup::of(&render(Route::Home, "en", move || {
            view! { <PublishedDate published=listing.published day language=listing.language /> }
        }))
    }

    #[test]
    fn the_date_is_a_time_machines_read_with_its_day_written_out_in_the_release_language() {
        let english = date(english_release());
        let time = english.only("time");
        assert_eq!(time.attribute("datetime"), Some("2026-11-20T10:00:00-05:00"));
        assert_eq!(time.text, "November 20, 2026");

        let uyghur = date(uyghur_release());
        let time = uyghur.only("time");
        assert_eq!(time.attribute("datetime"), Some("2026-11-20T22:00:00+08:00"));
        assert_eq!(time.text, "20-نويابىر، 2026");
    }
}
