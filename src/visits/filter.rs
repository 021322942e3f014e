//! Which requests are page views: a successful `GET` of an HTML page by a person's browser.
//!
//! Not counted: crawlers and link previewers (user agents containing one of [`CRAWLER_WORDS`],
//! the words GoAccess's own crawler list is built on, or no user agent at all), the site's
//! own health checks (the path [`HEALTH_PATH`], and user agents of uptime monitors and load
//! balancers), anything that is not a `GET` answered 2xx or 304, and files that are not pages
//! (`.css`, `.js`, `.json`, images, feeds, …).

use super::parse::Hit;

/// The health-check address of the nginx setup `gazette new` writes (never counted).
pub const HEALTH_PATH: &str = "/healthz";

/// Lower-case words whose presence in a user agent marks a crawler, a previewer or a
/// monitor. Plain browsers never contain them (Zalo's and Facebook's in-app browsers, which
/// people read with, are browsers and are counted; their link previewers are not).
pub const CRAWLER_WORDS: [&str; 43] = [
    "bot",
    "crawl",
    "spider",
    "slurp",
    "archiver",
    "facebookexternalhit",
    "facebookcatalog",
    "embedly",
    "preview",
    "whatsapp",
    "telegram",
    "lighthouse",
    "pagespeed",
    "headless",
    "phantomjs",
    "python-requests",
    "python-urllib",
    "aiohttp",
    "httpx",
    "go-http-client",
    "curl/",
    "wget",
    "libwww",
    "java/",
    "okhttp",
    "axios",
    "node-fetch",
    "scrapy",
    "feed",
    "rss",
    "monitor",
    "uptime",
    "pingdom",
    "kube-probe",
    "health",
    "elb-",
    "googlehc",
    "check_http",
    "nagios",
    "zabbix",
    "statuscake",
    "site24x7",
    "goaccess",
];

/// Whether this request is a page view to count.
pub fn is_page_view(hit: &Hit<'_>) -> bool {
    hit.method == "GET"
        && ((200..300).contains(&hit.status) || hit.status == 304)
        && is_page_path(page_path(hit.target))
        && !is_health_check(hit.target)
        && !is_crawler(hit.user_agent)
}

/// Whether the user agent is a crawler, previewer or monitor (or missing).
pub fn is_crawler(user_agent: &str) -> bool {
    let ua = user_agent.trim();
    if ua.is_empty() || ua == "-" {
        return true;
    }
    let lower = ua.to_ascii_lowercase();
    CRAWLER_WORDS.iter().any(|w| lower.contains(w))
}

/// Whether the target is the health-check address.
fn is_health_check(target: &str) -> bool {
    let path = page_path(target);
    path == HEALTH_PATH || path.starts_with("/healthz/")
}

/// The page a target is counted under: without its query or fragment, and with a final
/// `index.html` dropped (`/news/index.html` and `/news/` are one page).
pub fn page_path(target: &str) -> &str {
    let path = target.split(['?', '#']).next().unwrap_or(target);
    match path.strip_suffix("index.html") {
        Some(folder) if folder.ends_with('/') => folder,
        _ => path,
    }
}

/// Whether a path names an HTML page: a folder (`/news/`), an `.html` file, or a last
/// segment without a dot (`/news`, which nginx redirects or answers as a page).
fn is_page_path(path: &str) -> bool {
    let last = path.rsplit('/').next().unwrap_or("");
    path.starts_with('/') && (last.is_empty() || last.ends_with(".html") || !last.contains('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit<'a>(method: &'a str, target: &'a str, status: u16, ua: &'a str) -> Hit<'a> {
        Hit { ip: "192.0.2.1", time: 0, method, target, status, user_agent: ua }
    }

    const FIREFOX: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    #[test]
    fn counts_successful_gets_of_pages_only() {
        assert!(is_page_view(&hit("GET", "/", 200, FIREFOX)));
        assert!(is_page_view(&hit("GET", "/news/a/?utm=1", 200, FIREFOX)));
        assert!(is_page_view(&hit("GET", "/news/a/", 304, FIREFOX)));
        assert!(is_page_view(&hit("GET", "/404.html", 200, FIREFOX)));
        assert!(!is_page_view(&hit("GET", "/khong-co/", 404, FIREFOX)));
        assert!(!is_page_view(&hit("HEAD", "/", 200, FIREFOX)));
        assert!(!is_page_view(&hit("POST", "/", 200, FIREFOX)));
        assert!(!is_page_view(&hit("GET", "/assets/site.css", 200, FIREFOX)));
        assert!(!is_page_view(&hit("GET", "/stats/visits.json", 200, FIREFOX)));
        assert!(!is_page_view(&hit("GET", "/news/301/", 301, FIREFOX)));
    }

    #[test]
    fn does_not_count_crawlers_or_health_checks() {
        for ua in [
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "Mozilla/5.0 (compatible; bingbot/2.0)",
            "facebookexternalhit/1.1",
            "TelegramBot (like TwitterBot)",
            "curl/8.5.0",
            "kube-probe/1.29",
            "Uptime-Kuma/1.23",
            "Mozilla/5.0 HeadlessChrome/120.0",
            "",
            "-",
        ] {
            assert!(!is_page_view(&hit("GET", "/", 200, ua)), "{ua}");
        }
        assert!(!is_page_view(&hit("GET", "/healthz", 200, FIREFOX)));
        assert!(!is_page_view(&hit("GET", "/healthz?probe=1", 200, FIREFOX)));
    }

    #[test]
    fn one_page_has_one_path() {
        assert_eq!(page_path("/news/index.html?x"), "/news/");
        assert_eq!(page_path("/index.html"), "/");
        assert_eq!(page_path("/a/b/#top"), "/a/b/");
        assert_eq!(page_path("/notindex.html"), "/notindex.html");
    }
}
