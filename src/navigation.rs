//! Client-side navigation over the History API: which page is shown, and what a reader
//! of any kind should notice when it changes (title, focus, announcement, scroll).
//! Hand-written rather than leptos_router: the router alone would spend most of the
//! 100 KB budget, and a newsroom has five kinds of page.

use leptos::prelude::*;
use newsroom_model::Route;
// What following links and history needs: the browser's half.
#[cfg(not(feature = "ssr"))]
use {
    crate::api,
    leptos::ev,
    wasm_bindgen::{closure::Closure, JsCast, JsValue},
    web_sys::{Element, Event, HtmlAnchorElement, MouseEvent, ScrollRestoration},
};

use crate::focus::{self, Scroll};

/// How the reader arrived at the page being shown, which decides where it scrolls to
/// and whether focus moves.
#[derive(Clone, Debug)]
#[cfg_attr(feature = "ssr", expect(dead_code, reason = "a pre-rendered page is arrived at in the browser only"))]
enum Arrival {
    /// The first page of this visit (or a reload): the browser's own behaviour.
    Opened { scroll_y: Option<f64> },
    /// A link: to the top, or to the `#fragment`.
    Followed { fragment: Option<String> },
    /// Back or forward: to where the reader was on that page.
    Traversed { scroll_y: f64 },
    /// The page loaded after Retry: focus moves, the scroll stays.
    Retried,
}

#[derive(Clone, Copy)]
pub struct Navigation {
    pub route: RwSignal<Route>,
    /// The current page's own title, without the site name.
    pub page_title: RwSignal<String>,
    /// The language of what the page shows, which its interface speaks too.
    pub language: RwSignal<String>,
    /// Read out by the polite live region.
    pub announcement: RwSignal<String>,
    arrival: StoredValue<Option<Arrival>>,
    /// The path in the address bar, to tell a move to another page from a `#fragment`.
    #[cfg_attr(feature = "ssr", expect(dead_code, reason = "pre-rendering has no address bar"))]
    current_path: StoredValue<String>,
}

thread_local! {
    /// The path the site is deployed under: `/` or `/some/path/`.
    static BASE_PATH: std::cell::RefCell<String> = std::cell::RefCell::new("/".to_string());
}

/// Navigation for a page rendered outside the browser: the route is fixed.
#[cfg(feature = "ssr")]
pub fn for_page(route: Route, base_path: &str, language: &str) -> Navigation {
    BASE_PATH.with_borrow_mut(|base| *base = base_path.to_string());
    let path = format!("{base_path}{}", route.path());
    Navigation::provide(route, language.to_string(), None, path)
}

impl Navigation {
    /// The one way a `Navigation` is made, in the browser and in pre-rendering alike;
    /// every component finds it in the context.
    fn provide(route: Route, language: String, arrival: Option<Arrival>, current_path: String) -> Navigation {
        let navigation = Navigation {
            route: RwSignal::new(route),
            page_title: RwSignal::new(String::new()),
            language: RwSignal::new(language),
            announcement: RwSignal::new(String::new()),
            arrival: StoredValue::new(arrival),
            current_path: StoredValue::new(current_path),
        };
        provide_context(navigation);
        navigation
    }
}

/// Reads the route from the address bar and starts following links and history.
#[cfg(not(feature = "ssr"))]
pub fn start() -> Navigation {
    if let Ok(history) = window().history() {
        let _ = history.set_scroll_restoration(ScrollRestoration::Manual);
    }
    let base = document().base_uri().ok().flatten().unwrap_or_default();
    let base_path = web_sys::Url::new(&base).map(|url| url.pathname()).unwrap_or_else(|_| "/".into());
    BASE_PATH.with_borrow_mut(|base| *base = base_path);
    let path = window().location().pathname().unwrap_or_default();
    let route = route_of(&path);
    let path = show_canonical_address(&route, path);
    // A pre-rendered page says its language; the app starts speaking it.
    let language =
        document().document_element().map(|html| html.get_attribute("lang").unwrap_or_default()).unwrap_or_default();
    let scroll_in_entry = saved_scroll(&history_state());
    SCROLL_IN_ENTRY.set(scroll_in_entry.unwrap_or(0.0));
    let arrival = Arrival::Opened { scroll_y: scroll_in_entry };
    let navigation = Navigation::provide(route, language, Some(arrival), path);

    // The app lives as long as the page, so these listeners are never removed.
    let _ = window_event_listener(ev::click, move |event| navigation.follow_link(&event));
    let _ = window_event_listener(ev::popstate, move |event| navigation.traverse(&event.state()));
    let _ = window_event_listener(ev::pagehide, |_| remember_scroll());
    prefetch_where_links_lead();
    let save_pending = StoredValue::new(false);
    let _ = window_event_listener(ev::scroll, move |_| {
        // At most a few saves a second: browsers throttle pages that call replaceState often.
        if !save_pending.get_value() {
            save_pending.set_value(true);
            set_timeout(
                move || {
                    save_pending.set_value(false);
                    remember_scroll();
                },
                SCROLL_SAVE_DELAY,
            );
        }
    });
    navigation
}

