//! Fetching in the browser: cached, abortable, and every failure a value the page can
//! explain, never a panic. Only data that decoded is cached, so after a damaged reply
//! Retry asks the host again; a reply over 2 MiB (`json::MAX_TEXT`; releases are
//! 10-50 KB) is damaged data, refused by its Content-Length or its length before
//! it is parsed.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal, RequestInit, Response};

use super::{LoadError, Loaded, Remote};
use crate::json::{self, FromJson};

/// How long a page may wait in silence before it says it is loading: quicker answers
/// would only flash a message.
const QUIET_WAIT: Duration = Duration::from_millis(200);

/// Shows the cached JSON at once, or fetches it, saying so after a quiet moment.
pub(super) fn start<T: FromJson + 'static>(loaded: &Loaded<T>) {
    let Some(path) = loaded.path.try_get_value() else { return };
    if let Some(json) = cached(&path) {
        // Only a page's own embedded data can be cached undecoded: damaged, it is dropped.
        match decode(&json) {
            ready @ Remote::Ready(_) => return loaded.state.set(ready),
            _ => forget(&path),
        }
    }
    loaded.state.set(Remote::Waiting { long: false });
    let controller = AbortController::new().ok();
    let abort_signal = controller.as_ref().map(AbortController::signal);
    loaded.in_flight.set_value(controller);

    let state = loaded.state;
    set_timeout(
        move || {
            if let Some(Remote::Waiting { long: false }) = state.try_get_untracked() {
                state.try_set(Remote::Waiting { long: true });
            }
        },
        QUIET_WAIT,
    );
    spawn_local(async move {
        let outcome = fetch_json(&path, abort_signal.as_ref()).await;
        let remote = match outcome {
            Ok(json) => {
                let remote = decode(&json);
                if let Remote::Ready(_) = remote {
                    keep(path, json);
                }
                remote
            }
            Err(Aborted) => return,
            Err(Failed(error)) => Remote::Failed(error),
        };
        state.try_set(remote);
    });
}

thread_local! {
    /// Parsed JSON by path, so going back to a page shows it at once, without a request.
    /// A list, not a map: a visit reads dozens of files, and a map's code costs more
    /// bytes than searching them does time.
    static CACHE: RefCell<Vec<(String, JsValue)>> = const { RefCell::new(Vec::new()) };
}

fn cached(path: &str) -> Option<JsValue> {
    CACHE.with_borrow(|cache| cache.iter().find(|(cached, _)| cached == path).map(|(_, json)| json.clone()))
}

fn keep(path: String, json: JsValue) {
    CACHE.with_borrow_mut(|cache| cache.push((path, json)));
}

fn forget(path: &str) {
    CACHE.with_borrow_mut(|cache| {
        if let Some(index) = cache.iter().position(|(cached, _)| cached == path) {
            cache.swap_remove(index);
        }
    });
}

/// The id of the `<script type="application/json" data-path="…">` in which a
/// pre-rendered page carries the JSON it was made from.
pub const PAGE_DATA_ELEMENT: &str = "page-data";

/// Takes the JSON a pre-rendered page carries into the cache, so the app renders that
/// page at once, exactly as it was pre-rendered, without fetching it again.
pub fn keep_page_data() {
    let Some(element) = document().get_element_by_id(PAGE_DATA_ELEMENT) else { return };
    let (Some(path), Some(text)) = (element.get_attribute("data-path"), element.text_content()) else { return };
    if let Some(json) = json::parse(&JsValue::from_str(&text)) {
        keep(path, json);
    }
}

fn decode<T: FromJson>(json: &JsValue) -> Remote<T> {
    match json::read(json) {
        Some(value) => Remote::Ready(Rc::new(value)),
        None => Remote::Failed(LoadError::Malformed),
    }
}

enum FetchOutcome {
    Aborted,
    Failed(LoadError),
}
use FetchOutcome::{Aborted, Failed};

async fn fetch_json(path: &str, abort_signal: Option<&AbortSignal>) -> Result<JsValue, FetchOutcome> {
    let init = RequestInit::new();
    init.set_signal(abort_signal);
    let response =
        JsFuture::from(window().fetch_with_str_and_init(path, &init)).await.map_err(|error| failure(&error))?;
    let response: Response = response.dyn_into().map_err(|_| Failed(LoadError::Network))?;
    if response.status() == 404 || response.status() == 410 {
        return Err(Failed(LoadError::NotFound));
    }
    if !response.ok() {
        return Err(Failed(LoadError::Server(response.status())));
    }
    // Static hosts answer a missing file with their HTML error or app page.
    let content_type = response.headers().get("content-type").ok().flatten().unwrap_or_default();
    if content_type.starts_with("text/html") {
        return Err(Failed(LoadError::NotFound));
    }
    let too_long = |length: &str| length.parse::<u32>().map_or(true, |length| length > json::MAX_TEXT);
    if response.headers().get("content-length").ok().flatten().is_some_and(|length| too_long(&length)) {
        return Err(Failed(LoadError::Malformed));
    }
    let reading = response.text().map_err(|_| Failed(LoadError::Malformed))?;
    let text = JsFuture::from(reading).await.map_err(|error| failure(&error))?;
    json::parse(&text).ok_or(Failed(LoadError::Malformed))
}

/// Reads a rejected promise's DOMException or Error by name.
fn failure(error: &JsValue) -> FetchOutcome {
    let name = js_sys::Reflect::get(error, &JsValue::from_str("name")).ok().and_then(|name| name.as_string());
    match name.as_deref() {
        Some("AbortError") => Aborted,
        Some("SyntaxError") => Failed(LoadError::Malformed),
        _ => Failed(LoadError::Network),
    }
}
