//! Reads the content model out of a parsed JSON value, whatever parsed it: the browser
//! (`JSON.parse`, in the app) or serde_json (tests and fuzz targets, feature
//! `serde_json`). One reader, so what the fuzzer tries natively is what runs in WASM.
//!
//! Not serde in the app: its derived visitors, serde-wasm-bindgen and the float
//! formatting its error messages pull in cost about 12 KB brotli, an eighth of the
//! whole budget. This reads exactly the shapes serde writes in the content build
//! (structs as objects, enums externally tagged), and anything else is `None`: the page
//! says the data is damaged. Two limits keep hostile JSON from crashing the reader:
//! blocks and inlines nested deeper than `MAX_NESTING` (32; real releases nest 3 or 4)
//! are damaged data, not recursion until the stack runs out (100,000 levels of `[`
//! did that), and no buffer is sized by what a file claims, only grown item by item.

use crate::{
    Block, Campaign, Contact, Image, IndexPage, Inline, Original, Release, ReleaseLink, ReleaseSummary, Site, Tag,
    Translation,
};

/// How deeply blocks (quotes) and inlines (emphasis, links) may nest, together.
pub const MAX_NESTING: u32 = 32;

/// A parsed JSON value, as far as the reader needs to see it. Cheap to hand out by
/// value: a handle in the browser, a reference natively.
pub trait JsonValue: Sized {
    fn string(&self) -> Option<String>;
    fn number(&self) -> Option<f64>;
    fn boolean(&self) -> Option<bool>;
    /// `null`, or a field that is not there.
    fn is_null(&self) -> bool;
    /// `None` unless an array.
    fn array_length(&self) -> Option<u32>;
    /// Called only below `array_length`.
    fn array_item(&self, index: u32) -> Self;
    /// `None` unless an object; a missing field reads as null.
    fn field(&self, name: &str) -> Option<Self>;
    /// The key and value of an object with exactly one key (an externally tagged enum).
    fn single_entry(&self) -> Option<(String, Self)>;
}

/// A type the reader can build from JSON. `depth` is the nesting still allowed.
pub trait FromJson: Sized {
    fn from_json<V: JsonValue>(value: &V, depth: u32) -> Option<Self>;
}

/// The entry point: `T` read from `value`, or `None` when the value has another shape.
pub fn read<T: FromJson, V: JsonValue>(value: &V) -> Option<T> {
    T::from_json(value, MAX_NESTING)
}

/// `read` for a serde_json value: what tests and fuzz targets call.
#[cfg(any(test, feature = "serde_json"))]
pub fn read_serde_json<T: FromJson>(value: &serde_json::Value) -> Option<T> {
    read(&value)
}

fn field<T: FromJson, V: JsonValue>(object: &V, name: &str, depth: u32) -> Option<T> {
    T::from_json(&object.field(name)?, depth)
}

/// A struct read field by field, each field's JSON name written once, as its Rust name
/// (which is what serde writes): `stringify!` makes the same string constants by hand.
macro_rules! read_struct {
    ($value:expr, $depth:expr, $type:ident { $($name:ident),* $(,)? }) => {
        Some($type { $($name: field($value, stringify!($name), $depth)?),* })
    };
}

impl FromJson for String {
    fn from_json<V: JsonValue>(value: &V, _: u32) -> Option<Self> {
        value.string()
    }
}

impl FromJson for u32 {
    fn from_json<V: JsonValue>(value: &V, _: u32) -> Option<Self> {
        value
            .number()
            .filter(|number| number.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(number))
            .map(|number| number as u32)
    }
}

impl FromJson for u8 {
    fn from_json<V: JsonValue>(value: &V, depth: u32) -> Option<Self> {
        u32::from_json(value, depth).and_then(|number| u8::try_from(number).ok())
    }
}

