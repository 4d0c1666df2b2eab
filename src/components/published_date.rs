//! Accessibility: a `<time>` whose `datetime` machines read and whose text people read,
//! written out in the release's language ("November 20, 2026", not "11/20/26").

use leptos::prelude::*;
use newsroom_model::long_date;

#[component]
pub fn PublishedDate(published: String, day: String, language: String) -> impl IntoView {
    view! { <time datetime=published>{long_date(&day, &language)}</time> }
}
