//! JSON in the browser: parsed by the browser's own `JSON.parse` (no parser in the
//! WASM), read into the content model by `newsroom_model::json` through `Js`, a view
//! of a parsed value. A newtype because neither the trait nor `JsValue` is this crate's.
//!
//! Size: a release is 10-50 KB of JSON, so text over `MAX_TEXT` (2 MiB, in UTF-16
//! units as the browser counts) is damaged data, refused before parsing; so is a reply
//! whose Content-Length says as much (see `api`).

use js_sys::{Array, JsString, Object, Reflect};
pub use newsroom_model::json::FromJson;
use newsroom_model::json::{self, JsonValue};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

/// The most JSON text the app parses: 40 times the largest release we have.
pub const MAX_TEXT: u32 = 2 * 1024 * 1024;

#[wasm_bindgen]
extern "C" {
    /// `JSON.parse` on the browser's string as it is, without copying it into the WASM.
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn parse_text(text: &JsString) -> Result<JsValue, JsValue>;
}

/// `text` parsed, if it is a string of at most `MAX_TEXT` units of valid JSON.
pub fn parse(text: &JsValue) -> Option<JsValue> {
    let text = text.dyn_ref::<JsString>().filter(|text| text.length() <= MAX_TEXT)?;
    parse_text(text).ok()
}

/// The model value `value` holds, or `None` if it has another shape or nests too deep.
pub fn read<T: FromJson>(value: &JsValue) -> Option<T> {
    json::read(&Js(value.clone()))
}

struct Js(JsValue);

impl JsonValue for Js {
    fn string(&self) -> Option<String> {
        self.0.as_string()
    }

    fn number(&self) -> Option<f64> {
        self.0.as_f64()
    }

    fn boolean(&self) -> Option<bool> {
        self.0.as_bool()
    }

    fn is_null(&self) -> bool {
        self.0.is_null() || self.0.is_undefined()
    }

    fn array_length(&self) -> Option<u32> {
        self.0.dyn_ref::<Array>().map(Array::length)
    }

    fn array_item(&self, index: u32) -> Self {
        Js(self.0.unchecked_ref::<Array>().get(index))
    }

    fn field(&self, name: &str) -> Option<Self> {
        if !self.0.is_object() {
            return None;
        }
        Reflect::get(&self.0, &JsValue::from_str(name)).ok().map(Js)
    }

    fn single_entry(&self) -> Option<(String, Self)> {
        let object = self.0.dyn_ref::<Object>()?;
        let keys = Object::keys(object);
        if keys.length() != 1 {
            return None;
        }
        let key = keys.get(0).as_string()?;
        let value = Reflect::get(&self.0, &JsValue::from_str(&key)).ok()?;
        Some((key, Js(value)))
    }
}