impl FromJson for bool {
    fn from_json<V: JsonValue>(value: &V, _: u32) -> Option<Self> {
        value.boolean()
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json<V: JsonValue>(value: &V, depth: u32) -> Option<Self> {
        if value.is_null() {
            Some(None)
        } else {
            T::from_json(value, depth).map(Some)
        }
    }
}

/// A pair, which serde writes as a two-element array.
impl FromJson for (u32, u32) {
    fn from_json<V: JsonValue>(value: &V, depth: u32) -> Option<Self> {
        if value.array_length()? != 2 {
            return None;
        }
        Some((u32::from_json(&value.array_item(0), depth)?, u32::from_json(&value.array_item(1), depth)?))
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    // A plain loop: iterator adapters, instantiated for each item type, cost bytes.
    // Grown item by item: a length says nothing about what memory is safe to take.
    fn from_json<V: JsonValue>(value: &V, depth: u32) -> Option<Self> {
        let length = value.array_length()?;
        let mut items = Vec::new();
        for index in 0..length {
            items.push(T::from_json(&value.array_item(index), depth)?);
        }
        Some(items)
    }
}

impl FromJson for Site {
    fn from_json<V: JsonValue>(value: &V, depth: u32) -> Option<Self> {
        read_struct!(
            value,
            depth,
            Site { name, tagline, language, about, contact, campaigns, donate_url, image_hosts, archive_years }
        )
    }
}

impl FromJson for Contact {
    fn from_json<V: JsonValue>(value: &V, depth: u32) -> Option<Self> {
        read_struct!(value, depth, Contact { name, role, email, phone, card })
    }
}

impl FromJson for Campaign {
    fn from_json<V: JsonValue>(value: &V, depth: u32) -> Option<Self> {
        read_struct!(
            value,
            depth,
            Campaign { id, headline, text, action_label, action_url, tax_note, starts, ends, views_per_visit }
        )
    }
}

impl FromJson for IndexPage {
    fn from_json<V: JsonValue>(value: &V, depth: u32) -> Option<Self> {
        read_struct!(value, depth, IndexPage { page, pages, total, tag, releases })
    }
}

impl FromJson for ReleaseSummary {
    fn from_json<V: JsonValue>(value: &V, depth: u32) -> Option<Self> {
        read_struct!(
            value,
            depth,
            ReleaseSummary { slug, title, published, dateline, summary, tags, language, unpublished }
        )
    }
}

impl FromJson for Tag {
    fn from_json<V: JsonValue>(value: &V, depth: u32) -> Option<Self> {
        read_struct!(value, depth, Tag { name, slug })
    }
}

impl FromJson for ReleaseLink {
    fn from_json<V: JsonValue>(value: &V, depth: u32) -> Option<Self> {
        read_struct!(value, depth, ReleaseLink { slug, title })
    }
}

impl FromJson for Release {
    fn from_json<V: JsonValue>(value: &V, depth: u32) -> Option<Self> {
        read_struct!(value, depth, Release { listing, image, body, translations, contact, previous, next, related })
    }
}

impl FromJson for Image {
    fn from_json<V: JsonValue>(value: &V, depth: u32) -> Option<Self> {
        read_struct!(value, depth, Image { src, alt, caption, size, credit, widths, formats, original })
    }
}

impl FromJson for Original {
    fn from_json<V: JsonValue>(value: &V, depth: u32) -> Option<Self> {
        read_struct!(value, depth, Original { href, details })
    }
}

impl FromJson for Translation {
    fn from_json<V: JsonValue>(value: &V, depth: u32) -> Option<Self> {
        read_struct!(value, depth, Translation { slug, title, language })
    }
}

impl FromJson for Block {
    fn from_json<V: JsonValue>(value: &V, depth: u32) -> Option<Self> {
        let depth = depth.checked_sub(1)?;
        let (kind, content) = value.single_entry()?;
        let content = &content;
        Some(match kind.as_str() {
            "paragraph" => Block::Paragraph(FromJson::from_json(content, depth)?),
            "heading" => {
                Block::Heading { level: field(content, "level", depth)?, content: field(content, "content", depth)? }
            }
            "quote" => Block::Quote {
                content: field(content, "content", depth)?,
                attribution: field(content, "attribution", depth)?,
            },
            "list" => {
                Block::List { ordered: field(content, "ordered", depth)?, items: field(content, "items", depth)? }
            }
            "image" => Block::Image(FromJson::from_json(content, depth)?),
            _ => return None,
        })
    }
}

impl FromJson for Inline {
    fn from_json<V: JsonValue>(value: &V, depth: u32) -> Option<Self> {
        if value.string().as_deref() == Some("line_break") {
            return Some(Inline::LineBreak);
        }
        let depth = depth.checked_sub(1)?;
        let (kind, content) = value.single_entry()?;
        let content = &content;
        Some(match kind.as_str() {
            "text" => Inline::Text(content.string()?),
            "code" => Inline::Code(content.string()?),
            "emphasis" => Inline::Emphasis(FromJson::from_json(content, depth)?),
            "strong" => Inline::Strong(FromJson::from_json(content, depth)?),
            "link" => Inline::Link { href: field(content, "href", depth)?, content: field(content, "content", depth)? },
            _ => return None,
        })
    }
}

#[cfg(any(test, feature = "serde_json"))]
mod serde_json_value {
    use serde_json::Value;

