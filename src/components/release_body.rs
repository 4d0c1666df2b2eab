//! Accessibility: the body's own structure, in HTML's terms: headings start at h2 under
//! the page's h1, quotes are `<blockquote>` inside `<figure>` with the speaker in
//! `<figcaption>`, images always carry their alt text. Text is only ever text: nothing
//! here sets inner HTML. Links and images are made only for the addresses `addresses`
//! allows; otherwise a link is an `<a>` without `href` (HTML's placeholder for a link:
//! its text, not focusable, no link role) and an image its alt text, never a request.

use std::sync::Arc;

use leptos::either::Either;
use leptos::prelude::*;
use newsroom_model::{Block, Image, Inline, Original, Site};

use crate::addresses::{is_allowed_image, is_allowed_link};
use crate::i18n::{fill, use_ui};

#[component]
pub fn Blocks(blocks: Vec<Block>) -> impl IntoView {
    blocks.into_iter().map(block).collect_view()
}

#[component]
pub fn Inlines(inlines: Vec<Inline>) -> impl IntoView {
    inlines.into_iter().map(inline).collect_view()
}

fn block(block: Block) -> AnyView {
    match block {
        Block::Paragraph(content) => view! { <p><Inlines inlines=content /></p> }.into_any(),
        Block::Heading { level, content } => match level {
            2 => view! { <h2><Inlines inlines=content /></h2> }.into_any(),
            3 => view! { <h3><Inlines inlines=content /></h3> }.into_any(),
            _ => view! { <h4><Inlines inlines=content /></h4> }.into_any(),
        },
        Block::Quote { content, attribution } => view! {
            <figure class="release-body__quote">
                <blockquote><Blocks blocks=content /></blockquote>
                {attribution.map(|name| view! { <figcaption>"— " {name}</figcaption> })}
            </figure>
        }
        .into_any(),
        Block::List { ordered: true, items } => view! { <ol>{list_items(items)}</ol> }.into_any(),
        Block::List { ordered: false, items } => view! { <ul>{list_items(items)}</ul> }.into_any(),
        Block::Image(image) => view! { <Figure image /> }.into_any(),
    }
}

/// An image with its caption, credit and licence, and a link to download its original;
/// its alt text is required by the content build. Feeds are rendered without a site
/// (see `addresses`).
///
/// The copies the content build made are offered as a `<picture>`: a `<source>` per
/// lighter format, each with every width, and `sizes` saying how wide the image is
/// drawn, so the browser fetches one file, the narrowest that fills its pixels. Copies
/// are offered only for a `src` in `images/` of this site, and named as it is, so no
/// address in the JSON can send the browser elsewhere. `width` and `height` reserve the
/// space before anything loads. A `lead` image (the one above a release's body) is the
/// largest thing on the page when it opens: it loads at once and first, where the
/// others load as the reader nears them.
#[component]
pub fn Figure(image: Image, #[prop(optional)] lead: bool) -> impl IntoView {
    let Image { src, alt, caption, size, credit, widths, mut formats, original } = image;
    let site = use_context::<Arc<Site>>();
    let allowed = |src: &str| is_allowed_image(src, site.as_deref());
    let picture = if allowed(&src) {
        let copies = src.strip_prefix(COPIES).and_then(|name| Some(name.rsplit_once('-')?.0)).map(|name| {
            let srcset = move |extension: &str| {
                let files = widths.iter().map(|width| format!("{COPIES}{name}-{width}.{extension} {width}w"));
                files.collect::<Vec<_>>().join(", ")
            };
            let fallback = formats.pop().map(|extension| srcset(&extension));
            // One lighter format at most (`pictures` in the content build): an option
            // is less code in the WASM than a list.
            let lighter = formats.first().map(|extension| {
                view! { <source type=format!("image/{extension}") srcset=srcset(extension) sizes=IMAGE_SIZES /> }
            });
            (fallback, lighter)
        });
        let (srcset, sources) = copies.unzip();
        let srcset = srcset.flatten();
        let sizes = srcset.is_some().then_some(IMAGE_SIZES);
        Either::Left(view! {
            <picture>
                {sources}
                // `sizes`, then `srcset`, then `src`: WebKit chooses a file each time
                // one is set, and starts fetching it. In this order it never starts on
                // a wider copy than the one it keeps.
                <img
                    sizes=sizes
                    srcset=srcset
                    alt=alt
                    loading=(!lead).then_some("lazy")
                    width=size.map(|(width, _)| width)
                    height=size.map(|(_, height)| height)
                    src=src
                />
            </picture>
        })
    } else {
        Either::Right(alt)
    };
    let ui = use_ui();
    let download = original.filter(|original| allowed(&original.href)).map(|Original { href, details }| {
        let label = fill(ui.download_original, &[("details", &details)]);
        view! { <a class="release-body__download" href=href download>{label}</a> }
    });
    view! {
        <figure class="release-body__image">
            {picture}
            <figcaption>
                {caption}
                {credit.map(|credit| view! { <span class="release-body__credit">{credit}</span> })}
                {download}
            </figcaption>
        </figure>
    }
}

