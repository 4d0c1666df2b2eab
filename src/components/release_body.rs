//! Accessibility: the body's own structure, in HTML's terms: headings start at h2 under
//! the page's h1, quotes are `<blockquote>` inside `<figure>` with the speaker in
//! `<figcaption>`, images always carry their alt text. Text is only ever text: nothing
//! here sets inner HTML, and links are made only for safe targets.

use leptos::prelude::*;
use newsroom_model::{is_safe_href, Block, Image, Inline};

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
            <figure class="quote">
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

/// An image with its caption; its alt text is required by the content build.
#[component]
pub fn Figure(image: Image) -> impl IntoView {
    let Image { src, alt, caption, size } = image;
    view! {
        <figure class="release-image">
            <img src=src alt=alt loading="lazy" width=size.map(|(width, _)| width) height=size.map(|(_, height)| height) />
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
        Inline::Link { href, content } if is_safe_href(&href) => {
            view! { <a href=href><Inlines inlines=content /></a> }.into_any()
        }
        Inline::Link { content, .. } => view! { <Inlines inlines=content /> }.into_any(),
    }
}
