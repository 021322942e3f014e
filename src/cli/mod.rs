//! The command line: clap types, and the glue that runs a command and reports on it.
//!
//! One file per command (`build.rs`, `check.rs`, `serve.rs`, `new.rs`); this one holds the
//! argument types and the dispatch. Printing happens in this room and nowhere else in the crate,
//! always through `output.rs` (which never panics on a closed or full stream).

mod build;
mod check;
mod new;
mod output;
#[cfg(feature = "serve")]
mod serve;

use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use crate::error::Errors;
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
        /// Print nothing but errors.
        #[arg(long, short)]
        quiet: bool,
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
    },
    /// Create a new site in DIR (which must be empty or not exist yet).
    New {
        /// The folder to create.
        dir: PathBuf,
    },
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

/// Run the parsed command; returns the process exit code.
pub fn run(args: Args) -> i32 {
    match args.command {
        Command::Build { root, output, base_url, drafts, quiet } => {
            build::run(root, output, base_url, drafts, quiet)
        }
        Command::Check { root, base_url, drafts, format } => check::run(root, base_url, drafts, format),
        #[cfg(feature = "serve")]
        Command::Serve { root, port, open, drafts } => serve::run(root, port, open, drafts),
        Command::New { dir } => new::run(&dir),
    }
}

/// Print errors like a compiler, then how many there were and what was left alone.
fn print_errors(errors: &Errors, untouched: &Path) {
    output::write_stderr(&errors.for_people());
    let n = errors.len();
    err_line!("{n} error{}; {} was not changed", if n == 1 { "" } else { "s" }, untouched.display());
}
