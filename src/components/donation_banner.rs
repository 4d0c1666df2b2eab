//! The donation appeal of the campaign running today, if any.
//!
//! Accessibility: a `region` landmark labelled by its h2 (never a second h1), placed in
//! the page's flow after the content, so it never covers anything and is never a modal
//! or a focus trap. The close button has an accessible name; after closing, focus moves
//! to the footer that takes its place and the live region confirms it.
//! Privacy: a dismissal is remembered in localStorage only (no cookies, no requests);
//! where storage is blocked the banner still closes, for this visit (also when the
//! interface is redrawn in another language).

use js_sys::Date;
use leptos::prelude::*;
use newsroom_model::Campaign;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use crate::i18n::use_ui;
use crate::navigation::use_navigation;
use crate::site_data::use_site;

/// How long "close" hides a campaign's appeal.
const DISMISSAL_DAYS: u64 = 14;
const DAY_MS: u64 = 24 * 60 * 60 * 1000;

#[component]
pub fn DonationBanner() -> impl IntoView {
    let campaign = use_site().active_campaign(&today()).filter(|campaign| !memory::hides(&campaign.id)).cloned();
    let closed_now = RwSignal::new(false);
    campaign.map(|campaign| move || (!closed_now.get()).then(|| view! { <Banner campaign=campaign.clone() closed_now /> }))
}

#[component]
fn Banner(campaign: Campaign, closed_now: RwSignal<bool>) -> impl IntoView {
    let navigation = use_navigation();
    let ui = use_ui();
    let close = move |choice: memory::Choice, id: &str| {
        memory::remember(id, choice);
        closed_now.set(true);
        if let Some(footer) = document().get_element_by_id("site-footer").and_then(|footer| footer.dyn_into::<HtmlElement>().ok()) {
            let _ = footer.focus();
        }
        navigation.announcement.set(ui.appeal_closed.to_string());
    };
    let (id_for_close, id_for_gave) = (campaign.id.clone(), campaign.id.clone());
    view! {
        <section class="donation-banner" aria-labelledby="donation-banner-heading">
            <button
                type="button"
                class="donation-banner__close"
                aria-label=ui.close_appeal
                on:click=move |_| close(memory::Choice::NotNow, &id_for_close)
            >
                <span aria-hidden="true">"×"</span>
            </button>
            <h2 id="donation-banner-heading">{campaign.headline}</h2>
            <p>{campaign.text}</p>
            <p class="donation-banner__actions">
                <a class="donation-banner__action" href=campaign.action_url>{campaign.action_label}</a>
                <button type="button" class="donation-banner__gave" on:click=move |_| close(memory::Choice::AlreadyGave, &id_for_gave)>
                    {ui.already_gave}
                </button>
            </p>
            {campaign.tax_note.map(|note| view! { <p class="donation-banner__note">{note}</p> })}
        </section>
    }
}

/// The reader's own calendar day, `YYYY-MM-DD`; in a pre-rendered page, the day it was built.
fn today() -> String {
    if cfg!(feature = "ssr") {
        return use_context::<crate::site_data::Today>().map(|today| today.0).unwrap_or_default();
    }
    let now = Date::new_0();
    format!("{:04}-{:02}-{:02}", now.get_full_year(), now.get_month() + 1, now.get_date())
}

/// What the reader chose, per campaign, kept in this browser only.
mod memory {
    use super::{DAY_MS, DISMISSAL_DAYS};
    use js_sys::Date;
    use leptos::prelude::window;
    use std::cell::RefCell;
    use web_sys::Storage;

    thread_local! {
        /// Campaigns closed in this visit: what storage would hold, where it is blocked.
        static CLOSED_THIS_VISIT: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    }

    pub enum Choice {
        /// Hidden for 14 days.
        NotNow,
        /// Hidden for the rest of the campaign.
        AlreadyGave,
    }

    const GAVE: &str = "gave";
    const CLOSED_AT: &str = "closed-at:";

    fn key(campaign_id: &str) -> String {
        format!("newsroom.donation-banner.{campaign_id}")
    }

    /// `None` where the reader's browser blocks storage (reading it can itself throw),
    /// and outside the browser.
    fn storage() -> Option<Storage> {
        if cfg!(feature = "ssr") {
            return None;
        }
        window().local_storage().ok().flatten()
    }

    pub fn hides(campaign_id: &str) -> bool {
        if CLOSED_THIS_VISIT.with_borrow(|closed| closed.iter().any(|id| id == campaign_id)) {
            return true;
        }
        let Some(value) = storage().and_then(|storage| storage.get_item(&key(campaign_id)).ok().flatten()) else {
            return false;
        };
        if value == GAVE {
            return true;
        }
        value
            .strip_prefix(CLOSED_AT)
            .and_then(|millis| millis.parse::<u64>().ok())
            .is_some_and(|closed_at| now_ms().saturating_sub(closed_at) < DISMISSAL_DAYS * DAY_MS)
    }

    /// Whole milliseconds: integers keep float formatting and parsing out of the bundle.
    fn now_ms() -> u64 {
        Date::now() as u64
    }

    pub fn remember(campaign_id: &str, choice: Choice) {
        CLOSED_THIS_VISIT.with_borrow_mut(|closed| closed.push(campaign_id.to_string()));
        let value = match choice {
            Choice::NotNow => format!("{CLOSED_AT}{}", now_ms()),
            Choice::AlreadyGave => GAVE.to_string(),
        };
        if let Some(storage) = storage() {
            let _ = storage.set_item(&key(campaign_id), &value);
        }
    }
}
