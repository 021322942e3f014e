//! The command line: clap types, and the glue that runs a command and reports on it.
//!
//! One file per command (`build.rs`, `check.rs`, `serve.rs`, `new.rs`); this one holds the
//! argument types and the dispatch. Printing happens in this room and nowhere else in the crate,
//! always through `output.rs` (which never panics on a closed or full stream).

mod build;
mod check;
mod import;
mod new;
mod output;
#[cfg(feature = "serve")]
mod serve;
mod visits;

use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use crate::error::Errors;
use crate::locale::Lang;
use crate::messages::{choose_lang, translate};
use output::err_line;

/// gazette: a static site generator for public reporting.
#[derive(Debug, Parser)]
#[command(name = "gazette", version, about, long_about = None)]
pub struct Args {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into the output folder (replaced only when the build succeeds).
    Build {
        /// The site folder (the one holding content/site.yaml).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site (default: public/ inside the site folder).
        #[arg(long)]
        output: Option<PathBuf>,
        /// Publish at this address instead of base_url from site.yaml.
        #[arg(long)]
        base_url: Option<String>,
        /// Also build items marked `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// Print nothing but errors and warnings.
        #[arg(long, short)]
        quiet: bool,
        /// Treat warnings as errors: exit 1 and leave the output folder untouched (for CI).
        #[arg(long)]
        deny_warnings: bool,
        /// Language of messages: en or vi (default: from LANG, else the site's `language:`).
        #[arg(long, value_enum)]
        lang: Option<MessageLang>,
    },
    /// Check everything a build checks, plus every internal link, image and anchor of the
    /// rendered pages; writes nothing.
    Check {
        /// The site folder (the one holding content/site.yaml).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Check as if published at this address instead of base_url from site.yaml.
        #[arg(long)]
        base_url: Option<String>,
        /// Also check items marked `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// How to print the result.
        #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
        format: CheckFormat,
        /// Treat warnings as errors: exit 1 when there is any (for CI).
        #[arg(long)]
        deny_warnings: bool,
        /// Language of messages: en or vi (default: from LANG, else the site's `language:`).
        #[arg(long, value_enum)]
        lang: Option<MessageLang>,
    },
    /// Preview the site at http://127.0.0.1:PORT/, rebuilding and reloading on every save.
    #[cfg(feature = "serve")]
    Serve {
        /// The site folder (the one holding content/site.yaml).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Port to listen on (0: any free port).
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Open the site in the web browser.
        #[arg(long)]
        open: bool,
        /// Also show items marked `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// Language of messages: en or vi (default: from LANG, else the site's `language:`).
        #[arg(long, value_enum)]
        lang: Option<MessageLang>,
    },
    /// Bring another tool's data into the site as indicators.
    Import {
        /// The kind of data: `open-sdg`, an Open SDG data repository.
        #[arg(value_enum)]
        from: ImportFrom,
        /// The folder of the data (for open-sdg: the one holding data/ and meta/).
        dir: PathBuf,
        /// The site folder to write into (the one holding content/site.yaml).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Language of messages: en or vi (default: from LANG, else the site's `language:`).
        #[arg(long, value_enum)]
        lang: Option<MessageLang>,
    },
    /// Create a new site in DIR (which must be empty or not exist yet).
    New {
        /// The folder to create.
        dir: PathBuf,
    },
    /// Count page views and visitors in nginx access logs and write stats/visits.json
    /// (run every 5 minutes by the timer that `gazette new` writes; see the README).
    Visits {
        /// The site folder (its content/site.yaml gives the time zone).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// An access log in nginx's combined format; repeat it, oldest first
        /// (e.g. --log /var/log/nginx/gazette.access.log.1 --log /var/log/nginx/gazette.access.log).
        #[arg(long = "log", required = true)]
        logs: Vec<PathBuf>,
        /// The public file to write (default: public/stats/visits.json in the site folder).
        #[arg(long)]
        output: Option<PathBuf>,
        /// The private file that keeps the counts between runs, outside the published folder
        /// (default: visits-state.json in the site folder).
        #[arg(long)]
        state: Option<PathBuf>,
        /// Count as if it were this time (e.g. 2026-11-30T15:30:00+07:00) instead of now.
        #[arg(long)]
        now: Option<String>,
        /// Print nothing but errors and warnings.
        #[arg(long, short)]
        quiet: bool,
        /// Language of messages: en or vi (default: from LANG, else the site's `language:`).
        #[arg(long, value_enum)]
        lang: Option<MessageLang>,
    },
}

