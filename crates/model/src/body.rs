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

/// Only these targets may become links: web pages, e-mail addresses and pages of this
/// site. Everything else (`javascript:`, `data:`, unknown schemes) stays plain text.
pub fn is_safe_href(href: &str) -> bool {
    let href = href.trim_start();
    if href.starts_with("//") {
        return false;
    }
    if href.starts_with('/') || href.starts_with('#') {
        return true;
    }
    match href.split_once(':') {
        Some((scheme, _)) if !scheme.contains(['/', '?', '#']) => {
            matches!(scheme.to_ascii_lowercase().as_str(), "http" | "https" | "mailto")
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::is_safe_href;

    #[test]
    fn web_mail_and_site_links_are_safe() {
        for href in ["https://example.org/a", "HTTP://example.org", "mailto:press@example.org", "/releases/x/", "#contact", "releases/x/"] {
            assert!(is_safe_href(href), "{href} should be allowed");
        }
    }

    #[test]
    fn script_data_and_unknown_schemes_are_not() {
        for href in ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "vbscript:x", "file:///etc/passwd", "//evil.example/"] {
            assert!(!is_safe_href(href), "{href} should be refused");
        }
    }
}
