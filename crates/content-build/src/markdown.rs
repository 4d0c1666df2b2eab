//! Markdown to the typed blocks of the content model. Anything that would need raw HTML
//! to show, or could run in a reader's browser, is refused with its position.
//!
//! Nesting is capped: quotes and lists 4 levels deep (a quote in a quote in a quote,
//! with a list inside, is more than any press release needs), emphasis, strong, links
//! and images 8 levels deep. Every step that follows (this conversion, `plain_text`,
//! `body_urls`, the JSON, the app's components rendering pages and feeds) recurses once
//! a level, so the caps are what keeps a 1.5 KB file of `>` or `*` from overflowing the
//! build's stack (2 MiB on a test thread): over-deep text is refused with its position.

use newsroom_model::{Block, Image, Inline};
use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, OffsetIter, Options, Parser, Tag, TagEnd};
use std::iter::Peekable;
use std::ops::Range;

use crate::fields::{within, ALT_MAX, CAPTION_MAX};
use crate::links::{ImageSource, LinkRule};

/// Quotes and lists inside each other, counting the outermost.
pub const MAX_BLOCK_DEPTH: usize = 4;
/// Emphasis, strong, links and images inside each other, counting the outermost.
pub const MAX_INLINE_DEPTH: usize = 8;

/// A problem at a byte offset of the Markdown text.
#[derive(Debug, PartialEq)]
pub struct MarkdownError {
    pub offset: usize,
    pub message: String,
}

/// A link or image target and where it stands, for checks across files.
#[derive(Debug, PartialEq)]
pub struct Reference {
    pub target: String,
    pub offset: usize,
}

/// The blocks of a text, and what it links to and shows.
#[derive(Debug, Default, PartialEq)]
pub struct Converted {
    pub blocks: Vec<Block>,
    /// Every link, with its target as written to the JSON (site links root-relative).
    pub links: Vec<Reference>,
    /// Images in `content/media/`, as `media/…`.
    pub images: Vec<Reference>,
}

/// `markdown` shown on the page at root-relative `page` (`/releases/x/`), which links
/// to a bare `#part` are made to point to.
pub fn convert(markdown: &str, rule: &LinkRule, page: &str) -> Result<Converted, Vec<MarkdownError>> {
    let mut converter = Converter {
        events: Parser::new_ext(markdown, Options::empty()).into_offset_iter().peekable(),
        errors: Vec::new(),
        converted: Converted::default(),
        rule,
        page,
        block_depth: 0,
        inline_depth: 0,
    };
    converter.converted.blocks = converter.blocks();
    if converter.errors.is_empty() {
        Ok(converter.converted)
    } else {
        Err(converter.errors)
    }
}

/// The two kinds of nesting, each with its own cap.
#[derive(Clone, Copy)]
enum Nesting {
    Block,
    Inline,
}

struct Converter<'a> {
    events: Peekable<OffsetIter<'a>>,
    errors: Vec<MarkdownError>,
    converted: Converted,
    rule: &'a LinkRule,
    page: &'a str,
    /// Quotes and lists open around the current event.
    block_depth: usize,
    /// Emphasis, strong, links and images open around the current event.
    inline_depth: usize,
}

impl<'a> Converter<'a> {
    fn refuse(&mut self, range: &Range<usize>, message: impl Into<String>) {
        self.errors.push(MarkdownError { offset: range.start, message: message.into() });
    }

    /// Runs `convert` one block level deeper, or refuses and skips a container that
    /// would be deeper than the cap.
    fn in_block<T>(&mut self, range: &Range<usize>, convert: impl FnOnce(&mut Self) -> T) -> Option<T> {
        self.nested(Nesting::Block, range, convert)
    }

    /// Runs `convert` one inline level deeper, or refuses and skips an element that
    /// would be deeper than the cap.
    fn in_inline<T>(&mut self, range: &Range<usize>, convert: impl FnOnce(&mut Self) -> T) -> Option<T> {
        self.nested(Nesting::Inline, range, convert)
    }

