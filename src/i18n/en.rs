use super::Ui;

pub const UI: Ui = Ui {
    skip_link: "Skip to main content",
    site_navigation: "Newsroom",
    latest: "Latest",
    archive: "Archive",
    back_to_top: "Back to top",
    loading: "Loading…",
    failed_heading: "This page could not be loaded",
    network_failure: "The newsroom could not be reached. Check your connection, then try again.",
    server_failure: "The server had a problem (error {status}). Please try again in a moment.",
    damaged_data: "The page's data arrived damaged, so it cannot be shown. Please try again later.",
    missing_data: "The page's data is missing from the server.",
    retry: "Retry",
    back_to_latest: "Back to the latest releases",
    not_found_heading: "Page not found",
    not_found_text: "There is no page at this address. It may have moved, or the address may have a typing mistake.",
    latest_releases: "Latest releases",
    all_releases: "All releases, in the archive",
    tagged: "Releases tagged “{tag}”",
    from_year: "Releases from {year}",
    page_of: "{name}, page {page} of {pages}",
    count_newest_first: "{count} releases, newest first.",
    pages_navigation: "Pages",
    newer_releases: "Newer releases",
    older_releases: "Older releases",
    releases_by_year: "Releases by year",
    press_release: "Press release",
    other_languages: "Other languages",
    topics: "Topics",
    media_contact: "Media contact",
    about: "About {name}",
    more_releases: "More releases",
    related_releases: "Related releases",
    list_feed: "Follow this list: Atom feed",
    contact_card: "Save to contacts (.vcf)",
    donate: "Donate",
    newer_release: "Newer release",
    older_release: "Older release",
    unpublished: "Preview: draft or embargoed, not published",
    press_enquiries: "Press enquiries:",
    close_appeal: "Close the donation appeal",
    already_gave: "I already gave",
    appeal_closed: "Donation appeal closed.",
    search: "Search",
    search_label: "Search the press releases",
    share: "Share this release",
    download_original: "Download the original ({details})",
};

#[cfg(feature = "ssr")]
pub const SEARCH: super::SearchText = super::SearchText {
    needs_script: "Search runs in your browser and needs JavaScript, which is off here. Every release is in the archive, by year and by topic.",
    searching: "Searching…",
    one_result: "1 release matches “{query}”.",
    results: "{count} releases match “{query}”.",
    no_results: "No release matches “{query}”. Try other or fewer words.",
    more_results: "Show more results",
    search_failed: "Search could not be loaded. Check your connection, then try again.",
};

#[cfg(feature = "ssr")]
pub const SHARE: super::ShareText = super::ShareText {
    needs_script:
        "Sharing needs JavaScript, which is off here. The address of this release is in your browser's address bar.",
    email: "Email",
    new_tab: "(opens in a new tab)",
    link_label: "Link to this release",
    copy: "Copy link",
    copied: "Link copied.",
    copy_failed: "Copying did not work here. The link is selected: copy it with your keyboard or the menu.",
    device: "Share with an app on this device",
    device_failed: "Your device's share menu could not be opened.",
    mastodon_label: "Your Mastodon server",
    mastodon_hint: "For example mastodon.social, or your address @name@mastodon.social",
    mastodon_share: "Share on Mastodon",
    mastodon_invalid: "Enter a Mastodon server, such as mastodon.social.",
};

#[cfg(feature = "ssr")]
pub const MEDIA: super::MediaText = super::MediaText {
    title: "Media library",
    intro: "Every image in our releases, newest first, with its credit and licence and its original file to download. Please credit as shown.",
    empty: "No release has an image yet.",
};
