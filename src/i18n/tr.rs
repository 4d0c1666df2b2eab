use super::Ui;

// Turkish. Written by the team, not yet reviewed by a native speaker.
pub const UI: Ui = Ui {
    skip_link: "Ana içeriğe geç",
    site_navigation: "Basın odası",
    latest: "En yeni",
    archive: "Arşiv",
    back_to_top: "Başa dön",
    loading: "Yükleniyor…",
    failed_heading: "Bu sayfa yüklenemedi",
    network_failure: "Basın odasına ulaşılamadı. Bağlantınızı kontrol edip yeniden deneyin.",
    server_failure: "Sunucuda bir sorun oluştu (hata {status}). Lütfen biraz sonra yeniden deneyin.",
    damaged_data: "Sayfanın verileri bozuk geldi, bu yüzden gösterilemiyor. Lütfen daha sonra yeniden deneyin.",
    missing_data: "Sayfanın verileri sunucuda yok.",
    retry: "Yeniden dene",
    back_to_latest: "En yeni açıklamalara dön",
    not_found_heading: "Sayfa bulunamadı",
    not_found_text: "Bu adreste bir sayfa yok. Taşınmış olabilir ya da adreste bir yazım hatası olabilir.",
    latest_releases: "En yeni basın açıklamaları",
    all_releases: "Tüm açıklamalar, arşivde",
    tagged: "“{tag}” konulu açıklamalar",
    from_year: "{year} yılı açıklamaları",
    page_of: "{name}, sayfa {page} / {pages}",
    count_newest_first: "{count} açıklama, en yenisi başta.",
    pages_navigation: "Sayfalar",
    newer_releases: "Daha yeni açıklamalar",
    older_releases: "Daha eski açıklamalar",
    releases_by_year: "Yıllara göre açıklamalar",
    press_release: "Basın açıklaması",
    other_languages: "Diğer diller",
    topics: "Konular",
    media_contact: "Basın iletişimi",
    about: "{name} hakkında",
    more_releases: "Diğer açıklamalar",
    related_releases: "İlgili açıklamalar",
    list_feed: "Bu listeyi takip edin: Atom akışı",
    contact_card: "Kişilere kaydet (.vcf)",
    donate: "Bağış yapın",
    newer_release: "Daha yeni açıklama",
    older_release: "Daha eski açıklama",
    unpublished: "Önizleme: taslak ya da ambargolu, yayımlanmadı",
    press_enquiries: "Basın soruları:",
    close_appeal: "Bağış çağrısını kapat",
    already_gave: "Zaten bağış yaptım",
    appeal_closed: "Bağış çağrısı kapatıldı.",
    search: "Ara",
    search_label: "Basın açıklamalarında ara",
    share: "Bu açıklamayı paylaş",
    download_original: "Orijinali indir ({details})",
};

#[cfg(feature = "ssr")]
pub const SEARCH: super::SearchText = super::SearchText {
    needs_script: "Arama tarayıcınızda çalışır ve JavaScript gerektirir; burada kapalı. Tüm açıklamalar yıla ve konuya göre arşivde.",
    searching: "Aranıyor…",
    one_result: "“{query}” ile eşleşen 1 açıklama var.",
    results: "“{query}” ile eşleşen {count} açıklama var.",
    no_results: "“{query}” ile eşleşen açıklama yok. Başka ya da daha az sözcük deneyin.",
    more_results: "Daha fazla sonuç göster",
    search_failed: "Arama yüklenemedi. Bağlantınızı kontrol edip yeniden deneyin.",
};

#[cfg(feature = "ssr")]
pub const SHARE: super::ShareText = super::ShareText {
    needs_script: "Paylaşma JavaScript gerektirir; burada kapalı. Bu açıklamanın adresi tarayıcınızın adres çubuğunda.",
    email: "E-posta",
    new_tab: "(yeni sekmede açılır)",
    link_label: "Bu açıklamanın bağlantısı",
    copy: "Bağlantıyı kopyala",
    copied: "Bağlantı kopyalandı.",
    copy_failed: "Burada kopyalanamadı. Bağlantı seçildi: klavyenizle ya da menüden kopyalayın.",
    device: "Bu cihazdaki bir uygulamayla paylaş",
    device_failed: "Cihazınızın paylaşma menüsü açılamadı.",
    mastodon_label: "Mastodon sunucunuz",
    mastodon_hint: "Örneğin mastodon.social ya da adresiniz @ad@mastodon.social",
    mastodon_share: "Mastodon'da paylaş",
    mastodon_invalid: "mastodon.social gibi bir Mastodon sunucusu girin.",
};

#[cfg(feature = "ssr")]
pub const MEDIA: super::MediaText = super::MediaText {
    title: "Medya arşivi",
    intro: "Açıklamalarımızdaki tüm görseller, en yeniden eskiye, künyesi, lisansı ve indirilebilir orijinal dosyasıyla. Lütfen gösterildiği gibi kaynak belirtin.",
    empty: "Henüz görseli olan bir açıklama yok.",
};