pub fn use_navigation() -> Navigation {
    // Not `expect_context`, whose message formats the type's name with `{:?}`: that
    // brings Rust's escaping of debug strings into the WASM.
    use_context().expect("the app's root provides Navigation to every component")
}

/// The address of a route, for `href`, wherever the site is deployed.
pub fn href(route: &Route) -> String {
    file_href(&route.path())
}

/// A link to a file of the site, such as a feed: `path` is relative to where it is deployed.
pub fn file_href(path: &str) -> String {
    format!("{}{path}", base_path())
}

/// A link to an element of the page being shown, for readers without script. Written
/// out in full because a bare `#id` resolves against `<base href>`: the home page.
pub fn fragment_href(id: &'static str) -> impl Fn() -> String + Send + Sync + Copy {
    let navigation = use_navigation();
    move || format!("{}#{id}", href(&navigation.route.get()))
}

impl Navigation {
    /// Called by each page once its content (or its error) is on screen, with its
    /// title and, when it knows it, its language.
    pub fn page_ready(&self, title: String, language: Option<String>) {
        self.page_title.set(title.clone());
        if let Some(language) = language.filter(|language| *language != self.language.get_untracked()) {
            self.language.set(language);
        }
        let Some(arrival) = self.arrival.try_update_value(Option::take).flatten() else { return };
        let announcement = self.announcement;
        // After the frame's DOM changes, before it is painted.
        request_animation_frame(move || match arrival {
            Arrival::Opened { scroll_y } => {
                if let Some(scroll_y) = scroll_y {
                    window().scroll_to_with_x_and_y(0.0, scroll_y);
                }
            }
            Arrival::Followed { fragment } => {
                let target = fragment.and_then(|id| document().get_element_by_id(&id));
                match target {
                    Some(target) => target.scroll_into_view(),
                    None => window().scroll_to_with_x_and_y(0.0, 0.0),
                }
                focus_heading();
                announce(announcement, title);
            }
            Arrival::Traversed { scroll_y } => {
                focus_heading();
                window().scroll_to_with_x_and_y(0.0, scroll_y);
                announce(announcement, title);
            }
            Arrival::Retried => {
                focus_heading();
                announce(announcement, title);
            }
        });
    }

    /// The next `page_ready` comes from a Retry, and focus should follow it.
    pub fn expect_retry(&self) {
        self.arrival.set_value(Some(Arrival::Retried));
    }
}

/// Following links and history: the browser's half.
#[cfg(not(feature = "ssr"))]
impl Navigation {
    fn follow_link(&self, event: &MouseEvent) {
        if event.default_prevented()
            || event.button() != 0
            || event.meta_key()
            || event.ctrl_key()
            || event.shift_key()
            || event.alt_key()
        {
            return;
        }
        let Some((anchor, path)) = link_in_app(event) else { return };
        let location = window().location();
        let fragment = anchor.hash().strip_prefix('#').filter(|id| !id.is_empty()).map(str::to_string);
        if fragment.is_some() && location.pathname().is_ok_and(|current| current == path) {
            // A jump within this page is the browser's job; its new entry holds no position.
            SCROLL_IN_ENTRY.set(f64::NAN);
            return;
        }
        event.prevent_default();
        remember_scroll();
        let url = format!("{path}{}{}", anchor.search(), anchor.hash());
        if let Ok(history) = window().history() {
            let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&url));
        }
        SCROLL_IN_ENTRY.set(0.0);
        self.arrival.set_value(Some(Arrival::Followed { fragment }));
        self.show(path);
    }

    fn traverse(&self, state: &JsValue) {
        let path = window().location().pathname().unwrap_or_default();
        let scroll_in_entry = saved_scroll(state);
        SCROLL_IN_ENTRY.set(scroll_in_entry.unwrap_or(f64::NAN));
        if self.current_path.get_value() == path {
            return; // only the #fragment changed
        }
        let scroll_y = scroll_in_entry.unwrap_or(0.0);
        self.arrival.set_value(Some(Arrival::Traversed { scroll_y }));
        self.show(path);
    }

    fn show(&self, path: String) {
        let route = route_of(&path);
        let path = show_canonical_address(&route, path);
        self.route.set(route);
        self.current_path.set_value(path);
    }
}

