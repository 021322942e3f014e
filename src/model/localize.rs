//! One edition's statistics: the data model with every text in the edition's language.
//!
//! Data files are written in the site's first language and carry translations in `en:`
//! mappings (see the README, "Translating statistics"). [`localize`] returns a copy of the
//! data whose texts are the translations; a text without one keeps the original, and is
//! recorded in [`Fallbacks`] so that the page can mark it (`<span lang="vi">…</span>`) and
//! `gazette check` can warn, once per item, naming the missing fields.

use std::collections::BTreeMap;

use crate::error::{Error, ErrorKind, Location};
use crate::geo::{Unit, type_in_english};
use crate::locale::Lang;
use crate::model::data::{Data, IndicatorEntry, ProgrammeEntry};

/// An item of the data whose texts may be translated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TextOf {
    /// An indicator (index into `Data::indicators`).
    Indicator(usize),
    /// A geo unit (index into the geography).
    Unit(usize),
    /// A theme (index into `Data::themes`).
    Theme(usize),
    /// A programme (index into `Data::programmes`).
    Programme(usize),
    /// A target: (programme index, target index).
    Target(usize, usize),
}

/// The texts of an edition shown in the site's first language, for want of a translation.
///
/// Fields are named as in the data files: `title`, `scope.label`,
/// `disaggregations.age.name`, `disaggregations.age.values.0-2.name`,
/// `revisions.2025-03-01.note`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fallbacks {
    /// The language the fallen-back texts are in (the site's first language).
    pub lang: Lang,
    items: BTreeMap<TextOf, Vec<String>>,
}

impl Fallbacks {
    /// No text fell back (the data in its own language `lang`).
    pub fn none(lang: Lang) -> Fallbacks {
        Fallbacks { lang, items: BTreeMap::new() }
    }

    /// `Some(lang)` when `field` of `item` is shown in `lang` (the site's first language)
    /// instead of the edition's: the page wraps it in `<span lang="vi">`.
    pub fn lang_of(&self, item: TextOf, field: &str) -> Option<Lang> {
        self.items.get(&item).filter(|f| f.iter().any(|x| x == field)).map(|_| self.lang)
    }

    /// The BCP 47 code to put in a `lang` attribute around `field` of `item`, when it fell back.
    pub fn lang_code(&self, item: TextOf, field: &str) -> Option<&'static str> {
        self.lang_of(item, field).map(Lang::code)
    }

    /// The fields of `item` that fell back, in the order of its file.
    pub fn fields(&self, item: TextOf) -> &[String] {
        self.items.get(&item).map_or(&[], Vec::as_slice)
    }

    /// The fields of `item` that fell back, each with the code of the language it is shown
    /// in: the `fallback` map of a view, so a template writes
    /// `{% if fallback.title %}<span lang="{{ fallback.title }}">…</span>{% endif %}`.
    pub fn langs(&self, item: TextOf) -> BTreeMap<&str, &'static str> {
        self.fields(item).iter().map(|f| (f.as_str(), self.lang.code())).collect()
    }

    /// Whether every text was translated.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Every item with texts that fell back.
    pub fn items(&self) -> impl Iterator<Item = (TextOf, &[String])> {
        self.items.iter().map(|(k, v)| (*k, v.as_slice()))
    }
}

/// A copy of `data` with every text in `lang`, and a warning per item with missing
/// translations. Texts without a translation keep the site's first language and are listed in
/// the copy's [`Data::fallbacks`]. Linear in the data. With `lang` the data's own language,
/// the copy is unchanged and there are no warnings.
pub fn localize(data: &Data, lang: Lang) -> (Data, Vec<Error>) {
    let mut out = data.clone();
    if lang == data.lang {
        return (out, Vec::new());
    }
    let mut missing = Missing { lang, items: BTreeMap::new() };
    for (i, entry) in out.indicators.iter_mut().enumerate() {
        missing.indicator(TextOf::Indicator(i), entry);
    }
    for (i, unit) in out.geo.units.iter_mut().enumerate() {
        missing.unit(TextOf::Unit(i), unit);
    }
    for (i, theme) in out.themes.iter_mut().enumerate() {
        let en = theme.en.clone().unwrap_or_default();
        let item = TextOf::Theme(i);
        missing.text(item, "name", &mut theme.name, en.name);
        if let Some(description) = &mut theme.description {
            missing.text(item, "description", description, en.description);
        }
    }
    for (p, entry) in out.programmes.iter_mut().enumerate() {
        missing.programme(p, entry);
    }
    let warnings = missing.warnings(&out);
    out.lang = lang;
    out.fallbacks = Fallbacks { lang: data.lang, items: missing.items };
    (out, warnings)
}

/// The data of every edition after the first (`languages` as in site.yaml, the first being
/// the language the data files are written in), with the warnings of all of them: what
/// `gazette check` and the build report, once per item and language.
pub fn editions(data: &Data, languages: &[Lang]) -> (Vec<(Lang, Data)>, Vec<Error>) {
    let mut warnings = Vec::new();
    let editions = languages
        .iter()
        .skip(1)
        .map(|&lang| {
            let (edition, w) = localize(data, lang);
            warnings.extend(w);
            (lang, edition)
        })
        .collect();
    (editions, warnings)
}

