//! Tests of the index (issue 10): ranking read back through the reference reader, shard
//! bounds, JSON escaping, editions, and relevance on a generated corpus.

use super::index::{self, CHUNK_DOCS};
use super::query::Reader;
use super::*;

fn doc(kind: DocKind, title: &str, body: &str) -> Doc {
    Doc {
        kind,
        title: title.into(),
        url: format!("/x/{}/", crate::slug::slugify(title)),
        date: String::new(),
        year: Some(2025),
        excerpt: body.chars().take(50).collect(),
        text: vec![body.into()],
    }
}

fn search(docs: &[Doc], query: &str) -> Vec<u32> {
    Reader::new(&build_index("vi", "/search/", docs), "/search/").search(query)
}

#[test]
fn a_phrase_ranks_above_its_syllables_scattered_even_in_newer_documents() {
    let docs = [
        doc(DocKind::News, "Tin mới", "hộ dân ở xa, nghèo khó vẫn còn"),
        doc(DocKind::News, "Tin cũ", "rà soát hộ nghèo cuối năm"),
    ];
    assert_eq!(search(&docs, "ho ngheo"), vec![1, 0]);
}

#[test]
fn a_title_match_ranks_above_a_body_match_and_newer_above_older_on_ties() {
    let docs = [
        doc(DocKind::News, "Tin mới", "đường giao thông nông thôn"),
        doc(DocKind::News, "Tin giữa", "đường giao thông liên xã"),
        doc(DocKind::Indicator, "Đường giao thông đến xã", "tỷ lệ xã có đường"),
    ];
    assert_eq!(search(&docs, "ĐƯỜNG GIAO THÔNG"), vec![2, 0, 1]);
}

#[test]
fn without_a_document_holding_every_syllable_those_holding_the_most_are_found() {
    let docs = [doc(DocKind::News, "a", "hộ nghèo"), doc(DocKind::News, "b", "nghèo")];
    assert_eq!(search(&docs, "hộ nghèo xyz"), vec![0]);
    assert!(search(&docs, "không có").is_empty());
}

#[test]
fn the_files_are_known_from_the_number_of_documents_and_every_term_is_found() {
    // issue 10: pages are planned before the index is built (it is built while they render)
    let docs: Vec<Doc> = (0..600)
        .map(|i| doc(DocKind::News, &format!("tin {i}"), &format!("từ{} từ{} chung xã{}", i % 97, i % 89, i)))
        .collect();
    let files = build_index("vi", "/search/", &docs);
    assert_eq!(files.len(), index::file_count(docs.len()));
    for (i, f) in files.iter().enumerate() {
        assert_eq!(f.path, index::file_path("/search/", docs.len(), i));
    }
    let shards: Vec<&SearchFile> = files.iter().filter(|f| f.path.starts_with("/search/t/")).collect();
    assert_eq!(shards.len(), index::shard_count(docs.len()));
    assert!(shards.len() > 1 && shards.iter().all(|f| !f.bytes.is_empty()), "{} shards", shards.len());
    let chunks = files.iter().filter(|f| f.path.starts_with("/search/d/")).count();
    assert_eq!(chunks, docs.len().div_ceil(CHUNK_DOCS));
    let reader = Reader::new(&files, "/search/");
    assert_eq!(reader.search("xa599"), vec![599]);
    assert_eq!(reader.search("chung").len(), 600);
    let planned = PlannedIndex::new("vi", "/search/", docs);
    assert_eq!((planned.len(), planned.path(1)), (files.len(), "/search/t/0.bin".to_string()));
    assert_eq!(planned.files(), &files[..]);
}

#[test]
fn titles_are_escaped_in_the_json_chunks_and_the_index_is_deterministic() {
    let title = "Ký tự \"lạ\" \\ </script><b> \n\u{2028} &amp;";
    let docs = [doc(DocKind::Page, title, "x")];
    let files = build_index("vi", "/search/", &docs);
    let chunk = files.iter().find(|f| f.path == "/search/d/0.json").unwrap();
    let value: serde_json::Value = serde_json::from_slice(&chunk.bytes).unwrap();
    assert_eq!(value[0]["t"], title);
    assert_eq!(value[0]["k"], "p");
    assert_eq!(files, build_index("vi", "/search/", &docs));
}

