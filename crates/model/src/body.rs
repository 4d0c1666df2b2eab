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
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Image {
    pub src: String,
    pub alt: String,
    pub caption: Option<String>,
    /// Pixel size, when known, so the page reserves the space before the image loads.
    pub size: Option<(u32, u32)>,
    /// Who made the image and the terms it may be reused under, as the author gives
    /// them, in one line: `Photo: Sample Rights Campaign · CC BY 4.0`.
    pub credit: Option<String>,
    /// The widths of the copies the content build made (`copy_widths`), narrowest
    /// first, and their formats as file extensions (`avif`, `webp`, `png`, `jpeg`): the
    /// lighter first, the fallback every browser reads last. `src` is then the
    /// fallback's widest copy, `images/<name>-<hash>-<width>.<extension>`, and the
    /// others are named as it is: the JSON lists no address a tampered file could point
    /// elsewhere. Empty for SVG, GIF and images from other hosts, which are shown as
    /// they are.
    pub widths: Vec<u32>,
    pub formats: Vec<String>,
    /// The file as the author gave it, for journalists to download; images from
    /// `content/media/` only.
    pub original: Option<Original>,
}

/// An image's original file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Original {
    pub href: String,
    /// Its format and size in the release's language, `PNG, 7 KB` (the content build
    /// writes it, so the browser build carries no number formatting for it).
    pub details: String,
}

/// The widths a copy is made at, narrowest first, before the widest, which is the
/// image's own width up to 1600 pixels. A phone (360-430 CSS pixels, 1-3 device pixels
/// each) and the 44-rem column of a desktop each find a copy within a step of what
/// they draw.
const COPY_WIDTHS: [u32; 4] = [480, 800, 1200, 1600];

/// The widths of the copies of an image `width` pixels wide, narrowest first.
pub fn copy_widths(width: u32) -> impl Iterator<Item = u32> {
    let widest = width.min(COPY_WIDTHS[COPY_WIDTHS.len() - 1]);
    COPY_WIDTHS.into_iter().filter(move |&each| each < widest).chain([widest])
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

#[cfg(test)]
mod tests {
    use super::copy_widths;

    #[test]
    fn copies_are_never_wider_than_the_original_nor_than_1600_pixels() {
        let widths = |width| copy_widths(width).collect::<Vec<_>>();
        assert_eq!(widths(3000), [480, 800, 1200, 1600]);
        assert_eq!(widths(1600), [480, 800, 1200, 1600]);
        assert_eq!(widths(1000), [480, 800, 1000]);
        assert_eq!(widths(480), [480]);
        assert_eq!(widths(300), [300]);
    }
}
