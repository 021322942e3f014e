//! Tests of the editor configuration (issue 13).

use super::*;

#[test]
fn slug_options_fold_vietnamese_titles_as_gazette_does_issue_13() {
    // the browser test saves the first title through Decap and expects this file name
    let cases = [
        ("Đắk Lắk: Hội nghị tổng kết giảm nghèo năm 2026!", "dak-lak-hoi-nghi-tong-ket-giam-ngheo-nam-2026"),
        ("Phấn đấu giảm tỷ lệ hộ nghèo", "phan-dau-giam-ty-le-ho-ngheo"),
        ("Trường Sa – Hoàng Sa (2025)", "truong-sa-hoang-sa-2025"),
        ("  Ứng dụng   CNTT  ", "ung-dung-cntt"),
    ];
    for (title, slug) in cases {
        assert_eq!(crate::slug::slugify(title), slug, "{title}");
    }
}