/// Where the content build publishes its copies of images (`pictures` there).
const COPIES: &str = "images/";

/// How wide the body's images are drawn (style/base.css): the 44-rem column, or the
/// screen less its gutters, which are 1 rem or more on each side.
const IMAGE_SIZES: &str = "(min-width: 48rem) 44rem, calc(100vw - 2rem)";

fn list_items(items: Vec<Vec<Inline>>) -> impl IntoView {
    items.into_iter().map(|item| view! { <li><Inlines inlines=item /></li> }).collect_view()
}

fn inline(inline: Inline) -> AnyView {
    match inline {
        Inline::Text(text) => text.into_any(),
        Inline::Emphasis(content) => view! { <em><Inlines inlines=content /></em> }.into_any(),
        Inline::Strong(content) => view! { <strong><Inlines inlines=content /></strong> }.into_any(),
        Inline::Code(text) => view! { <code>{text}</code> }.into_any(),
        Inline::LineBreak => view! { <br /> }.into_any(),
        // Without `href`, `<a>` is no link, only its text: HTML's placeholder for one.
        Inline::Link { href, content } => {
            view! { <a href=is_allowed_link(&href).then_some(href)><Inlines inlines=content /></a> }.into_any()
        }
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use newsroom_model::{Release, Route};

    use super::*;
    use crate::components::examples::{english_release, render, text, uyghur_release};
    use crate::components::markup::Markup;

    /// The body of `release`, on its own page.
    fn body(release: Release) -> Markup {
        let route = Route::Release { slug: release.listing.slug.clone() };
        let blocks = release.body;
        Markup::of(&render(route, &release.listing.language, move || view! { <Blocks blocks /> }))
    }

    #[test]
    fn body_headings_start_at_h2_under_the_page_h1() {
        let page = body(english_release());
        assert!(page.tags("h1").is_empty(), "{}", page.html());
        assert_eq!(page.one("heading", "Our demands").tag, "h2");
        assert_eq!(page.one("heading", "Next steps").tag, "h3");
    }

    #[test]
    fn a_quote_is_a_blockquote_in_a_figure_with_the_speaker_in_its_caption() {
        let page = body(english_release());
        let quote = page.all("figure").into_iter().find(|figure| !page.within(figure).tags("blockquote").is_empty());
        let quote = page.within(quote.expect("a figure with a blockquote"));
        assert_eq!(quote.only("blockquote").text, "No one should be sent back to torture.");
        assert_eq!(quote.tags("figcaption")[0].text, "— A. Spokesperson");
    }

    #[test]
    fn a_quote_without_a_speaker_has_no_caption() {
        let page = body(uyghur_release());
        let quote = page.within(page.only("blockquote"));
        assert!(quote.tags("figcaption").is_empty(), "{}", page.html());
    }

    #[test]
    fn an_image_is_named_by_its_alt_text_with_its_size_and_caption_in_its_figure() {
        let page = body(english_release());
        let image = page.one("img", "A map of the region");
        assert_eq!((image.attribute("width"), image.attribute("height")), (Some("800"), Some("600")));
        let figure = page.all("figure").into_iter().find(|figure| figure.contains(image)).expect("a figure");
        assert_eq!(page.within(figure).tags("figcaption")[0].text, "Where the returns are planned.");

        let uyghur = body(uyghur_release());
        uyghur.one("img", "رايون خەرىتىسى");
    }

    #[test]
    fn lists_keep_their_kind_and_their_items() {
        let page = body(english_release());
        let items = |tag: &str| -> Vec<String> {
            let list = page.tags(tag)[0];
            page.within(list).all("listitem").iter().map(|item| item.text.clone()).collect()
        };
        assert_eq!(items("ul"), ["Halt planned returns", "Inform the families"]);
        assert_eq!(items("ol"), ["Brief the council", "Publish the findings"]);
    }

    #[test]
    fn emphasis_strong_importance_code_and_line_breaks_keep_their_html_meaning() {
        let page = body(english_release());
        assert_eq!(page.tags("em")[0].text, "stop");
        assert_eq!(page.tags("strong")[0].text, "now");
        assert_eq!(page.tags("code")[0].text, "UN");
        assert_eq!(page.tags("br").len(), 1);
    }

    #[test]
    fn a_link_is_named_by_its_text() {
        let page = body(english_release());
        assert_eq!(page.one("link", "Read the report").attribute("href"), Some("https://example.org/report"));
        let uyghur = body(uyghur_release());
        let link = uyghur.one("link", "ئىنگلىزچە باياناتنى");
        assert_eq!(link.attribute("href"), Some("/releases/statement-on-forced-returns/"));
    }

    #[test]
    fn text_that_looks_like_html_stays_text() {
        let written = "<script>alert(1)</script><img src=x onerror=alert(1)>";
        let blocks = vec![Block::Paragraph(vec![text(written)])];
        let page = Markup::of(&render(Route::Home, "en", move || view! { <Blocks blocks /> }));
        assert!(page.tags("script").is_empty() && page.tags("img").is_empty(), "{}", page.html());
        assert_eq!(page.only("paragraph").text, written);
    }
}
