//! Accessibility: the body's own structure, in HTML's terms: headings start at h2 under
//! the page's h1, quotes are `<blockquote>` inside `<figure>` with the speaker in
//! `<figcaption>`, images always carry their alt text. Text is only ever text: nothing
//! here sets inner HTML. Links and images are made only for the addresses `addresses`
//! allows; otherwise a link is an `<a>` without `href` (HTML's placeholder for a link:
//! its text, not focusable, no link role) and an image its alt text, never a request.

use std::sync::Arc;

use leptos::either::Either;
use leptos::prelude::*;
use newsroom_model::{Block, Image, Inline, Site};

use crate::addresses::{is_allowed_image, is_allowed_link};

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

/// An image with its caption; its alt text is required by the content build. Feeds are
/// rendered without a site (see `addresses`).
#[component]
pub fn Figure(image: Image) -> impl IntoView {
    let Image { src, alt, caption, size } = image;
    let site = use_context::<Arc<Site>>();
    let picture = if is_allowed_image(&src, site.as_deref()) {
        Either::Left(
            view! { <img src=src alt=alt loading="lazy" width=size.map(|(width, _)| width) height=size.map(|(_, height)| height) /> },
        )
    } else {
        Either::Right(alt)
    };
    view! {
        <figure class="release-body__image">
            {picture}
            {caption.map(|caption| view! { <figcaption>{caption}</figcaption> })}
        </figure>
    }
}

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
