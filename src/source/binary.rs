//! A file read as bytes: a workbook (`.xlsx`, `.xls`, `.ods`) that an indicator names as its
//! table (issue 14).

/// One binary file of the site, read once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BinaryFile {
    /// Path relative to the site root, with `/` separators.
    pub path: String,
    /// The bytes, as on disk.
    pub bytes: Vec<u8>,
}
