//! Moving keyboard focus for the reader. Focus goes where the reader's attention should
//! be after something the page did in their place (a navigation, a skip, a jump to the
//! top, closing the appeal): a screen reader starts reading there, and the next Tab
//! continues from there instead of from an element that is gone or far away. Targets
//! that are not focusable by nature (`<main>`, headings, the footer) carry
//! `tabindex="-1"`, so script can focus them and Tab still passes them by.

use leptos::prelude::document;
use wasm_bindgen::JsCast;
use web_sys::{FocusOptions, HtmlElement};

/// Whether the page scrolls to the element that takes focus.
pub enum Scroll {
    /// The browser brings the element into view if it is not: the reader asked to go there.
    IntoView,
    /// The page stays where it is: the caller has put the scroll where it belongs (a
    /// restored position, a `#fragment`) or is scrolling smoothly itself, which a jump to
    /// the element would undo or cut short.
    Keep,
}

/// Focuses the first element matching the CSS `selector`; nothing happens if none does.
pub fn move_to(selector: &str, scroll: Scroll) {
    let target =
        document().query_selector(selector).ok().flatten().and_then(|element| element.dyn_into::<HtmlElement>().ok());
    if let Some(target) = target {
        focus(&target, scroll);
    }
}

fn focus(target: &HtmlElement, scroll: Scroll) {
    let options = FocusOptions::new();
    options.set_prevent_scroll(matches!(scroll, Scroll::Keep));
    let _ = target.focus_with_options(&options);
}

/// Focuses the element with this id (one of `element_ids`); nothing happens if none has it.
pub fn move_to_id(id: &str, scroll: Scroll) {
    move_to(&format!("#{id}"), scroll);
}

/// Where keyboard focus is on screen: the middle of the focused element, if an element
/// inside `<body>` has focus.
#[cfg(not(feature = "ssr"))]
pub struct Place {
    x: f64,
    y: f64,
}

#[cfg(not(feature = "ssr"))]
pub fn place_of_focus() -> Option<Place> {
    let focused = document().active_element().filter(|focused| Some(focused) != document().body().as_deref())?;
    let rect = focused.get_bounding_client_rect();
    Some(Place { x: rect.x() + rect.width() / 2.0, y: rect.y() + rect.height() / 2.0 })
}

/// Focuses the focusable element now at `place`, without scrolling: when the app draws
/// the same page again, with the same layout, the reader keeps their place.
#[cfg(not(feature = "ssr"))]
pub fn return_to(place: Place) {
    let target = document()
        .element_from_point(place.x as f32, place.y as f32)
        .and_then(|element| element.closest("a[href], button, [tabindex]").ok().flatten())
        .and_then(|element| element.dyn_into::<HtmlElement>().ok());
    if let Some(target) = target {
        focus(&target, Scroll::Keep);
    }
}
