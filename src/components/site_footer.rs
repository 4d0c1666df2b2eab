//! Accessibility: a `contentinfo` landmark. It can take focus (`tabindex="-1"`) because
//! it is where focus goes when the donation banner above it is closed.

use leptos::prelude::*;
use crate::site_data::use_site;

#[component]
pub fn SiteFooter() -> impl IntoView {
    let site = use_site();
    view! {
        <footer class="site-footer" id="site-footer" tabindex="-1">
            <p class="site-footer__name">{site.name.clone()}</p>
            <p>{site.tagline.clone()}</p>
            {site.contact.email.clone().map(|email| view! {
                <p>"Press enquiries: " <a href=format!("mailto:{email}")>{email.clone()}</a></p>
            })}
        </footer>
    }
}
