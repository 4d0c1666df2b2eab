//! Accessibility: a `<time>` whose `datetime` machines read and whose text people read,
//! written out in the page's language ("20 November 2026", not "11/20/26").

use js_sys::{Date, Object, Reflect};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

#[component]
pub fn PublishedDate(published: String, day: String, language: String) -> impl IntoView {
    let text = long_date(&day, &language).unwrap_or_else(|| day.clone());
    view! { <time datetime=published>{text}</time> }
}

/// `day` is `YYYY-MM-DD`, the release's own calendar day; formatting it as a UTC
/// midnight keeps a reader in another time zone from seeing the day before.
fn long_date(day: &str, language: &str) -> Option<String> {
    let date = Date::new(&JsValue::from_str(&format!("{day}T00:00:00Z")));
    if date.get_time().is_nan() {
        return None;
    }
    let options = Object::new();
    Reflect::set(&options, &"dateStyle".into(), &"long".into()).ok()?;
    Reflect::set(&options, &"timeZone".into(), &"UTC".into()).ok()?;
    Some(date.to_locale_date_string(language, &options).into())
}
