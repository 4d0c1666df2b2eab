//! Accessibility: a `contentinfo` landmark. It can take focus (`tabindex="-1"`) because
//! it is where focus goes when the donation banner above it is closed. It holds the
//! back-to-top link (fixed on screen, but inside a landmark for screen readers) and
//! the address printed at the end of a page.

use crate::components::contact_details::email_link;
use crate::components::{BackToTop, PrintedAddress};
use crate::i18n::use_ui;
use crate::site_data::use_site;
use leptos::prelude::*;

#[component]
pub fn SiteFooter() -> impl IntoView {
    let site = use_site();
    view! {
        <footer class="site-footer" id="site-footer" tabindex="-1">
            <p class="site-footer__name">{site.name.clone()}</p>
            <p>{site.tagline.clone()}</p>
            {site.contact.email.clone().map(|email| view! {
                <p>{use_ui().press_enquiries} " " {email_link(email)}</p>
            })}
            <BackToTop />
            <PrintedAddress />
        </footer>
    }
}
