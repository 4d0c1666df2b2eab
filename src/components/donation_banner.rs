//! The donation appeal of the campaign running today, if any.
//!
//! Accessibility: a `region` landmark labelled by its h2 (never a second h1), placed in
//! the page's flow after the content, so it never covers anything and is never a modal
//! or a focus trap. The close button has an accessible name; after closing, focus moves
//! to the footer that takes its place and the live region confirms it.
//! Privacy: a dismissal is remembered in localStorage only (no cookies, no requests),
//! as the last day the appeal stays hidden, per campaign: the same kind of value for
//! "close" (14 days, never past the campaign's end) and "I already gave" (its end), so
//! the value does not say which was chosen (a close in the campaign's last 14 days
//! stores the very same day). Every entry that has passed, is unreadable, or belongs
//! to a campaign the site no longer runs is removed when a page is opened, so nothing
//! stays for ever. Where storage is blocked the banner
//! still closes, for this visit (also when the interface is redrawn in another language).

use js_sys::Date;
use leptos::prelude::*;
use newsroom_model::Campaign;

use crate::addresses::is_allowed_link;
use crate::focus::{self, Scroll};
use crate::i18n::use_ui;
use crate::navigation::use_navigation;
use crate::site_data::use_site;

/// How long "close" hides a campaign's appeal, counting the day it was closed.
const DISMISSAL_DAYS: u32 = 14;

#[component]
pub fn DonationBanner() -> impl IntoView {
    let site = use_site();
    let today = today();
    let hidden = memory::hidden_campaigns(&site.campaigns, &today);
    let campaign = site.active_campaign(&today).filter(|campaign| !hidden.contains(&campaign.id)).cloned();
    let closed_now = RwSignal::new(false);
    campaign
        .map(|campaign| move || (!closed_now.get()).then(|| view! { <Banner campaign=campaign.clone() closed_now /> }))
}

#[component]
fn Banner(campaign: Campaign, closed_now: RwSignal<bool>) -> impl IntoView {
    let navigation = use_navigation();
    let ui = use_ui();
    let close = move |choice: memory::Choice, campaign: &Campaign| {
        memory::remember(campaign, choice);
        closed_now.set(true);
        focus::move_to("#site-footer", Scroll::IntoView);
        navigation.announcement.set(ui.appeal_closed.to_string());
    };
    let (for_close, for_gave) = (campaign.clone(), campaign.clone());
    view! {
        <section class="donation-banner" aria-labelledby="donation-banner-heading">
            <button
                type="button"
                class="donation-banner__close"
                aria-label=ui.close_appeal
                on:click=move |_| close(memory::Choice::NotNow, &for_close)
            >
                <span aria-hidden="true">"×"</span>
            </button>
            <h2 id="donation-banner-heading">{campaign.headline}</h2>
            <p>{campaign.text}</p>
            <p class="donation-banner__actions">
                <a class="donation-banner__action" href=is_allowed_link(&campaign.action_url).then_some(campaign.action_url)>{campaign.action_label}</a>
                <button type="button" class="donation-banner__gave" on:click=move |_| close(memory::Choice::AlreadyGave, &for_gave)>
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
    day_of(&Date::new_0())
}

/// `YYYY-MM-DD` of a date in the reader's time zone.
fn day_of(date: &Date) -> String {
    format!("{:04}-{:02}-{:02}", date.get_full_year(), date.get_month() + 1, date.get_date())
}

/// What the reader chose, per campaign, kept in this browser only: the last day
/// (`YYYY-MM-DD`) its appeal stays hidden.
mod memory {
    use super::{day_of, DISMISSAL_DAYS};
    use js_sys::Date;
    use leptos::prelude::window;
    use newsroom_model::Campaign;
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

    const KEY_PREFIX: &str = "newsroom.donation-banner.";

    /// `None` where the reader's browser blocks storage (reading it can itself throw),
    /// and outside the browser.
    fn storage() -> Option<Storage> {
        if cfg!(feature = "ssr") {
            return None;
        }
        window().local_storage().ok().flatten()
    }

    /// The campaigns whose appeal is hidden on `today`. First removes every entry that
    /// has passed, is unreadable, or names none of `campaigns` (or a day after its end).
    pub fn hidden_campaigns(campaigns: &[Campaign], today: &str) -> Vec<String> {
        let mut hidden = CLOSED_THIS_VISIT.with_borrow(Clone::clone);
        let Some(storage) = storage() else { return hidden };
        // Keys first: removing entries while counting through them would skip some.
        let mut keys = Vec::new();
        for index in 0..storage.length().unwrap_or(0) {
            if let Ok(Some(key)) = storage.key(index) {
                keys.push(key);
            }
        }
        for key in keys {
            let Some(id) = key.strip_prefix(KEY_PREFIX) else { continue };
            let last_day = storage.get_item(&key).ok().flatten().unwrap_or_default();
            if is_day(&last_day)
                && today <= last_day.as_str()
                && campaigns.iter().any(|campaign| campaign.id == id && last_day <= campaign.ends)
            {
                hidden.push(id.to_string());
            } else {
                let _ = storage.remove_item(&key);
            }
        }
        hidden
    }

    fn is_day(text: &str) -> bool {
        text.len() == 10
            && text
                .bytes()
                .enumerate()
                .all(|(index, byte)| if index == 4 || index == 7 { byte == b'-' } else { byte.is_ascii_digit() })
    }

    pub fn remember(campaign: &Campaign, choice: Choice) {
        CLOSED_THIS_VISIT.with_borrow_mut(|closed| closed.push(campaign.id.clone()));
        let last_day = match choice {
            Choice::NotNow => {
                let date = Date::new_0();
                date.set_date(date.get_date() + DISMISSAL_DAYS - 1);
                day_of(&date).min(campaign.ends.clone())
            }
            Choice::AlreadyGave => campaign.ends.clone(),
        };
        if let Some(storage) = storage() {
            let _ = storage.set_item(&format!("{KEY_PREFIX}{}", campaign.id), &last_day);
        }
    }
}
