//! Accessibility: an address block; e-mail and phone are links a phone can act on,
//! when they are a plain address and number (`is_plain_email`, `is_plain_phone`):
//! otherwise text, so data cannot add recipients or dial codes.

use leptos::prelude::*;
use newsroom_model::{is_plain_email, is_plain_phone, Contact};

#[component]
pub fn ContactDetails(contact: Contact) -> impl IntoView {
    let Contact { name, role, email, phone } = contact;
    view! {
        <address class="contact-details">
            <span class="contact-details__name">{name}</span>
            {role.map(|role| view! { <span>{role}</span> })}
            {email.map(email_link)}
            {phone.map(|phone| link_if(is_plain_phone(&phone).then(|| format!("tel:{}", phone.replace(' ', ""))), phone))}
        </address>
    }
}

/// A `mailto:` link to a plain address; any other text as text.
pub fn email_link(email: String) -> impl IntoView {
    link_if(is_plain_email(&email).then(|| format!("mailto:{email}")), email)
}

/// One view for both kinds of link, so the app carries its code once. Without `href`,
/// an `<a>` is no link, only its text (HTML's placeholder for a link).
fn link_if(href: Option<String>, text: String) -> impl IntoView {
    view! { <a href=href>{text}</a> }
}