    use super::JsonValue;

    static NULL: Value = Value::Null;

    impl JsonValue for &Value {
        fn string(&self) -> Option<String> {
            self.as_str().map(str::to_string)
        }

        fn number(&self) -> Option<f64> {
            self.as_f64()
        }

        fn boolean(&self) -> Option<bool> {
            self.as_bool()
        }

        fn is_null(&self) -> bool {
            Value::is_null(self)
        }

        fn array_length(&self) -> Option<u32> {
            self.as_array().map(|items| u32::try_from(items.len()).unwrap_or(u32::MAX))
        }

        fn array_item(&self, index: u32) -> Self {
            self.as_array().and_then(|items| items.get(index as usize)).unwrap_or(&NULL)
        }

        fn field(&self, name: &str) -> Option<Self> {
            Some(self.as_object()?.get(name).unwrap_or(&NULL))
        }

        fn single_entry(&self) -> Option<(String, Self)> {
            let object = self.as_object()?;
            if object.len() != 1 {
                return None;
            }
            object.iter().next().map(|(key, value)| (key.clone(), value))
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Value};

    use super::*;

    fn release() -> Release {
        let text = |text: &str| Inline::Text(text.into());
        let summary = ReleaseSummary {
            slug: "a-release".into(),
            title: "A <b>title</b>".into(),
            published: "2026-11-20T10:00:00-05:00".into(),
            dateline: "GENEVA".into(),
            summary: "Summary.".into(),
            tags: vec![Tag { name: "Forced labour".into(), slug: "forced-labour".into() }],
            language: "en".into(),
            unpublished: false,
        };
        Release {
            listing: summary,
            image: Some(Image {
                src: "images/a-0123456789-640.png".into(),
                alt: "A vigil".into(),
                caption: None,
                size: Some((640, 480)),
                credit: Some("Photo: Sample · CC BY 4.0".into()),
                widths: vec![480, 640],
                formats: vec!["avif".into(), "png".into()],
                original: Some(Original { href: "media/a.png".into(), details: "PNG, 8 KB".into() }),
            }),
            body: vec![
                Block::Paragraph(vec![
                    text("Plain "),
                    Inline::Emphasis(vec![Inline::Strong(vec![text("deep")])]),
                    Inline::Code("x".into()),
                    Inline::LineBreak,
                ]),
                Block::Heading { level: 2, content: vec![text("Heading")] },
                Block::Quote {
                    content: vec![Block::Paragraph(vec![Inline::Link {
                        href: "https://example.org/".into(),
                        content: vec![text("link")],
                    }])],
                    attribution: Some("Someone".into()),
                },
                Block::List { ordered: true, items: vec![vec![text("one")], vec![text("two")]] },
                Block::Image(Image {
                    src: "media/b.png".into(),
                    alt: "B".into(),
                    caption: Some("Caption".into()),
                    ..Image::default()
                }),
            ],
            translations: vec![Translation {
                slug: "a-release-tr".into(),
                title: "Başlık".into(),
                language: "tr".into(),
            }],
            contact: Some(Contact {
                name: "Press".into(),
                role: None,
                email: Some("press@example.org".into()),
                phone: None,
                card: Some("press".into()),
            }),
            previous: Some(ReleaseLink { slug: "older".into(), title: "Older".into() }),
            next: None,
            related: Vec::new(),
        }
    }

    fn site() -> Site {
        Site {
            name: "Newsroom".into(),
            tagline: "Tagline".into(),
            language: "en".into(),
            about: vec![Block::Paragraph(vec![Inline::Text("About.".into())])],
            contact: Contact {
                name: "Press".into(),
                role: Some("Officer".into()),
                email: None,
                phone: Some("+1 555 0100".into()),
                card: None,
            },
            campaigns: vec![Campaign {
                id: "winter".into(),
                headline: "Give".into(),
                text: "Please.".into(),
                action_label: "Donate".into(),
                action_url: "https://example.org/donate".into(),
                tax_note: None,
                starts: "2026-11-01".into(),
                ends: "2027-01-31".into(),
                views_per_visit: Some(3),
            }],
            donate_url: Some("https://example.org/donate".into()),
            image_hosts: vec!["images.example.org".into()],
            archive_years: vec![2026, 2025],
        }
    }

