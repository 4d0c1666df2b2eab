//! Reads the content model out of JSON the browser has already parsed.
//!
//! Not serde: its derived visitors, serde-wasm-bindgen and the float formatting its
//! error messages pull in cost about 12 KB brotli, an eighth of the whole budget. This
//! reads exactly the shapes serde writes in the content build (structs as objects,
//! enums externally tagged), and anything else is `None`: the page says the data is
//! damaged. The browser tests render every block and inline kind through it.

use js_sys::{Array, Object, Reflect};
use newsroom_model::{Block, Campaign, Contact, Image, IndexPage, Inline, Release, ReleaseLink, ReleaseSummary, Site, Tag, Translation};
use wasm_bindgen::{JsCast, JsValue};

pub trait FromJson: Sized {
    fn from_json(value: &JsValue) -> Option<Self>;
}

fn field<T: FromJson>(object: &JsValue, name: &str) -> Option<T> {
    if !object.is_object() {
        return None;
    }
    T::from_json(&Reflect::get(object, &JsValue::from_str(name)).ok()?)
}

/// An externally tagged enum value `{ "variant": content }`: its one key and content.
fn variant(value: &JsValue) -> Option<(String, JsValue)> {
    let object = value.dyn_ref::<Object>()?;
    let keys = Object::keys(object);
    if keys.length() != 1 {
        return None;
    }
    let key = keys.get(0).as_string()?;
    let content = Reflect::get(value, &JsValue::from_str(&key)).ok()?;
    Some((key, content))
}

impl FromJson for String {
    fn from_json(value: &JsValue) -> Option<Self> {
        value.as_string()
    }
}

impl FromJson for u32 {
    fn from_json(value: &JsValue) -> Option<Self> {
        value.as_f64().filter(|number| number.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(number)).map(|number| number as u32)
    }
}

impl FromJson for u8 {
    fn from_json(value: &JsValue) -> Option<Self> {
        u32::from_json(value).and_then(|number| u8::try_from(number).ok())
    }
}

impl FromJson for bool {
    fn from_json(value: &JsValue) -> Option<Self> {
        value.as_bool()
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(value: &JsValue) -> Option<Self> {
        if value.is_null() || value.is_undefined() {
            Some(None)
        } else {
            T::from_json(value).map(Some)
        }
    }
}

/// A pair, which serde writes as a two-element array.
impl FromJson for (u32, u32) {
    fn from_json(value: &JsValue) -> Option<Self> {
        let array = value.dyn_ref::<Array>().filter(|array| array.length() == 2)?;
        Some((u32::from_json(&array.get(0))?, u32::from_json(&array.get(1))?))
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    // A plain loop: iterator adapters, instantiated for each item type, cost bytes.
    fn from_json(value: &JsValue) -> Option<Self> {
        let array = value.dyn_ref::<Array>()?;
        let mut items = Vec::with_capacity(array.length() as usize);
        for index in 0..array.length() {
            items.push(T::from_json(&array.get(index))?);
        }
        Some(items)
    }
}

impl FromJson for Site {
    fn from_json(value: &JsValue) -> Option<Self> {
        Some(Site {
            name: field(value, "name")?,
            tagline: field(value, "tagline")?,
            language: field(value, "language")?,
            about: field(value, "about")?,
            contact: field(value, "contact")?,
            campaigns: field(value, "campaigns")?,
            image_hosts: field(value, "image_hosts")?,
            archive_years: field(value, "archive_years")?,
        })
    }
}

impl FromJson for Contact {
    fn from_json(value: &JsValue) -> Option<Self> {
        Some(Contact { name: field(value, "name")?, role: field(value, "role")?, email: field(value, "email")?, phone: field(value, "phone")? })
    }
}

impl FromJson for Campaign {
    fn from_json(value: &JsValue) -> Option<Self> {
        Some(Campaign {
            id: field(value, "id")?,
            headline: field(value, "headline")?,
            text: field(value, "text")?,
            action_label: field(value, "action_label")?,
            action_url: field(value, "action_url")?,
            tax_note: field(value, "tax_note")?,
            starts: field(value, "starts")?,
            ends: field(value, "ends")?,
        })
    }
}

impl FromJson for IndexPage {
    fn from_json(value: &JsValue) -> Option<Self> {
        Some(IndexPage {
            page: field(value, "page")?,
            pages: field(value, "pages")?,
            total: field(value, "total")?,
            tag: field(value, "tag")?,
            releases: field(value, "releases")?,
        })
    }
}

impl FromJson for ReleaseSummary {
    fn from_json(value: &JsValue) -> Option<Self> {
        Some(ReleaseSummary {
            slug: field(value, "slug")?,
            title: field(value, "title")?,
            published: field(value, "published")?,
            dateline: field(value, "dateline")?,
            summary: field(value, "summary")?,
            tags: field(value, "tags")?,
            language: field(value, "language")?,
            unpublished: field(value, "unpublished")?,
        })
    }
}

impl FromJson for Tag {
    fn from_json(value: &JsValue) -> Option<Self> {
        Some(Tag { name: field(value, "name")?, slug: field(value, "slug")? })
    }
}

impl FromJson for ReleaseLink {
    fn from_json(value: &JsValue) -> Option<Self> {
        Some(ReleaseLink { slug: field(value, "slug")?, title: field(value, "title")? })
    }
}

impl FromJson for Release {
    fn from_json(value: &JsValue) -> Option<Self> {
        Some(Release {
            listing: field(value, "listing")?,
            image: field(value, "image")?,
            body: field(value, "body")?,
            translations: field(value, "translations")?,
            contact: field(value, "contact")?,
            previous: field(value, "previous")?,
            next: field(value, "next")?,
        })
    }
}

impl FromJson for Image {
    fn from_json(value: &JsValue) -> Option<Self> {
        Some(Image { src: field(value, "src")?, alt: field(value, "alt")?, caption: field(value, "caption")?, size: field(value, "size")? })
    }
}

impl FromJson for Translation {
    fn from_json(value: &JsValue) -> Option<Self> {
        Some(Translation { slug: field(value, "slug")?, title: field(value, "title")?, language: field(value, "language")? })
    }
}

impl FromJson for Block {
    fn from_json(value: &JsValue) -> Option<Self> {
        let (kind, content) = variant(value)?;
        Some(match kind.as_str() {
            "paragraph" => Block::Paragraph(FromJson::from_json(&content)?),
            "heading" => Block::Heading { level: field(&content, "level")?, content: field(&content, "content")? },
            "quote" => Block::Quote { content: field(&content, "content")?, attribution: field(&content, "attribution")? },
            "list" => Block::List { ordered: field(&content, "ordered")?, items: field(&content, "items")? },
            "image" => Block::Image(FromJson::from_json(&content)?),
            _ => return None,
        })
    }
}

impl FromJson for Inline {
    fn from_json(value: &JsValue) -> Option<Self> {
        if value.as_string().as_deref() == Some("line_break") {
            return Some(Inline::LineBreak);
        }
        let (kind, content) = variant(value)?;
        Some(match kind.as_str() {
            "text" => Inline::Text(content.as_string()?),
            "code" => Inline::Code(content.as_string()?),
            "emphasis" => Inline::Emphasis(FromJson::from_json(&content)?),
            "strong" => Inline::Strong(FromJson::from_json(&content)?),
            "link" => Inline::Link { href: field(&content, "href")?, content: field(&content, "content")? },
            _ => return None,
        })
    }
}
