//! Fetching the JSON the content build wrote: cached, abortable, and every failure a
//! value the page can explain, never a panic.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal, RequestInit, Response};

use crate::json::FromJson;

/// How long a page may wait in silence before it says it is loading: quicker answers
/// would only flash a message.
const QUIET_WAIT: Duration = Duration::from_millis(200);

#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// No answer: offline, DNS, a dropped connection.
    Network,
    /// The host has no such file (or answered with an HTML page instead of JSON).
    NotFound,
    /// The host answered with an error status.
    Server(u16),
    /// The file is there but is not the JSON the app expects.
    Malformed,
}

pub enum Remote<T> {
    Waiting { long: bool },
    Ready(Rc<T>),
    Failed(LoadError),
}

impl<T> Clone for Remote<T> {
    fn clone(&self) -> Self {
        match self {
            Remote::Waiting { long } => Remote::Waiting { long: *long },
            Remote::Ready(value) => Remote::Ready(Rc::clone(value)),
            Remote::Failed(error) => Remote::Failed(error.clone()),
        }
    }
}

/// One JSON file being loaded for a page; dropped with the page, which aborts it.
pub struct Loaded<T: 'static> {
    pub state: RwSignal<Remote<T>, LocalStorage>,
    path: StoredValue<String, LocalStorage>,
    in_flight: StoredValue<Option<AbortController>, LocalStorage>,
}

impl<T> Clone for Loaded<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Loaded<T> {}

/// Starts loading `path` (relative to where the site is deployed) for the current owner.
pub fn load<T: FromJson + 'static>(path: String) -> Loaded<T> {
    let loaded = Loaded {
        state: RwSignal::new_local(Remote::Waiting { long: false }),
        path: StoredValue::new_local(path),
        in_flight: StoredValue::new_local(None),
    };
    loaded.start();
    on_cleanup(move || loaded.abort());
    loaded
}

impl<T: FromJson + 'static> Loaded<T> {
    pub fn retry(&self) {
        self.start();
    }

    fn start(&self) {
        self.abort();
        let Some(path) = self.path.try_get_value() else { return };
        if let Some(json) = CACHE.with_borrow(|cache| cache.get(&path).cloned()) {
            self.state.set(decode(json));
            return;
        }
        self.state.set(Remote::Waiting { long: false });
        let controller = AbortController::new().ok();
        let abort_signal = controller.as_ref().map(AbortController::signal);
        self.in_flight.set_value(controller);

        let state = self.state;
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
                    CACHE.with_borrow_mut(|cache| cache.insert(path, json.clone()));
                    decode(json)
                }
                Err(Aborted) => return,
                Err(Failed(error)) => Remote::Failed(error),
            };
            state.try_set(remote);
        });
    }
}

impl<T: 'static> Loaded<T> {
    fn abort(&self) {
        if let Some(Some(controller)) = self.in_flight.try_update_value(Option::take) {
            controller.abort();
        }
    }
}

thread_local! {
    /// Parsed JSON by path, so going back to a page shows it at once, without a request.
    static CACHE: RefCell<HashMap<String, JsValue>> = RefCell::new(HashMap::new());
}

fn decode<T: FromJson>(json: JsValue) -> Remote<T> {
    match T::from_json(&json) {
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
    let response = JsFuture::from(window().fetch_with_str_and_init(path, &init)).await.map_err(|error| failure(&error))?;
    let response: Response = response.dyn_into().map_err(|_| Failed(LoadError::Network))?;
    if response.status() == 404 || response.status() == 410 {
        return Err(Failed(LoadError::NotFound));
    }
    if !response.ok() {
        return Err(Failed(LoadError::Server(response.status())));
    }
    // Static hosts answer a missing file with their HTML error or app page.
    let content_type = response.headers().get("content-type").ok().flatten().unwrap_or_default();
    if content_type.contains("text/html") {
        return Err(Failed(LoadError::NotFound));
    }
    let parsing = response.json().map_err(|_| Failed(LoadError::Malformed))?;
    JsFuture::from(parsing).await.map_err(|error| failure(&error))
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