/// What `gazette import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportFrom {
    /// An Open SDG data repository (data/indicator_*.csv, meta/, indicator-config/).
    OpenSdg,
}

/// Output formats of `gazette check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Messages for people, like `gazette build` prints.
    Human,
    /// GitHub Actions annotations (`::error file=…,line=…::…`).
    Github,
    /// One JSON document.
    Json,
}

/// The language of messages asked for on the command line (`--lang`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MessageLang {
    /// English.
    En,
    /// Vietnamese (Tiếng Việt).
    Vi,
}

/// Run the parsed command; returns the process exit code.
pub fn run(args: Args) -> i32 {
    match args.command {
        Command::Build { root, output, base_url, drafts, quiet, deny_warnings, lang } => {
            let lang = message_lang(lang, &root);
            build::run(root, output, base_url, drafts, quiet, deny_warnings, lang)
        }
        Command::Check { root, base_url, drafts, format, deny_warnings, lang } => {
            let lang = message_lang(lang, &root);
            check::run(root, base_url, drafts, format, deny_warnings, lang)
        }
        #[cfg(feature = "serve")]
        Command::Serve { root, port, open, drafts, lang } => {
            let lang = message_lang(lang, &root);
            serve::run(root, port, open, drafts, lang)
        }
        Command::Import { from: ImportFrom::OpenSdg, dir, root, lang } => {
            let lang = message_lang(lang, &root);
            import::run(&dir, &root, lang)
        }
        Command::New { dir } => new::run(&dir),
        Command::Visits { root, logs, output, state, now, quiet, lang } => {
            let lang = message_lang(lang, &root);
            visits::run(visits::VisitsArgs { root, logs, output, state, now, quiet }, lang)
        }
    }
}

/// The language messages are printed in: `--lang`, else `LC_ALL`/`LC_MESSAGES`/`LANG` when
/// they name vi or en, else the `language:` line of the site's content/site.yaml (read on its
/// own, so it is known even when the file has mistakes), else Vietnamese.
fn message_lang(flag: Option<MessageLang>, root: &Path) -> Lang {
    let flag = flag.map(|l| match l {
        MessageLang::En => Lang::En,
        MessageLang::Vi => Lang::Vi,
    });
    let site_yaml = std::fs::read_to_string(root.join("content/site.yaml")).ok();
    choose_lang(flag, |name| std::env::var(name).ok(), site_yaml.as_deref())
}

/// Print errors like a compiler, then how many there were and what was left alone.
fn print_errors(errors: &Errors, untouched: &Path, lang: Lang) {
    output::write_stderr(&crate::messages::for_people(errors, lang));
    let n = errors.len();
    let line = format!("{n} error{}; {} was not changed", if n == 1 { "" } else { "s" }, untouched.display());
    err_line!("{}", translate(&line, lang));
}

/// Print warnings like a compiler, then how many there were (nothing when there are none).
fn print_warnings(warnings: &Errors, lang: Lang) {
    output::write_stderr(&crate::messages::for_people(warnings, lang));
    let line = match warnings.len() {
        0 => return,
        1 => "1 warning (--deny-warnings makes warnings fail the build)".to_string(),
        n => format!("{n} warnings (--deny-warnings makes warnings fail the build)"),
    };
    err_line!("{}", translate(&line, lang));
}
