use std::sync::Arc;

use leptos::prelude::*;
use newsroom_model::{language_name, text_direction, Release, ReleaseLink, Route, Translation};

use crate::components::{Blocks, ContactDetails, Figure, PublishedDate, ReleaseList, Share, UnpublishedMark};
use crate::i18n::{fill, use_ui};
use crate::navigation::href;
use crate::site_data::use_site;

pub fn page(slug: String) -> impl IntoView {
    let data_path = Route::Release { slug }.data_path().unwrap_or_default();
    let describe = |release: &Release| (release.listing.title.clone(), release.listing.language.clone());
    super::data_page::<Release>(data_path, describe, |release| view! { <ReleasePage release /> }.into_any())
}

/// Accessibility: the title is the page's only h1 and takes focus after navigation; the
/// article carries the release's language and direction; contact and about-us are
/// labelled sections; related releases (a list under its own h2) and older/newer
/// releases are labelled navigations.
#[component]
fn ReleasePage(release: Arc<Release>) -> impl IntoView {
    let site = use_site();
    let ui = use_ui();
    let listing = release.listing.clone();
    let day = listing.published_day().to_string();
    let direction = text_direction(&listing.language).as_html();
    let contact = release.contact.clone().unwrap_or_else(|| site.contact.clone());
    view! {
        <article class="release" lang=listing.language.clone() dir=direction>
            <header>
                {listing.unpublished.then(|| view! { <UnpublishedMark /> })}
                <p class="release__kind">{ui.press_release}</p>
                <h1 tabindex="-1">{listing.title}</h1>
                <p class="release__meta">
                    <span class="release__dateline">{listing.dateline}</span>
                    " — "
                    <PublishedDate published=listing.published day=day language=listing.language.clone() />
                </p>
                <p class="release__summary">{listing.summary}</p>
                <Translations translations=release.translations.clone() />
                <Share />
            </header>
            {release.image.clone().map(|image| view! { <Figure image lead=true /> })}
            <div class="release__body">
                <Blocks blocks=release.body.clone() />
                <p class="release__end" aria-hidden="true">"###"</p>
            </div>
            {(!listing.tags.is_empty()).then(|| view! {
                <section class="release__tags" aria-labelledby="tags-heading">
                    <h2 id="tags-heading">{ui.topics}</h2>
                    <ul>
                        {listing.tags.into_iter().map(|tag| view! {
                            <li><a href=href(&Route::Tag { slug: tag.slug, page: 1 })>{tag.name}</a></li>
                        }).collect_view()}
                    </ul>
                </section>
            })}
            <section class="release__contact" aria-labelledby="contact-heading">
                <h2 id="contact-heading">{ui.media_contact}</h2>
                <ContactDetails contact />
            </section>
            <section class="release__about" aria-labelledby="about-heading">
                <h2 id="about-heading">{fill(ui.about, &[("name", &site.name)])}</h2>
                <Blocks blocks=site.about.clone() />
            </section>
        </article>
        {(!release.related.is_empty()).then(|| view! {
            <section class="release__related" aria-labelledby="related-heading">
                <h2 id="related-heading">{ui.related_releases}</h2>
                <ReleaseList releases=release.related.clone() />
            </section>
        })}
        <nav class="release__neighbours" aria-label=ui.more_releases>
            {neighbour(release.next.clone(), ui.newer_release)}
            {neighbour(release.previous.clone(), ui.older_release)}
        </nav>
    }
}

/// Accessibility: each link is labelled in its own language (`lang`, `hreflang`), so a
/// reader of that language recognises it and a screen reader pronounces it.
#[component]
fn Translations(translations: Vec<Translation>) -> impl IntoView {
    (!translations.is_empty()).then(|| view! {
        <nav class="release__translations" aria-label=use_ui().other_languages>
            <ul>
                {translations.into_iter().map(|version| view! {
                    <li>
                        <a href=href(&Route::Release { slug: version.slug }) hreflang=version.language.clone() lang=version.language.clone()>
                            {language_name(&version.language)}
                        </a>
                    </li>
                }).collect_view()}
            </ul>
        </nav>
    })
}

fn neighbour(link: Option<ReleaseLink>, label: &'static str) -> impl IntoView {
    link.map(|link| {
        view! {
            <a class="release__neighbour" href=href(&Route::Release { slug: link.slug })>
                <span class="release__neighbour-label">{label}</span>
                <span class="release__neighbour-title">{link.title}</span>
            </a>
        }
    })
}
