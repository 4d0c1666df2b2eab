//! Accessibility: a `contentinfo` landmark. It can take focus (`tabindex="-1"`) because
//! it is where focus goes when the donation banner above it is closed.

use leptos::prelude::*;
use newsroom_model::Site;

use crate::api::Loaded;

#[component]
pub fn SiteFooter() -> impl IntoView {
    let site = expect_context::<Loaded<Site>>();
    view! {
        <footer class="site-footer" id="site-footer" tabindex="-1">
            {move || site.ready().map(|site| view! {
                <p class="site-footer__name">{site.name.clone()}</p>
                <p>{site.tagline.clone()}</p>
                {site.contact.email.clone().map(|email| view! {
                    <p>"Press enquiries: " <a href=format!("mailto:{email}")>{email.clone()}</a></p>
                })}
            })}
        </footer>
    }
}