    #[test]
    fn everything_serde_writes_reads_back_the_same() {
        let release = release();
        assert_eq!(read_serde_json::<Release>(&serde_json::to_value(&release).unwrap()), Some(release.clone()));
        let site = site();
        assert_eq!(read_serde_json::<Site>(&serde_json::to_value(&site).unwrap()), Some(site));
        let index = IndexPage { page: 1, pages: 3, total: 25, tag: None, releases: vec![release.listing] };
        assert_eq!(read_serde_json::<IndexPage>(&serde_json::to_value(&index).unwrap()), Some(index));
    }

    fn with_body(body: Value) -> Value {
        let mut value = serde_json::to_value(release()).unwrap();
        value["body"] = body;
        value
    }

    fn nested_emphasis(levels: usize) -> Value {
        let mut inline = json!({ "text": "deep" });
        for _ in 0..levels {
            inline = json!({ "emphasis": [inline] });
        }
        json!([{ "paragraph": [inline] }])
    }

    #[test]
    fn nesting_up_to_the_limit_reads_and_deeper_is_damaged() {
        // The paragraph and the text take a level each.
        assert!(read_serde_json::<Release>(&with_body(nested_emphasis(MAX_NESTING as usize - 2))).is_some());
        assert_eq!(read_serde_json::<Release>(&with_body(nested_emphasis(MAX_NESTING as usize - 1))), None);
    }

    #[test]
    fn quotes_nested_beyond_the_limit_are_damaged() {
        let mut block = json!({ "paragraph": [] });
        for _ in 0..100 {
            block = json!({ "quote": { "content": [block], "attribution": null } });
        }
        assert_eq!(read_serde_json::<Release>(&with_body(json!([block]))), None);
    }

    #[test]
    fn wrong_types_and_unknown_kinds_are_damaged() {
        let mut index =
            serde_json::to_value(IndexPage { page: 1, pages: 1, total: 0, tag: None, releases: vec![] }).unwrap();
        assert!(read_serde_json::<IndexPage>(&index).is_some());
        for (field, wrong) in [
            ("page", json!("1")),
            ("page", json!(-1)),
            ("page", json!(1.5)),
            ("pages", json!(4294967296u64)),
            ("total", json!(1e300)),
            ("releases", json!({})),
            ("tag", json!(7)),
        ] {
            let saved = index[field].clone();
            index[field] = wrong.clone();
            assert_eq!(read_serde_json::<IndexPage>(&index), None, "{field}: {wrong}");
            index[field] = saved;
        }
        for body in [
            json!([{ "script": "x" }]),
            json!([{ "paragraph": [], "heading": {} }]),
            json!(["line_break"]),
            json!([{ "heading": { "level": 300, "content": [] } }]),
            json!([{ "paragraph": [{ "text": 1 }] }]),
        ] {
            assert_eq!(read_serde_json::<Release>(&with_body(body.clone())), None, "{body}");
        }
        assert_eq!(read_serde_json::<Release>(&json!("a string")), None);
        assert_eq!(read_serde_json::<Release>(&json!(null)), None);
    }

    #[test]
    fn missing_optional_fields_read_as_none_and_missing_required_ones_are_damaged() {
        let mut value = serde_json::to_value(release()).unwrap();
        value.as_object_mut().unwrap().remove("next");
        assert_eq!(read_serde_json::<Release>(&value).map(|release| release.next), Some(None));
        value.as_object_mut().unwrap().remove("body");
        assert_eq!(read_serde_json::<Release>(&value), None);
    }

    #[test]
    fn control_characters_and_markup_in_text_are_kept_as_text() {
        let body = json!([{ "paragraph": [{ "text": "<script>x</script>\u{0}\u{1b}\u{202e}" }] }]);
        let read = read_serde_json::<Release>(&with_body(body)).unwrap();
        assert_eq!(
            read.body,
            vec![Block::Paragraph(vec![Inline::Text("<script>x</script>\u{0}\u{1b}\u{202e}".into())])]
        );
    }
}
