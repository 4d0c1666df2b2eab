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
//! A campaign may cap the page views of a visit that show its appeal
//! (`views_per_visit`): the views are counted in sessionStorage, which the browser
//! forgets when the tab closes, so a visit is a tab's. Without script (a pre-rendered
//! page) nothing is counted, and the appeal is shown.

use js_sys::Date;
use leptos::prelude::*;
use newsroom_model::Campaign;

use crate::addresses::is_allowed_link;
use crate::element_ids;
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
    let navigation = use_navigation();
    campaign.map(|campaign| {
        move || {
            // With a cap, this runs again on every page shown, and counts it; closing
            // the banner runs it on the same page, which counts once.
            let within_cap = campaign.views_per_visit.is_none_or(|cap| {
                navigation.route.with(|route| memory::count_view(&campaign.id, &route.path())) <= cap
            });
            (!closed_now.get() && within_cap).then(|| view! { <Banner campaign=campaign.clone() closed_now /> })
        }
    })
}

#[component]
fn Banner(campaign: Campaign, closed_now: RwSignal<bool>) -> impl IntoView {
    let navigation = use_navigation();
    let ui = use_ui();
    let close = move |choice: memory::Choice, campaign: &Campaign| {
        memory::remember(campaign, choice);
        closed_now.set(true);
        focus::move_to_id(element_ids::SITE_FOOTER, Scroll::IntoView);
        navigation.announcement.set(ui.appeal_closed.to_string());
    };
    let (for_close, for_gave) = (campaign.clone(), campaign.clone());
    view! {
        <section class="donation-banner" aria-labelledby="donation-banner-heading">
            <button
                type="button"
                class="button donation-banner__close"
                aria-label=ui.close_appeal
                on:click=move |_| close(memory::Choice::NotNow, &for_close)
            >
                <span aria-hidden="true">"×"</span>
            </button>
            <h2 id="donation-banner-heading">{campaign.headline}</h2>
            <p>{campaign.text}</p>
            <p class="donation-banner__actions">
                <a class="button donation-banner__action" href=is_allowed_link(&campaign.action_url).then_some(campaign.action_url)>{campaign.action_label}</a>
                <button type="button" class="button button--secondary" on:click=move |_| close(memory::Choice::AlreadyGave, &for_gave)>
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
        /// The page last counted (none yet: the home page's path is empty), and the views
        /// of this visit where storage is blocked.
        static VIEWS_THIS_VISIT: RefCell<(Option<String>, u32)> = const { RefCell::new((None, 0)) };
    }

    pub enum Choice {
        /// Hidden for 14 days.
        NotNow,
        /// Hidden for the rest of the campaign.
        AlreadyGave,
    }

    const KEY_PREFIX: &str = "newsroom.donation-banner.";
    const VIEWS_KEY_PREFIX: &str = "newsroom.donation-banner-views.";

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

    /// Counts a view of the page at `path` for campaign `id`'s cap and gives the views of
    /// this visit so far, this one included. The same page counted twice in a row is one
    /// view: the interface redrawn in another language shows it again.
    pub fn count_view(id: &str, path: &str) -> u32 {
        let storage = if cfg!(feature = "ssr") { None } else { window().session_storage().ok().flatten() };
        let key = format!("{VIEWS_KEY_PREFIX}{id}");
        let stored = storage.as_ref().and_then(|storage| storage.get_item(&key).ok().flatten());
        let views = VIEWS_THIS_VISIT.with_borrow_mut(|(last_path, views)| {
            let counted = stored.and_then(|stored| stored.parse().ok()).unwrap_or(*views);
            *views = if last_path.as_deref() == Some(path) { counted.max(1) } else { counted.saturating_add(1) };
            *last_path = Some(path.to_string());
            *views
        });
        if let Some(storage) = storage {
            let _ = storage.set_item(&key, &views.to_string());
        }
        views
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

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use newsroom_model::Route;

    use super::*;
    use crate::components::examples::{render, render_page, render_with, site, DAY_WITHOUT_APPEAL, WINTER_APPEAL_DAY};
    use crate::components::markup::Markup;

    const WINTER_HEADLINE: &str = "Stand with families searching for their relatives";

    fn banner(language: &str) -> Markup {
        Markup::of(&render(Route::Home, language, || view! { <DonationBanner /> }))
    }

    #[test]
    fn the_appeal_of_the_campaign_running_that_day_is_a_region_named_by_its_h2() {
        let page = banner("en");
        let region = page.one("region", WINTER_HEADLINE);
        let inside = page.within(region);
        assert_eq!(inside.one("heading", WINTER_HEADLINE).tag, "h2");
        assert!(inside.tags("h1").is_empty(), "never a second h1: {}", page.html());
        assert!(!page.html().contains("Help us keep the record"), "the spring appeal does not run yet");
    }

    #[test]
    fn no_appeal_is_shown_on_a_day_no_campaign_runs() {
        let html = render_with(site(), DAY_WITHOUT_APPEAL, Route::Home, "en", || view! { <DonationBanner /> });
        assert_eq!(html.trim(), "");
    }

    #[test]
    fn it_is_never_a_modal_dialog() {
        let page = banner("en");
        assert!(page.all("dialog").is_empty() && page.all("alertdialog").is_empty());
        assert!(!page.html().contains("aria-modal"), "{}", page.html());
    }

    #[test]
    fn its_buttons_are_named_in_the_page_language_and_the_close_sign_is_not_read() {
        let page = banner("en");
        let close = page.one("button", "Close the donation appeal");
        assert_eq!(close.attribute("type"), Some("button"));
        assert_eq!(page.within(close).tags("span")[0].attribute("aria-hidden"), Some("true"));
        assert_eq!(page.one("button", "I already gave").attribute("type"), Some("button"));

        let page = banner("ug");
        page.one("button", "ئىئانە چاقىرىقىنى تاقاش");
        page.one("button", "مەن ئىئانە قىلدىم");
    }

    #[test]
    fn it_stands_after_the_content_and_before_the_footer_that_takes_focus_when_it_closes() {
        let page = Markup::of(&render_page(Route::NotFound, None, "en"));
        let (main, region, footer) = (page.only("main"), page.one("region", WINTER_HEADLINE), page.only("contentinfo"));
        assert!(main.precedes(region) && region.precedes(footer), "{}", page.html());
        assert_eq!(footer.attribute("id"), Some("site-footer"));
        assert_eq!(footer.attribute("tabindex"), Some("-1"));
    }

    #[test]
    fn the_action_is_a_link_only_to_an_allowed_address() {
        assert_eq!(banner("en").one("link", "Donate").attribute("href"), Some("https://example.org/donate"));

        let mut site = site();
        site.campaigns[0].action_url = "javascript:alert(1)".to_string();
        let page =
            Markup::of(&render_with(site, WINTER_APPEAL_DAY, Route::Home, "en", || view! { <DonationBanner /> }));
        assert!(!page.has("link", "Donate"), "{}", page.html());
        assert!(page.only("region").text.contains("Donate"));
        assert!(!page.html().contains("javascript:"));
    }
}