    fn nested<T>(&mut self, nesting: Nesting, range: &Range<usize>, convert: impl FnOnce(&mut Self) -> T) -> Option<T> {
        let (depth, cap, message) = match nesting {
            Nesting::Block => (self.block_depth, MAX_BLOCK_DEPTH, "quotes and lists are nested more than {cap} levels deep here: a press release needs fewer, so take out some of the `>` or list markers"),
            Nesting::Inline => (self.inline_depth, MAX_INLINE_DEPTH, "emphasis, strong text, links and images are nested more than {cap} levels deep here: take out some of the `*`, `_` or brackets"),
        };
        if depth >= cap {
            self.refuse(range, message.replace("{cap}", &cap.to_string()));
            self.skip_to_end();
            return None;
        }
        self.set_depth(nesting, depth + 1);
        let converted = convert(self);
        self.set_depth(nesting, depth);
        Some(converted)
    }

    fn set_depth(&mut self, nesting: Nesting, depth: usize) {
        match nesting {
            Nesting::Block => self.block_depth = depth,
            Nesting::Inline => self.inline_depth = depth,
        }
    }

    /// Blocks up to the end of the enclosing container (or of the text).
    fn blocks(&mut self) -> Vec<Block> {
        let mut blocks = Vec::new();
        while let Some((event, range)) = self.events.next() {
            match event {
                Event::Start(Tag::Paragraph) => blocks.extend(self.paragraph()),
                Event::Start(Tag::Heading { level, .. }) => {
                    blocks.push(Block::Heading { level: heading_level(level), content: self.inlines() })
                }
                Event::Start(Tag::BlockQuote(_)) => {
                    blocks.extend(self.in_block(&range, |converter| quote(converter.blocks())))
                }
                Event::Start(Tag::List(first_number)) => {
                    blocks.extend(self.in_block(&range, |converter| converter.list(first_number.is_some())))
                }
                Event::Start(Tag::CodeBlock(kind)) => {
                    let hint = match kind {
                        CodeBlockKind::Indented => {
                            "a line indented by four spaces or more is read as code: remove the indent"
                        }
                        CodeBlockKind::Fenced(_) => {
                            "code blocks are not shown in releases: write the text as a paragraph"
                        }
                    };
                    self.refuse(&range, hint);
                    self.skip_to_end();
                }
                Event::Start(Tag::HtmlBlock) => {
                    self.refuse(&range, RAW_HTML);
                    self.skip_to_end();
                }
                Event::Html(_) | Event::InlineHtml(_) => self.refuse(&range, RAW_HTML),
                Event::End(_) => break,
                Event::Rule => {}
                _ => self.refuse(&range, "this Markdown is not supported in a release"),
            }
        }
        blocks
    }

    /// A paragraph that is only an image becomes an image block.
    fn paragraph(&mut self) -> Option<Block> {
        let content = self.inlines_with_images();
        match content.as_slice() {
            [] => None,
            [Content::Image(image)] => Some(image.clone()),
            _ => {
                let mut inlines = Vec::new();
                for item in content {
                    match item {
                        Content::Inline(Inline::Text(text)) => push_text(&mut inlines, text),
                        Content::Inline(inline) => inlines.push(inline),
                        Content::Image(_) => {}
                    }
                }
                Some(Block::Paragraph(inlines))
            }
        }
    }

    fn list(&mut self, ordered: bool) -> Block {
        let mut items = Vec::new();
        while let Some((event, range)) = self.events.next() {
            match event {
                Event::Start(Tag::Item) => items.push(self.list_item()),
                Event::End(_) => break,
                _ => self.refuse(&range, "this Markdown is not supported in a list"),
            }
        }
        Block::List { ordered, items }
    }

    /// Text of a list item; paragraphs of a loose list are joined by line breaks.
    fn list_item(&mut self) -> Vec<Inline> {
        let mut content = Vec::new();
        while let Some((event, range)) = self.events.peek().cloned() {
            match event {
                Event::End(TagEnd::Item) => {
                    self.events.next();
                    break;
                }
                Event::Start(Tag::Paragraph) => {
                    self.events.next();
                    if !content.is_empty() {
                        content.push(Inline::LineBreak);
                    }
                    content.extend(self.inlines());
                }
                Event::Start(Tag::List(_)) | Event::Start(Tag::BlockQuote(_)) | Event::Start(Tag::Heading { .. }) => {
                    self.refuse(
                        &range,
                        "lists, quotes and headings inside a list item are not supported: keep list items to text",
                    );
                    self.events.next();
                    self.skip_to_end();
                }
                _ => match self.inline() {
                    Some(Inline::Text(text)) => push_text(&mut content, text),
                    Some(inline) => content.push(inline),
                    None => {}
                },
            }
        }
        content
    }

