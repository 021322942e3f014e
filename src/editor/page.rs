//! `admin/index.html`: the page that loads Decap CMS from the site itself, pinned by its
//! integrity hash, or says how to fetch the script when the site does not hold it.

use super::{DECAP_VERSION, SCRIPT_FILE, SCRIPT_INTEGRITY};
use crate::config::Config;
use crate::escape::escape_markup;

/// The `gazette-years` widget: a compact series' values by year as a table of year and figure,
/// one row each (what `fields` gives the `values:` maps of `series:`).
const YEARS_WIDGET: &str = r#"<script>
(function () {
  if (!window.CMS || !window.createClass || !window.h) return;
  var h = window.h;
  function rowsOf(value) {
    var o = value && value.toJS ? value.toJS() : (value || {});
    return Object.keys(o).sort(function (a, b) { return a - b; }).map(function (k) {
      return { year: k, value: o[k] === null || o[k] === undefined ? "" : String(o[k]) };
    });
  }
  var Years = window.createClass({
    getInitialState: function () { return { rows: rowsOf(this.props.value) }; },
    update: function (rows) {
      this.setState({ rows: rows });
      var out = {};
      rows.forEach(function (r) {
        var year = String(r.year).trim();
        if (/^[0-9]{1,6}$/.test(year)) out[year] = r.value.trim() === "" ? null : Number(r.value.replace(",", "."));
      });
      this.props.onChange(out);
    },
    cell: function (i, key, label) {
      var self = this;
      return h("td", {}, h("input", {
        type: "text", inputMode: "decimal", value: this.state.rows[i][key], "aria-label": label,
        onChange: function (e) {
          var rows = self.state.rows.slice();
          rows[i] = Object.assign({}, rows[i]);
          rows[i][key] = e.target.value;
          self.update(rows);
        }
      }));
    },
    render: function () {
      var self = this;
      var rows = this.state.rows.map(function (r, i) {
        return h("tr", { key: i }, self.cell(i, "year", "Năm"), self.cell(i, "value", "Giá trị năm " + r.year),
          h("td", {}, h("button", { type: "button", onClick: function () {
            self.update(self.state.rows.filter(function (_, j) { return j !== i; }));
          } }, "Xóa")));
      });
      var last = this.state.rows.length ? Number(this.state.rows[this.state.rows.length - 1].year) : NaN;
      return h("div", { className: this.props.classNameWrapper, id: this.props.forID },
        h("table", {}, h("thead", {}, h("tr", {}, h("th", {}, "Năm"), h("th", {}, "Giá trị"), h("th", {}, ""))),
          h("tbody", {}, rows)),
        h("button", { type: "button", onClick: function () {
          self.update(self.state.rows.concat([{ year: isNaN(last) ? "" : String(last + 1), value: "" }]));
        } }, "Thêm năm"));
    }
  });
  window.CMS.registerWidget("gazette-years", Years);
})();
</script>
"#;

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
            html.push_str(YEARS_WIDGET);
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
