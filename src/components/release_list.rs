//! Accessibility: a list of articles, each with its title as a link inside an h2, so a
//! screen reader can move by heading or by list item.

use leptos::prelude::*;
use newsroom_model::{text_direction, ReleaseSummary, Route};

use crate::components::{PublishedDate, UnpublishedMark};
use crate::navigation::href;

#[component]
pub fn ReleaseList(releases: Vec<ReleaseSummary>) -> impl IntoView {
    view! {
        <ol class="release-list">
            {releases.into_iter().map(|release| {
                let link = href(&Route::Release { slug: release.slug.clone() });
                let day = release.published_day().to_string();
                let direction = text_direction(&release.language).as_html();
                view! {
                    <li class="release-list__item">
                        <article lang=release.language.clone() dir=direction>
                            {release.unpublished.then(|| view! { <UnpublishedMark /> })}
                            <h2 class="release-list__title"><a href=link>{release.title}</a></h2>
                            <p class="release-list__meta">
                                <PublishedDate published=release.published day=day language=release.language.clone() />
                                " · " {release.dateline}
                            </p>
                            <p>{release.summary}</p>
                        </article>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}
