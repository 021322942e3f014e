//! The command line: clap types, and the glue that runs a command and reports on it.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::PathBuf;
use std::time::Instant;

use clap::{Parser, Subcommand};

use crate::error::Errors;
use crate::site::{BuildOptions, build};

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
}

/// Run the parsed command; returns the process exit code.
pub fn run(args: Args) -> i32 {
    match args.command {
        Command::Build { root, output, base_url, drafts, quiet } => {
            let output = output.unwrap_or_else(|| root.join("public"));
            let opts = BuildOptions { root, output, base_url, drafts };
            let started = Instant::now();
            match build(&opts) {
                Ok(report) => {
                    if !quiet {
                        println!(
                            "Built {} pages from {} news items: {} files, {:.1} MB in {} ms → {}",
                            report.pages,
                            report.news,
                            report.files,
                            report.bytes as f64 / 1e6,
                            started.elapsed().as_millis(),
                            opts.output.display()
                        );
                    }
                    0
                }
                Err(errors) => {
                    print_errors(&errors, &opts.output);
                    1
                }
            }
        }
    }
}

fn print_errors(errors: &Errors, output: &std::path::Path) {
    for e in &errors.0 {
        eprintln!("{e}\n");
    }
    let n = errors.len();
    eprintln!("{n} error{}; {} was not changed", if n == 1 { "" } else { "s" }, output.display());
}
