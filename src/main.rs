//! The `gazette` command: parse arguments, run, set the exit code.

use clap::Parser;

fn main() {
    let args = gazette::cli::Args::parse();
    std::process::exit(gazette::cli::run(args));
}
