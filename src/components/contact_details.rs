//! Accessibility: an address block; e-mail and phone are links a phone can act on.

use leptos::prelude::*;
use newsroom_model::Contact;

#[component]
pub fn ContactDetails(contact: Contact) -> impl IntoView {
    let Contact { name, role, email, phone } = contact;
    view! {
        <address class="contact-details">
            <span class="contact-details__name">{name}</span>
            {role.map(|role| view! { <span>{role}</span> })}
            {email.map(|email| view! { <a href=format!("mailto:{email}")>{email.clone()}</a> })}
            {phone.map(|phone| view! { <a href=format!("tel:{}", phone.replace(' ', ""))>{phone.clone()}</a> })}
        </address>
    }
}
