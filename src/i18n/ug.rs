use super::Ui;

// Uyghur (Arabic script). A draft by the team that must be reviewed by a native
// speaker before real use, as the README says of all the interface translations.
pub const UI: Ui = Ui {
    skip_link: "ئاساسىي مەزمۇنغا ئاتلاش",
    site_navigation: "ئاخبارات بۆلۈمى",
    latest: "ئەڭ يېڭى",
    archive: "ئارخىپ",
    back_to_top: "بېشىغا قايتىش",
    loading: "يۈكلىنىۋاتىدۇ…",
    failed_heading: "بۇ بەتنى يۈكلىگىلى بولمىدى",
    network_failure: "ئاخبارات بۆلۈمىگە ئۇلانغىلى بولمىدى. تورنى تەكشۈرۈپ، قايتا سىناڭ.",
    server_failure: "مۇلازىمېتىردا مەسىلە كۆرۈلدى (خاتالىق {status}). سەل تۇرۇپ قايتا سىناڭ.",
    damaged_data: "بەتنىڭ سانلىق مەلۇماتى بۇزۇلۇپ كەلدى، شۇڭا كۆرسەتكىلى بولمايدۇ. كېيىن قايتا سىناڭ.",
    missing_data: "بەتنىڭ سانلىق مەلۇماتى مۇلازىمېتىردا يوق.",
    retry: "قايتا سىناش",
    back_to_latest: "ئەڭ يېڭى باياناتلارغا قايتىش",
    not_found_heading: "بەت تېپىلمىدى",
    not_found_text: "بۇ ئادرېستا بەت يوق. ئۇ يۆتكەلگەن ياكى ئادرېستا خاتالىق بولۇشى مۇمكىن.",
    latest_releases: "ئەڭ يېڭى باياناتلار",
    all_releases: "بارلىق باياناتلار، ئارخىپتا",
    tagged: "«{tag}» تېمىسىدىكى باياناتلار",
    from_year: "{year}-يىلىدىكى باياناتلار",
    page_of: "{name}، {page}-بەت (جەمئىي {pages})",
    count_newest_first: "{count} بايانات، ئەڭ يېڭىسى ئالدىدا.",
    pages_navigation: "بەتلەر",
    newer_releases: "يېڭىراق باياناتلار",
    older_releases: "كونىراق باياناتلار",
    releases_by_year: "يىللار بويىچە باياناتلار",
    press_release: "ئاخبارات باياناتى",
    other_languages: "باشقا تىللار",
    topics: "تېمىلار",
    media_contact: "ئاخبارات ئالاقىسى",
    about: "{name} ھەققىدە",
    more_releases: "باشقا باياناتلار",
    related_releases: "مۇناسىۋەتلىك باياناتلار",
    list_feed: "بۇ تىزىملىكنى ئەگىشىڭ: Atom ئېقىمى",
    contact_card: "ئالاقىداشلارغا ساقلاش (.vcf)",
    donate: "ئىئانە قىلىڭ",
    newer_release: "يېڭىراق بايانات",
    older_release: "كونىراق بايانات",
    unpublished: "ئالدىن كۆرۈش: لايىھە ياكى چەكلەنگەن، ئېلان قىلىنمىغان",
    press_enquiries: "ئاخبارات سوئاللىرى:",
    close_appeal: "ئىئانە چاقىرىقىنى تاقاش",
    already_gave: "مەن ئىئانە قىلدىم",
    appeal_closed: "ئىئانە چاقىرىقى تاقالدى.",
    search: "ئىزدەش",
    search_label: "باياناتلاردىن ئىزدەش",
    share: "بۇ باياناتنى ھەمبەھرلەش",
    download_original: "ئەسلى ھۆججەتنى چۈشۈرۈش ({details})",
};

#[cfg(feature = "ssr")]
pub const SEARCH: super::SearchText = super::SearchText {
    needs_script: "ئىزدەش توركۆرگۈڭىزدە ئىشلەيدۇ ۋە JavaScript تەلەپ قىلىدۇ، ئۇ بۇ يەردە تاقاق. بارلىق باياناتلار ئارخىپتا، يىل ۋە تېما بويىچە.",
    searching: "ئىزدەۋاتىدۇ…",
    one_result: "«{query}» غا ماس كېلىدىغان 1 بايانات بار.",
    results: "«{query}» غا ماس كېلىدىغان {count} بايانات بار.",
    no_results: "«{query}» غا ماس كېلىدىغان بايانات يوق. باشقا ياكى ئازراق سۆز سىناپ بېقىڭ.",
    more_results: "تېخىمۇ كۆپ نەتىجە كۆرسىتىش",
    search_failed: "ئىزدەشنى يۈكلىگىلى بولمىدى. تورنى تەكشۈرۈپ، قايتا سىناڭ.",
};

#[cfg(feature = "ssr")]
pub const SHARE: super::ShareText = super::ShareText {
    needs_script:
        "ھەمبەھرلەش JavaScript تەلەپ قىلىدۇ، ئۇ بۇ يەردە تاقاق. بۇ باياناتنىڭ ئادرېسى توركۆرگۈڭىزنىڭ ئادرېس بالدىقىدا.",
    email: "ئېلخەت",
    new_tab: "(يېڭى بەتكۈچتە ئېچىلىدۇ)",
    link_label: "بۇ باياناتنىڭ ئۇلانمىسى",
    copy: "ئۇلانمىنى كۆچۈرۈش",
    copied: "ئۇلانما كۆچۈرۈلدى.",
    copy_failed: "بۇ يەردە كۆچۈرگىلى بولمىدى. ئۇلانما تاللاندى: ئۇنى كۇنۇپكا تاختىسى ياكى تىزىملىك ئارقىلىق كۆچۈرۈڭ.",
    device: "بۇ ئۈسكۈنىدىكى ئەپ بىلەن ھەمبەھرلەش",
    device_failed: "ئۈسكۈنىڭىزنىڭ ھەمبەھرلەش تىزىملىكىنى ئاچقىلى بولمىدى.",
    mastodon_label: "Mastodon مۇلازىمېتىرىڭىز",
    mastodon_hint: "مەسىلەن mastodon.social ياكى ئادرېسىڭىز \u{2066}@name@mastodon.social\u{2069}",
    mastodon_share: "Mastodon دا ھەمبەھرلەش",
    mastodon_invalid: "mastodon.social غا ئوخشاش بىر Mastodon مۇلازىمېتىرىنى كىرگۈزۈڭ.",
};

#[cfg(feature = "ssr")]
pub const MEDIA: super::MediaText = super::MediaText {
    title: "مېدىيا ئامبىرى",
    intro: "باياناتلىرىمىزدىكى بارلىق رەسىملەر، يېڭىسى ئالدىدا، ئاپتورى، ئىجازىتى ۋە چۈشۈرگىلى بولىدىغان ئەسلى ھۆججىتى بىلەن. كۆرسىتىلگەندەك مەنبەنى ئەسكەرتىڭ.",
    empty: "تېخى رەسىمى بار بايانات يوق.",
};
