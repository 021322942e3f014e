//! `admin/index.html`: the page that loads Decap CMS from the site itself, pinned by its
//! integrity hash, or says how to fetch the script when the site does not hold it.

use super::{DECAP_VERSION, SCRIPT_FILE, SCRIPT_INTEGRITY};
use crate::config::Config;
use crate::escape::escape_markup;

/// Refuses to save a picture without its text alternative, as `gazette check` would.
const PRE_SAVE: &str = r#"<script>
window.CMS && window.CMS.registerEventListener({
  name: "preSave",
  handler: function (event) {
    var data = event.entry.get("data");
    if (data.get("image") && !String(data.get("image_alt") || "").trim()) {
      throw new Error("Ảnh cần có mô tả (image_alt) / a picture needs its description (image_alt)");
    }
    return data;
  }
});
</script>
"#;

/// The editor page of a site; `script_found`: `static/admin/decap-cms.js` is there.
pub(super) fn admin_page(config: &Config, script_found: bool) -> String {
    let lang = config.lang.code();
    let title = escape_markup(&config.title);
    let mut html = format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"robots\" content=\"noindex\">\n<title>Biên tập nội dung – {title}</title>\n\
         <link href=\"config.yml\" type=\"text/yaml\" rel=\"cms-config-url\">\n</head>\n<body>\n"
    );
    let script = match &config.editing.script {
        Some((src, integrity)) => Some((escape_markup(src), escape_markup(integrity))),
        None if script_found => Some(("decap-cms.js".to_string(), SCRIPT_INTEGRITY.to_string())),
        None => None,
    };
    match script {
        Some((src, integrity)) => {
            html.push_str(
                "<noscript><p>Trình biên tập cần JavaScript. / The editor needs JavaScript.</p></noscript>\n",
            );
            html.push_str(&format!(
                "<script src=\"{src}\" integrity=\"{integrity}\" crossorigin=\"anonymous\"></script>\n"
            ));
            html.push_str(PRE_SAVE);
        }
        None => html.push_str(&missing_script()),
    }
    html.push_str("</body>\n</html>\n");
    html
}

/// What the page says when the site does not hold the script.
fn missing_script() -> String {
    format!(
        "<main>\n<h1>Chưa có trình biên tập</h1>\n\
         <p>Trang này cần tệp <code>static/{SCRIPT_FILE}</code> (Decap CMS {DECAP_VERSION}). \
         Chạy trong thư mục của trang:</p>\n\
         <pre><code>npm pack decap-cms@{DECAP_VERSION}\n\
         tar -xzf decap-cms-{DECAP_VERSION}.tgz --wildcards 'package/dist/*decap-cms.js' 'package/dist/*.wasm'\n\
         mkdir -p static/admin &amp;&amp; mv package/dist/* static/admin/</code></pre>\n\
         <p lang=\"en\">The editor needs <code>static/{SCRIPT_FILE}</code> (Decap CMS {DECAP_VERSION}). \
         Run the commands above in the site folder, or see the README section “Editing in the browser”.</p>\n\
         </main>\n"
    )
}
