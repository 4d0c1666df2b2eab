use serde::{Deserialize, Serialize};

/// A release body is typed blocks, never HTML, so hostile text in content is always
/// rendered as text and can never run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Block {
    Paragraph(Vec<Inline>),
    Heading { level: u8, content: Vec<Inline> },
    Quote { content: Vec<Block>, attribution: Option<String> },
    List { ordered: bool, items: Vec<ListItem> },
    Image(Image),
}

/// An image with the text that replaces it for people who cannot see it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Image {
    pub src: String,
    pub alt: String,
    pub caption: Option<String>,
    /// Pixel size, when known, so the page reserves the space before the image loads.
    pub size: Option<(u32, u32)>,
}

pub type ListItem = Vec<Inline>;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Inline {
    Text(String),
    Emphasis(Vec<Inline>),
    Strong(Vec<Inline>),
    Code(String),
    Link { href: String, content: Vec<Inline> },
    LineBreak,
}
