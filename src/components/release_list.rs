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

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::components::examples::{english_release, index_page, render};
    use crate::components::markup::Markup;

    fn list(releases: Vec<ReleaseSummary>) -> Markup {
        Markup::of(&render(Route::Home, "en", move || view! { <ReleaseList releases /> }))
    }

    #[test]
    fn each_release_is_an_article_in_an_item_of_an_ordered_list() {
        let page = list(index_page(1, 2).releases);
        assert_eq!(page.only("list").tag, "ol");
        let items = page.all("listitem");
        assert_eq!(items.len(), 2);
        for item in items {
            assert_eq!(page.within(item).all("article").len(), 1, "{}", page.html());
        }
    }

    #[test]
    fn each_title_is_a_link_to_its_release_inside_an_h2() {
        let page = list(index_page(1, 2).releases);
        let heading = page.one("heading", "No one should be forced back to danger");
        assert_eq!(heading.tag, "h2");
        let in_heading = page.within(heading);
        let link = in_heading.one("link", "No one should be forced back to danger");
        assert_eq!(link.attribute("href"), Some("/newsroom/releases/statement-on-forced-returns/"));
        page.within(page.one("heading", "ھېچكىم خەتەرگە زورلاپ قايتۇرۇلماسلىقى كېرەك"))
            .one("link", "ھېچكىم خەتەرگە زورلاپ قايتۇرۇلماسلىقى كېرەك");
    }

    #[test]
    fn each_article_carries_the_language_and_direction_of_its_release() {
        let page = list(index_page(1, 2).releases);
        let articles: Vec<(Option<&str>, Option<&str>)> =
            page.all("article").iter().map(|article| (article.attribute("lang"), article.attribute("dir"))).collect();
        assert_eq!(articles, [(Some("en"), Some("ltr")), (Some("ug"), Some("rtl"))]);
    }

    #[test]
    fn an_unpublished_release_says_so_in_words_before_its_title() {
        let mut release = english_release().listing;
        release.unpublished = true;
        let page = list(vec![release]);
        let mark = page.all("paragraph").into_iter().find(|paragraph| paragraph.text.starts_with("Preview:"));
        let mark = mark.unwrap_or_else(|| panic!("no mark in {}", page.html()));
        assert!(mark.precedes(page.only("heading")));
        assert!(!list(index_page(1, 2).releases).html().contains("Preview:"));
    }
}
