//! The `gazette` command: parse arguments, run, print the report, set the exit code.

fn main() {}