    fn inlines(&mut self) -> Vec<Inline> {
        let mut inlines = Vec::new();
        for item in self.inlines_with_images() {
            match item {
                Content::Inline(Inline::Text(text)) => push_text(&mut inlines, text),
                Content::Inline(inline) => inlines.push(inline),
                Content::Image(_) => {
                    let offset = self.events.peek().map_or(0, |(_, range)| range.start);
                    self.errors.push(MarkdownError { offset, message: IMAGE_ALONE.into() });
                }
            }
        }
        inlines
    }

    fn inlines_with_images(&mut self) -> Vec<Content> {
        let mut content = Vec::new();
        while let Some((event, range)) = self.events.peek().cloned() {
            if let Event::End(_) = event {
                self.events.next();
                break;
            }
            if let Event::Start(Tag::Image { dest_url, title, .. }) = event {
                self.events.next();
                content.extend(
                    self.in_inline(&range, |converter| converter.image(&range, &dest_url, &title)).map(Content::Image),
                );
                continue;
            }
            content.extend(self.inline().map(Content::Inline));
        }
        if content.len() > 1 && content.iter().any(|item| matches!(item, Content::Image(_))) {
            let offset = self.events.peek().map_or(0, |(_, range)| range.start);
            self.errors.push(MarkdownError { offset, message: IMAGE_ALONE.into() });
        }
        content
    }

    /// An image whose start was just read, up to its end.
    fn image(&mut self, range: &Range<usize>, dest_url: &str, title: &str) -> Block {
        let alt = plain_text(&self.inlines());
        if alt.trim().is_empty() {
            self.refuse(range, "this image has no alt text: describe what it shows, as in ![Protesters outside the UN in Geneva](media/photo.jpg)");
        }
        for (what, text, max) in [("alt text", alt.as_str(), ALT_MAX), ("caption", title, CAPTION_MAX)] {
            if let Err(problem) = within(text, max) {
                self.refuse(range, format!("this image's {what} is too long: {problem}"));
            }
        }
        let caption = Some(title.to_string()).filter(|caption| !caption.is_empty());
        let src = match self.rule.image(dest_url) {
            Ok(ImageSource::Media(src)) => {
                self.converted.images.push(Reference { target: src.clone(), offset: range.start });
                src
            }
            Ok(ImageSource::Remote(src)) => src,
            Err(problem) => {
                self.refuse(range, problem);
                dest_url.to_string()
            }
        };
        Block::Image(Image { src, alt, caption, ..Image::default() })
    }

    /// One inline element, consuming its events.
    fn inline(&mut self) -> Option<Inline> {
        let (event, range) = self.events.next()?;
        match event {
            Event::Text(text) => Some(Inline::Text(text.to_string())),
            Event::Code(code) => Some(Inline::Code(code.to_string())),
            Event::SoftBreak => Some(Inline::Text(" ".into())),
            Event::HardBreak => Some(Inline::LineBreak),
            Event::Start(Tag::Emphasis) => self.in_inline(&range, |converter| Inline::Emphasis(converter.inlines())),
            Event::Start(Tag::Strong) => self.in_inline(&range, |converter| Inline::Strong(converter.inlines())),
            Event::Start(Tag::Link { dest_url, .. }) => {
                let href = match self.rule.link(&dest_url, self.page) {
                    Ok(link) => link.href().to_string(),
                    Err(problem) => {
                        self.refuse(&range, problem);
                        dest_url.to_string()
                    }
                };
                self.converted.links.push(Reference { target: href.clone(), offset: range.start });
                self.in_inline(&range, |converter| Inline::Link { href, content: converter.inlines() })
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                self.refuse(&range, RAW_HTML);
                None
            }
            Event::Start(_) => {
                self.refuse(&range, "this Markdown is not supported inside text");
                self.skip_to_end();
                None
            }
            _ => None,
        }
    }

