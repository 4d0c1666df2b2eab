//! Shown only in an author's local preview (`NEWSROOM_DRAFTS=1`): published builds
//! contain no draft or embargoed release at all. Text, not colour alone.

use leptos::prelude::*;

use crate::i18n::use_ui;

#[component]
pub fn UnpublishedMark() -> impl IntoView {
    view! { <p class="unpublished-mark">{use_ui().unpublished}</p> }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use newsroom_model::Route;

    use super::*;
    use crate::components::examples::render;
    use crate::components::markup::Markup;

    fn mark(language: &str) -> String {
        let page = Markup::of(&render(Route::Home, language, || view! { <UnpublishedMark /> }));
        page.only("paragraph").text.clone()
    }

    #[test]
    fn the_mark_says_in_words_in_the_page_language_that_the_release_is_not_published() {
        assert_eq!(mark("en"), "Preview: draft or embargoed, not published");
        assert_eq!(mark("ug"), "ئالدىن كۆرۈش: لايىھە ياكى چەكلەنگەن، ئېلان قىلىنمىغان");
    }
}
