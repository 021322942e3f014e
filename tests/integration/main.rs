//! Integration tests: one binary, one module per feature (fixture sites under `tests/sites/`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::print_stdout, clippy::print_stderr)]

#[test]
fn slugs_are_public_api() {
    assert_eq!(gazette::slug::slugify("Tin khác"), "tin-khac");
}