    /// Skips the rest of a container whose start was just read.
    fn skip_to_end(&mut self) {
        let mut depth = 1;
        for (event, _) in self.events.by_ref() {
            match event {
                Event::Start(_) => depth += 1,
                Event::End(_) => depth -= 1,
                _ => {}
            }
            if depth == 0 {
                break;
            }
        }
    }
}

/// Text runs the parser splits (at line ends, entities) become one: fewer nodes, less JSON.
fn push_text(inlines: &mut Vec<Inline>, text: String) {
    match inlines.last_mut() {
        Some(Inline::Text(previous)) => previous.push_str(&text),
        _ => inlines.push(Inline::Text(text)),
    }
}

const IMAGE_ALONE: &str = "put an image in a paragraph of its own, with a blank line before and after";

const RAW_HTML: &str =
    "raw HTML is not allowed in a release: use Markdown, such as **bold**, *italic* or [a link](https://example.org)";

enum Content {
    Inline(Inline),
    Image(Block),
}

fn heading_level(level: HeadingLevel) -> u8 {
    // The release title is the page's only h1, so body headings start at h2.
    (level as u8).clamp(2, 6)
}

/// A quote whose last paragraph starts with a dash is attributed to whoever it names:
/// `> — Name, role`.
fn quote(mut content: Vec<Block>) -> Block {
    let attribution = match content.last() {
        Some(Block::Paragraph(inlines)) => {
            let text = plain_text(inlines);
            ["—", "--", "―"].iter().find_map(|dash| text.strip_prefix(dash)).map(|name| name.trim().to_string())
        }
        _ => None,
    };
    if attribution.is_some() {
        content.pop();
    }
    Block::Quote { content, attribution }
}