/// The link `event` happened on, and its path, if the app shows where it leads: a link
/// of this site, below the path it is deployed under, opening in this tab.
#[cfg(not(feature = "ssr"))]
fn link_in_app(event: &Event) -> Option<(HtmlAnchorElement, String)> {
    let anchor = event
        .target()
        .and_then(|target| target.dyn_into::<Element>().ok())
        .and_then(|element| element.closest("a[href]").ok().flatten())
        .and_then(|element| element.dyn_into::<HtmlAnchorElement>().ok())?;
    let opens_elsewhere = !matches!(anchor.target().as_str(), "" | "_self") || anchor.has_attribute("download");
    let same_site = window().location().origin().is_ok_and(|origin| origin == anchor.origin());
    let path = anchor.pathname();
    // A page's address ends in `/` (or `index.html`); a file (a feed, an image) is the browser's to open.
    let file = path.rsplit('/').next().is_some_and(|name| name.contains('.') && name != "index.html");
    (!opens_elsewhere && !file && same_site && path.starts_with(&base_path())).then_some((anchor, path))
}

/// Loads the data of the page a link leads to as soon as the reader points at it,
/// focuses it or touches it: the click follows 100-300 ms later, and finds the page's
/// data there. One listener on the window for every link, present and future. Not
/// `pointerdown`: for a mouse it comes after the pointer has been over the link already.
#[cfg(not(feature = "ssr"))]
fn prefetch_where_links_lead() {
    let warm = Closure::<dyn Fn(Event)>::new(|event: Event| {
        if let Some((_, path)) = link_in_app(&event) {
            api::prefetch(&route_of(&path));
        }
    });
    for kind in ["mouseover", "focusin", "touchstart"] {
        let _ = window().add_event_listener_with_callback(kind, warm.as_ref().unchecked_ref());
    }
    // The app lives as long as the page: the listener is never removed.
    warm.forget();
}

/// Each page has one address: reached at another one (`index.html`, without the
/// trailing slash, `archive/page/1/`), the address bar is given the canonical one, with
/// the same query and fragment, in place of the current history entry. Returns the path
/// now in the address bar.
#[cfg(not(feature = "ssr"))]
fn show_canonical_address(route: &Route, path: String) -> String {
    let canonical = href(route);
    if *route == Route::NotFound || canonical == path {
        return path;
    }
    let location = window().location();
    let url = canonical.clone() + &location.search().unwrap_or_default() + &location.hash().unwrap_or_default();
    let replaced =
        window().history().and_then(|history| history.replace_state_with_url(&history_state(), "", Some(&url))).is_ok();
    if replaced {
        canonical
    } else {
        path
    }
}

#[cfg(not(feature = "ssr"))]
fn route_of(path: &str) -> Route {
    match path.strip_prefix(&base_path()) {
        Some(relative) => Route::from_path(relative),
        None => Route::NotFound,
    }
}

fn base_path() -> String {
    BASE_PATH.with_borrow(Clone::clone)
}

#[cfg(not(feature = "ssr"))]
fn history_state() -> JsValue {
    window().history().and_then(|history| history.state()).unwrap_or(JsValue::NULL)
}

#[cfg(not(feature = "ssr"))]
const SCROLL_KEY: &str = "scrollY";
#[cfg(not(feature = "ssr"))]
const SCROLL_SAVE_DELAY: std::time::Duration = std::time::Duration::from_millis(200);

#[cfg(not(feature = "ssr"))]
fn saved_scroll(state: &JsValue) -> Option<f64> {
    js_sys::Reflect::get(state, &JsValue::from_str(SCROLL_KEY)).ok().and_then(|value| value.as_f64())
}

#[cfg(not(feature = "ssr"))]
thread_local! {
    /// The scroll position the current history entry holds: 0 for an entry this app
    /// pushed and nothing has saved into (opened at the top, so going back gives 0),
    /// NaN where it is not known (an entry the browser made), so the next save writes.
    static SCROLL_IN_ENTRY: std::cell::Cell<f64> = const { std::cell::Cell::new(0.0) };
}

/// Keeps the scroll position in the current history entry, for back, forward and
/// reload, unless the entry holds it already: `replaceState` took 13 ms of a 60 ms move
/// at 4× CPU slowdown, before every click.
#[cfg(not(feature = "ssr"))]
fn remember_scroll() {
    let scroll_y = window().scroll_y().unwrap_or(0.0);
    if SCROLL_IN_ENTRY.replace(scroll_y) == scroll_y {
        return;
    }
    let state = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&state, &JsValue::from_str(SCROLL_KEY), &JsValue::from_f64(scroll_y));
    if let Ok(history) = window().history() {
        let _ = history.replace_state(&state, "");
    }
}

/// Focus goes to the new page's heading (which has `tabindex="-1"`), so a screen reader
/// starts reading there and the next Tab continues from it. Without scrolling: where the
/// page is scrolled to is the arrival's to decide (the top, the `#fragment`, where the
/// reader was, or where they are after Retry).
fn focus_heading() {
    focus::move_to("main h1", Scroll::Keep);
}

/// Clearing first makes the live region speak even when the text repeats.
fn announce(announcement: RwSignal<String>, text: String) {
    announcement.set(String::new());
    request_animation_frame(move || announcement.set(text));
}
