use std::rc::Rc;

use leptos::prelude::*;
use newsroom_model::{text_direction, Release, ReleaseLink, Route, Site};

use crate::api::Loaded;
use crate::components::{Blocks, ContactDetails, PublishedDate};
use crate::navigation::href;

pub fn page(slug: String) -> impl IntoView {
    let data_path = Route::Release { slug }.data_path().unwrap_or_default();
    super::data_page::<Release>(data_path, |release| release.listing.title.clone(), |release| view! { <ReleasePage release /> }.into_any())
}

/// Accessibility: the title is the page's only h1 and takes focus after navigation; the
/// article carries the release's language and direction; contact and about-us are
/// labelled sections; older/newer releases are a labelled navigation.
#[component]
fn ReleasePage(release: Rc<Release>) -> impl IntoView {
    let site = expect_context::<Loaded<Site>>();
    let listing = release.listing.clone();
    let day = listing.published_day().to_string();
    let direction = text_direction(&listing.language).as_html();
    let release_contact = release.contact.clone();
    let contact = move || release_contact.clone().or_else(|| site.ready().map(|site| site.contact.clone()));
    view! {
        <article class="release" lang=listing.language.clone() dir=direction>
            <header class="release__header">
                <p class="release__kind">"Press release"</p>
                <h1 tabindex="-1">{listing.title}</h1>
                <p class="release__meta">
                    <span class="release__dateline">{listing.dateline}</span>
                    " — "
                    <PublishedDate published=listing.published day=day language=listing.language.clone() />
                </p>
                <p class="release__summary">{listing.summary}</p>
            </header>
            <div class="release__body">
                <Blocks blocks=release.body.clone() />
                <p class="release__end" aria-hidden="true">"###"</p>
            </div>
            {(!listing.tags.is_empty()).then(|| view! {
                <section class="release__tags" aria-labelledby="tags-heading">
                    <h2 id="tags-heading">"Topics"</h2>
                    <ul>
                        {listing.tags.into_iter().map(|tag| view! {
                            <li><a href=href(&Route::Tag { slug: tag.slug, page: 1 })>{tag.name}</a></li>
                        }).collect_view()}
                    </ul>
                </section>
            })}
            <section class="release__contact" aria-labelledby="contact-heading">
                <h2 id="contact-heading">"Media contact"</h2>
                {move || contact().map(|contact| view! { <ContactDetails contact /> })}
            </section>
            {move || site.ready().map(|site| view! {
                <section class="release__about" aria-labelledby="about-heading">
                    <h2 id="about-heading">{format!("About {}", site.name)}</h2>
                    <Blocks blocks=site.about.clone() />
                </section>
            })}
        </article>
        <nav class="release-neighbours" aria-label="More releases">
            {neighbour(release.next.clone(), "Newer release")}
            {neighbour(release.previous.clone(), "Older release")}
        </nav>
    }
}

fn neighbour(link: Option<ReleaseLink>, label: &'static str) -> impl IntoView {
    link.map(|link| {
        view! {
            <a class="release-neighbours__link" href=href(&Route::Release { slug: link.slug })>
                <span class="release-neighbours__label">{label}</span>
                <span class="release-neighbours__title">{link.title}</span>
            </a>
        }
    })
}