pub fn plain_text(inlines: &[Inline]) -> String {
    let mut text = String::new();
    for inline in inlines {
        match inline {
            Inline::Text(part) | Inline::Code(part) => text.push_str(part),
            Inline::Emphasis(inner) | Inline::Strong(inner) | Inline::Link { content: inner, .. } => {
                text.push_str(&plain_text(inner))
            }
            Inline::LineBreak => text.push(' '),
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(value: &str) -> Inline {
        Inline::Text(value.into())
    }

    fn rule() -> LinkRule {
        LinkRule::new("https://newsroom.example.org", &[]).unwrap()
    }

    fn convert_text(markdown: &str) -> Result<Converted, Vec<MarkdownError>> {
        convert(markdown, &rule(), "/releases/this/")
    }

    fn to_blocks(markdown: &str) -> Result<Vec<Block>, Vec<MarkdownError>> {
        convert_text(markdown).map(|converted| converted.blocks)
    }

    #[test]
    fn paragraphs_keep_emphasis_strong_and_links() {
        let blocks = to_blocks("Read *this* and **that** at [the report](https://example.org/r).").unwrap();
        assert_eq!(
            blocks,
            vec![Block::Paragraph(vec![
                text("Read "),
                Inline::Emphasis(vec![text("this")]),
                text(" and "),
                Inline::Strong(vec![text("that")]),
                text(" at "),
                Inline::Link { href: "https://example.org/r".into(), content: vec![text("the report")] },
                text("."),
            ])]
        );
    }

    #[test]
    fn text_split_across_lines_is_one_run() {
        assert_eq!(to_blocks("one\ntwo &amp; three").unwrap(), vec![Block::Paragraph(vec![text("one two & three")])]);
    }

    #[test]
    fn headings_start_at_level_two() {
        assert_eq!(
            to_blocks("# Background").unwrap(),
            vec![Block::Heading { level: 2, content: vec![text("Background")] }]
        );
        assert_eq!(to_blocks("### Detail").unwrap(), vec![Block::Heading { level: 3, content: vec![text("Detail")] }]);
    }

    #[test]
    fn a_quote_ending_in_a_dash_line_is_attributed() {
        let blocks = to_blocks("> We will keep working.\n>\n> — A campaign spokesperson (sample)").unwrap();
        assert_eq!(
            blocks,
            vec![Block::Quote {
                content: vec![Block::Paragraph(vec![text("We will keep working.")])],
                attribution: Some("A campaign spokesperson (sample)".into()),
            }]
        );
    }

    #[test]
    fn lists_tight_and_loose() {
        assert_eq!(
            to_blocks("1. one\n2. *two*\n").unwrap(),
            vec![Block::List {
                ordered: true,
                items: vec![vec![text("one")], vec![Inline::Emphasis(vec![text("two")])]]
            }]
        );
        assert_eq!(
            to_blocks("- a\n\n- b\n").unwrap(),
            vec![Block::List { ordered: false, items: vec![vec![text("a")], vec![text("b")]] }]
        );
    }

    #[test]
    fn an_image_alone_in_its_paragraph_is_an_image_block_with_caption() {
        assert_eq!(
            to_blocks("![A vigil at night](media/vigil.jpg \"The vigil in 2025\")").unwrap(),
            vec![Block::Image(Image {
                src: "media/vigil.jpg".into(),
                alt: "A vigil at night".into(),
                caption: Some("The vigil in 2025".into()),
                ..Image::default()
            })]
        );
    }

    #[test]
    fn hostile_content_is_refused_with_its_offset() {
        let markdown = "Fine.\n\nClick [here](javascript:alert(1)).\n\n<script>alert(1)</script>\n\n![](media/x.png)\n";
        let errors = to_blocks(markdown).unwrap_err();
        let offsets: Vec<usize> = errors.iter().map(|error| error.offset).collect();
        assert_eq!(errors.len(), 3, "{errors:?}");
        assert!(errors[0].message.contains("javascript:alert(1)"));
        assert_eq!(offsets[0], markdown.find("[here]").unwrap());
        assert!(errors[1].message.contains("raw HTML"));
        assert_eq!(offsets[1], markdown.find("<script>").unwrap());
        assert!(errors[2].message.contains("alt text"));
    }

    #[test]
    fn links_and_images_are_recorded_with_their_offsets() {
        let markdown = "See [the archive](/archive/).\n\n![A map](media/map.svg)\n";
        let converted = convert_text(markdown).unwrap();
        assert_eq!(converted.links, vec![Reference { target: "/archive/".into(), offset: 4 }]);
        assert_eq!(
            converted.images,
            vec![Reference { target: "media/map.svg".into(), offset: markdown.find("![").unwrap() }]
        );
    }

    /// Runs `work` on a thread with the 2 MiB stack test threads have by default, so the
    /// test proves the limit whatever `RUST_MIN_STACK` says.
    fn on_small_stack<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> T {
        std::thread::Builder::new().stack_size(2 << 20).spawn(work).unwrap().join().unwrap()
    }

    fn first_error(markdown: String) -> (usize, String, usize) {
        let errors = on_small_stack(move || to_blocks(&markdown).err()).expect("the text is refused");
        (errors[0].offset, errors[0].message.clone(), errors.len())
    }

    #[test]
    fn nesting_deeper_than_the_caps_is_refused_at_the_first_level_too_deep_without_overflowing_the_stack() {
        let (offset, message, count) = first_error(format!("{} x\n", ">".repeat(3000)));
        assert_eq!((offset, count), (MAX_BLOCK_DEPTH, 1), "{message}");
        assert!(message.contains("nested more than 4 levels deep"), "{message}");

        let (offset, message, count) = first_error(format!("{}x{}\n", "*".repeat(4000), "*".repeat(4000)));
        assert_eq!((offset, count), (2 * MAX_INLINE_DEPTH, 1), "{message}");
        assert!(message.contains("nested more than 8 levels deep"), "{message}");

        let (offset, _, count) = first_error(format!("{}x{}\n", "*a _b [c ".repeat(700), "](/a/) b_ a*".repeat(700)));
        assert_eq!((offset, count), (4 * "*a _b [c ".len(), 1), "links do not nest: the ninth level is the fifth `*`");

        let (offset, message, _) = first_error(format!("{}x\n", "> - ".repeat(2000)));
        assert_eq!(offset, "> - ".len(), "a quote in a list item is refused: {message}");

        let nested_lists: String = (0..3000).map(|depth| format!("{}- item\n", "  ".repeat(depth))).collect();
        let (offset, message, _) = first_error(nested_lists);
        assert_eq!(offset, "- item\n".len() + 2, "{message}");
        assert!(message.contains("inside a list item"), "{message}");

        let (offset, message, _) = first_error(format!("{}x{}\n", "![a ".repeat(3000), "](media/a.png)".repeat(3000)));
        assert_eq!(offset, MAX_INLINE_DEPTH * "![a ".len(), "images in the alt text of images: {message}");
        assert!(message.contains("nested more than 8 levels deep"), "{message}");
    }

    /// The deepest text the caps accept: 4 levels of quotes and lists, 8 of inline nesting.
    pub const DEEPEST_ACCEPTED: &str = "> > > - *a _b [c **d *e _f **g *h deep* i** j_ k* l** m](/releases/x/) n_ o*\n";

    #[test]
    fn the_deepest_accepted_text_converts_renders_and_serializes_on_a_small_stack() {
        let (blocks, html, json) = on_small_stack(|| {
            let blocks = to_blocks(DEEPEST_ACCEPTED).unwrap();
            // Without `render` there are no components to draw it with; the JSON stands in.
            #[cfg(feature = "render")]
            let html = newsroom::prerender::release_body_html(blocks.clone(), "en");
            let json = serde_json::to_string(&blocks).unwrap();
            #[cfg(not(feature = "render"))]
            let html = json.clone();
            (blocks, html, json)
        });
        assert!(html.contains("deep") && json.contains("deep"), "{html}");
        assert_eq!(plain_text_depth(&blocks), (MAX_BLOCK_DEPTH, MAX_INLINE_DEPTH), "{json}");
    }

    /// How deep blocks and inlines go.
    fn plain_text_depth(blocks: &[Block]) -> (usize, usize) {
        fn inline_depth(inlines: &[Inline]) -> usize {
            inlines
                .iter()
                .map(|inline| match inline {
                    Inline::Emphasis(inner) | Inline::Strong(inner) | Inline::Link { content: inner, .. } => {
                        1 + inline_depth(inner)
                    }
                    _ => 0,
                })
                .max()
                .unwrap_or(0)
        }
        blocks
            .iter()
            .map(|block| match block {
                Block::Quote { content, .. } => {
                    let (b, i) = plain_text_depth(content);
                    (b + 1, i)
                }
                Block::List { items, .. } => (1, items.iter().map(|item| inline_depth(item)).max().unwrap_or(0)),
                Block::Paragraph(inlines) | Block::Heading { content: inlines, .. } => (0, inline_depth(inlines)),
                Block::Image(_) => (0, 0),
            })
            .fold((0, 0), |(b1, i1), (b2, i2)| (b1.max(b2), i1.max(i2)))
    }

    #[test]
    fn link_disguises_written_with_entities_tabs_and_backslashes_are_refused_at_each_link() {
        let markdown = "[a](/&#9;/evil.example/) [b](java&#9;script:x) [c](&#32;javascript:x)\n[d](javascript&#58;x) [e](/\\evil.example/) [f](//evil.example/) [g](JaVaScRiPt:x)\n";
        let errors = to_blocks(markdown).unwrap_err();
        let offsets: Vec<usize> = errors.iter().map(|error| error.offset).collect();
        let expected: Vec<usize> = ["[a]", "[b]", "[c]", "[d]", "[e]", "[f]", "[g]"]
            .iter()
            .map(|label| markdown.find(label).unwrap())
            .collect();
        assert_eq!(offsets, expected, "{errors:#?}");
        for (error, gist) in errors.iter().zip([
            "`/\\t/evil.example/` contains a tab",
            "`java\\tscript:x` contains a tab",
            "contains a space",
            "`javascript:` links are not web pages",
            "contains a backslash",
            "starts with `//`",
            "`javascript:` links",
        ]) {
            assert!(error.message.contains(gist), "{gist}: {}", error.message);
        }
    }

    #[test]
    fn inline_html_is_refused_too() {
        let errors = to_blocks("Hello <b onmouseover=\"x()\">there</b>").unwrap_err();
        assert!(errors.iter().all(|error| error.message.contains("raw HTML")));
    }

    #[test]
    fn text_that_looks_like_markup_stays_text() {
        let blocks = to_blocks("Use &lt;script&gt; carefully").unwrap();
        assert_eq!(
            plain_text(match &blocks[0] {
                Block::Paragraph(inlines) => inlines,
                _ => unreachable!(),
            }),
            "Use <script> carefully"
        );
    }
}
