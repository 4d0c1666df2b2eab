//! The app's components rendered to HTML outside the browser, for the content build:
//! one component tree for the browser and for everything pre-rendered.

use leptos::prelude::*;
use newsroom_model::Block;

use crate::components::Blocks;

/// A release body as HTML, e.g. for the full content of feed entries. Without the
/// `<!>` markers Leptos leaves for hydration, which a feed reader never does.
pub fn body_html(blocks: Vec<Block>) -> String {
    view! { <Blocks blocks /> }.to_html().replace("<!>", "")
}