#[test]
fn one_call_builds_the_index_of_one_edition_under_its_own_folder() {
    let docs = [doc(DocKind::News, "Poverty", "households")];
    let files = build_index("en", "/en/search/", &docs);
    assert!(files.iter().all(|f| f.path.starts_with("/en/search/")));
    let manifest = files.iter().find(|f| f.path == "/en/search/index.json").unwrap();
    let value: serde_json::Value = serde_json::from_slice(&manifest.bytes).unwrap();
    assert_eq!(value["lang"], "en");
    assert_eq!(Reader::new(&files, "/en/search/").search("HOUSEHOLDS"), vec![0]);
}

/// A deterministic corpus: filler syllables, and documents holding a phrase, its syllables
/// scattered, or a look-alike word (`Bến Tre` folds `ben` like `bền`; `dưỡng` like `đường`).
fn corpus() -> Vec<Doc> {
    const FILLER: [&str; 16] = [
        "triển khai",
        "kế hoạch",
        "nông thôn",
        "người dân",
        "xã",
        "huyện",
        "công trình",
        "hỗ trợ",
        "năm",
        "tỉnh",
        "thực hiện",
        "kết quả",
        "cán bộ",
        "thôn bản",
        "sản xuất",
        "vốn",
    ];
    let mut seed = 42u32;
    let mut filler = |n: usize| {
        (0..n)
            .map(|_| {
                seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                FILLER[(seed >> 28) as usize]
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    (0..400)
        .map(|i| {
            let body = match i % 10 {
                // the newest documents hold the look-alikes, so ties cannot explain a pass
                0 | 1 => format!("{} giảm nghèo ở Bến Tre {} vững vàng", filler(30), filler(30)),
                2 => format!("{} dinh dưỡng {} giao thông {}", filler(20), filler(20), filler(20)),
                7 => format!("{} giảm nghèo bền vững. {}", filler(40), filler(20)),
                8 => format!("{} làm đường giao thông {}", filler(40), filler(20)),
                _ => filler(60),
            };
            doc(DocKind::News, &format!("Tin số {i}"), &body)
        })
        .collect()
}

#[test]
fn relevance_on_a_generated_corpus_puts_documents_holding_the_phrase_first() {
    let docs = corpus();
    let reader = Reader::new(&build_index("vi", "/search/", &docs), "/search/");
    let holds = |d: u32, phrase: &str| {
        let words: Vec<String> =
            fold::syllables(&docs[d as usize].text[0]).into_iter().map(|s| s.0).collect();
        words.join(" ").contains(phrase)
    };
    for (query, phrase, expected) in
        [("giảm nghèo bền vững", "giam ngheo ben vung", 40), ("duong giao thong", "duong giao thong", 40)]
    {
        let hits = reader.search(query);
        assert!(hits.len() > expected, "{query}: look-alikes are found too ({})", hits.len());
        assert!(hits[..expected].iter().all(|&d| holds(d, phrase)), "{query}: {:?}", &hits[..expected]);
        assert!(hits[expected..].iter().all(|&d| !holds(d, phrase)), "{query}");
    }
}

#[test]
fn a_phrase_deep_in_a_long_text_is_found_with_its_syllables_and_ranks_as_scattered() {
    // issue 10: pairs are indexed in the first PAIR_SYLLABLES syllables of a field only (the
    // index's cost is bounded per document); every syllable is indexed, so the document is
    // still found
    let filler = vec!["xã"; postings::PAIR_SYLLABLES + 10].join(" ");
    let docs = [
        doc(DocKind::News, "Tin dài", &format!("{filler} rà soát hộ nghèo")),
        doc(DocKind::News, "Tin ngắn", "rà soát hộ nghèo"),
    ];
    assert_eq!(search(&docs, "ho ngheo"), vec![1, 0]);
}