/// The fields without a translation, gathered item by item.
struct Missing {
    lang: Lang,
    items: BTreeMap<TextOf, Vec<String>>,
}

impl Missing {
    /// The translation for the edition's language (only English is written in data files).
    fn pick(&self, translation: Option<String>) -> Option<String> {
        translation.filter(|t| self.lang == Lang::En && !t.trim().is_empty())
    }

    /// Replace `text` by its translation, or record `field` as fallen back (an empty text
    /// needs none).
    fn text(&mut self, item: TextOf, field: &str, text: &mut String, translation: Option<String>) {
        match self.pick(translation) {
            Some(t) => *text = t,
            None if text.trim().is_empty() => {}
            None => self.items.entry(item).or_default().push(field.to_string()),
        }
    }

    fn indicator(&mut self, item: TextOf, entry: &mut IndicatorEntry) {
        let ind = &mut entry.indicator;
        let en = std::mem::take(&mut ind.en);
        self.text(item, "title", &mut ind.title, en.title);
        self.text(item, "short_title", &mut ind.short_title, en.short_title);
        if let Some(label) = &mut ind.unit_label {
            self.text(item, "unit_label", label, en.unit_label);
        }
        self.text(item, "description", &mut ind.description, en.description);
        self.text(item, "source", &mut ind.source, en.source);
        self.text(item, "methodology", &mut entry.methodology_html, entry.methodology_html_en.take());
        self.text(item, "notes", &mut entry.notes_html, entry.notes_html_en.take());
        if let Some(t) = self.pick(en.methodology) {
            ind.methodology = t;
        }
        if let Some(t) = self.pick(en.notes) {
            ind.notes = t;
        }
        for dim in &mut ind.dims {
            self.text(item, &format!("disaggregations.{}.name", dim.id), &mut dim.name, dim.name_en.take());
            let names = std::mem::take(&mut dim.values_en);
            for ((id, name), en) in dim.values.iter_mut().zip(names) {
                self.text(item, &format!("disaggregations.{}.values.{id}.name", dim.id), name, en);
            }
        }
        for revision in &mut ind.revisions {
            let field = format!("revisions.{}.note", revision.date.iso());
            self.text(item, &field, &mut revision.note, revision.note_en.take());
        }
    }

    fn unit(&mut self, item: TextOf, unit: &mut Unit) {
        let en = std::mem::take(&mut unit.en);
        // a unit's name is a proper name: kept as written unless an English one is given
        if let Some(name) = self.pick(en.name) {
            unit.name = name;
        }
        if let Some(kind) = self.pick(en.kind).or_else(|| {
            (self.lang == Lang::En).then(|| type_in_english(&unit.kind).map(str::to_string)).flatten()
        }) {
            unit.kind = kind;
            unit.lang = self.lang;
        }
        if let Some(note) = &mut unit.note {
            self.text(item, "note", note, en.note);
        }
    }

    fn programme(&mut self, p: usize, entry: &mut ProgrammeEntry) {
        let item = TextOf::Programme(p);
        let prog = &mut entry.programme;
        let en = std::mem::take(&mut prog.en);
        self.text(item, "title", &mut prog.title, en.title);
        self.text(item, "issuer", &mut prog.issuer, en.issuer);
        self.text(item, "summary", &mut entry.summary_html, entry.summary_html_en.take());
        if let Some(t) = self.pick(en.summary) {
            prog.summary = t;
        }
        for (t, target) in prog.targets.iter_mut().enumerate() {
            let item = TextOf::Target(p, t);
            let en = std::mem::take(&mut target.en);
            self.text(item, "title", &mut target.title, en.title);
            if let Some(label) = &mut target.scope.label {
                self.text(item, "scope.label", label, target.scope.label_en.take());
            }
        }
    }

    /// One warning per item with missing translations, naming its file and fields.
    fn warnings(&self, data: &Data) -> Vec<Error> {
        let language = match self.lang {
            Lang::En => "English",
            Lang::Vi => "Vietnamese",
        };
        self.items
            .iter()
            .map(|(item, fields)| {
                let (what, path) = describe(*item, data);
                let list = fields.iter().map(|f| format!("`{f}`")).collect::<Vec<_>>().join(", ");
                Error::warning(
                    ErrorKind::Reference,
                    format!("{what} has no {language} text for {list}; the page shows the original, marked as such"),
                )
                .at(Location::file(path))
                .help("add the translations under `en:` beside the texts, e.g. en: {title: …}")
            })
            .collect()
    }
}

/// `indicator `ho-ngheo``, and the file it is written in.
fn describe(item: TextOf, data: &Data) -> (String, String) {
    match item {
        TextOf::Indicator(i) => {
            let ind = &data.indicators[i].indicator;
            (format!("the indicator `{}`", ind.id), ind.path.clone())
        }
        TextOf::Unit(u) => (format!("the unit `{}`", data.geo.units[u].id), "content/geo.yaml".to_string()),
        TextOf::Theme(t) => (format!("the theme `{}`", data.themes[t].id), "content/site.yaml".to_string()),
        TextOf::Programme(p) => {
            let prog = &data.programmes[p].programme;
            (format!("the programme `{}`", prog.id), prog.path.clone())
        }
        TextOf::Target(p, t) => {
            let prog = &data.programmes[p].programme;
            (format!("the target `{}`", prog.targets[t].id), prog.path.clone())
        }
    }
}
