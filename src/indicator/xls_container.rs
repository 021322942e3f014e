//! The Workbook stream of an `.xls` file, found the way calamine finds it, with bounds
//! (issue 14). An `.xls` is a compound file: sectors chained through an allocation table.
//! calamine's own reader follows a chain until it ends, so a chain that loops makes it read
//! forever or up to the length a directory entry declares (4 GB and more), and it indexes the
//! table and the file without checking; it also picks the first entry named `Workbook` in the
//! directory array, even one no tree reaches. This module replays the same steps on the same
//! bytes, refusing what calamine would loop, panic or overread on, so that the records the
//! first pass measures are exactly the ones calamine will read.

const ENDOFCHAIN: u32 = 0xFFFF_FFFE;
/// Sector ids from here on are markers, not sectors.
const RESERVED: u32 = 0xFFFF_FFFA;
const DIFSECT: u32 = 0xFFFF_FFFC;
/// Streams shorter than this live in the mini stream.
const MINI_CUTOFF: usize = 4096;
const MINI_SECTOR: usize = 64;

/// Why a container could not be read: calamine fails too (and may try another stream), or
/// calamine would loop, panic or overread, and the file is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Failure {
    /// calamine reports an error here as well.
    Calamine(String),
    /// calamine would go wrong here: the file is refused.
    Refused(String),
}

impl Failure {
    /// The reason, in words.
    pub(super) fn reason(self) -> String {
        match self {
            Failure::Calamine(s) | Failure::Refused(s) => s,
        }
    }
}

fn refused(reason: &str) -> Failure {
    Failure::Refused(reason.to_string())
}

/// Sectors of one size over a byte string (the file after its header, or the mini stream).
struct Sectors<'a> {
    data: &'a [u8],
    size: usize,
    maxid: u32,
}

impl Sectors<'_> {
    fn get(&self, id: u32) -> Result<&[u8], Failure> {
        if id > self.maxid {
            return Err(Failure::Calamine(format!("sector {id} points past the end of the file")));
        }
        let start = id as usize * self.size;
        // calamine returns a short or misplaced slice here, or panics: refuse instead
        self.data
            .get(start..start + self.size)
            .ok_or_else(|| refused("a sector runs past the end of the file"))
    }

    /// A chain of sectors from `start`, `len` bytes at most, as calamine reads it, refusing a
    /// chain that visits more sectors than there are (a loop).
    fn chain(&self, mut id: u32, table: &[u32], len: usize) -> Result<Vec<u8>, Failure> {
        let mut out = Vec::new();
        let mut steps = 0u64;
        while id != ENDOFCHAIN {
            steps += 1;
            if steps > u64::from(self.maxid) + 1 {
                return Err(refused("a chain of sectors loops"));
            }
            let sector = self.get(id)?;
            let take = sector.len().min(len - out.len());
            out.extend_from_slice(&sector[..take]);
            if out.len() >= len {
                break;
            }
            id = *table.get(id as usize).ok_or_else(|| refused("a chain of sectors leaves its table"))?;
        }
        Ok(out)
    }
}

fn u16_at(b: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([b[at], b[at + 1]])
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

fn u32s(b: &[u8]) -> impl Iterator<Item = u32> + '_ {
    b.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
}

/// A directory entry: its name as calamine decodes it, first sector and length.
struct Entry {
    name: String,
    start: u32,
    len: usize,
}

fn entry(buf: &[u8], large: bool) -> Entry {
    let mut name = encoding_rs::UTF_16LE.decode(&buf[..64]).0.into_owned();
    if let Some(l) = name.as_bytes().iter().position(|b| *b == 0) {
        name.truncate(l);
    }
    let len = if large {
        usize::try_from(u64::from_le_bytes(buf[120..128].try_into().unwrap_or([0; 8]))).unwrap_or(usize::MAX)
    } else {
        u32_at(buf, 120) as usize
    };
    Entry { name, start: u32_at(buf, 116), len }
}

/// The bytes of the `Workbook` stream (or `Book`, when calamine falls back to it).
pub(super) fn workbook_stream(file: &[u8]) -> Result<Vec<u8>, Failure> {
    let header = file.get(..512).ok_or_else(|| Failure::Calamine("not an .xls file".into()))?;
    if header[..8] != *b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" {
        return Err(Failure::Calamine("not an .xls file".into()));
    }
    let size = match u16_at(header, 30) {
        9 => 512,
        12 => 4096,
        _ => return Err(Failure::Calamine("invalid sector size".into())),
    };
    if u16_at(header, 32) != 6 {
        return Err(Failure::Calamine("invalid mini sector size".into()));
    }
    let data = file.get(size..).ok_or_else(|| refused("the file ends inside its header"))?;
    let maxid = u32::try_from(file.len() / size).unwrap_or(u32::MAX);
    let sectors = Sectors { data, size, maxid };
    let fats = allocation_table(header, &sectors)?;
    let dirs: Vec<Entry> = sectors
        .chain(u32_at(header, 48), &fats, usize::MAX)?
        .chunks(128)
        .filter(|c| c.len() == 128)
        .map(|c| entry(c, size == 4096))
        .collect();
    let root = dirs.first().ok_or_else(|| Failure::Calamine("empty root directory".into()))?;
    if u16_at(header, 26) != 3 && root.start == ENDOFCHAIN {
        return Err(Failure::Calamine("empty root directory".into()));
    }
    let mini_fat_len = u32_at(header, 64) as usize;
    let (mini_fats, mini_stream) = if mini_fat_len > 0 {
        let stream = sectors.chain(root.start, &fats, root.len)?;
        let table = sectors.chain(u32_at(header, 60), &fats, mini_fat_len.saturating_mul(size))?;
        (u32s(&table).collect(), stream)
    } else {
        (Vec::new(), Vec::new())
    };
    let mini = Sectors { data: &mini_stream, size: MINI_SECTOR, maxid: maxid.saturating_mul(8) };
    let stream = |name: &str| {
        let d = dirs
            .iter()
            .find(|d| d.name.as_bytes().eq_ignore_ascii_case(name.as_bytes()))
            .ok_or_else(|| Failure::Calamine(format!("no {name} stream")))?;
        if d.len < MINI_CUTOFF {
            mini.chain(d.start, &mini_fats, d.len)
        } else {
            sectors.chain(d.start, &fats, d.len)
        }
    };
    match stream("Workbook") {
        Err(Failure::Calamine(_)) => stream("Book"),
        other => other,
    }
}

/// The sector allocation table, from the header's list of its sectors and the chain that
/// continues the list; a list naming more sectors than the file has is refused.
fn allocation_table(header: &[u8], sectors: &Sectors<'_>) -> Result<Vec<u32>, Failure> {
    let mut difat: Vec<u32> = u32s(&header[76..512]).collect();
    let mut id = u32_at(header, 68);
    let mut steps = 0u64;
    while id < RESERVED {
        steps += 1;
        if steps > u64::from(sectors.maxid) + 1 {
            return Err(Failure::Calamine(format!("sector {id} points past the end of the file")));
        }
        difat.extend(u32s(sectors.get(id)?));
        id = difat.pop().ok_or_else(|| Failure::Calamine("the sector list ends early".into()))?;
    }
    let listed: Vec<u32> = difat.into_iter().filter(|id| *id < DIFSECT).collect();
    if listed.len() as u64 > u64::from(sectors.maxid) + 1 {
        return Err(refused("the allocation table lists more sectors than the file has"));
    }
    let mut fats = Vec::with_capacity(listed.len() * sectors.size / 4);
    for id in listed {
        fats.extend(u32s(sectors.get(id)?));
    }
    Ok(fats)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sectors(data: &[u8]) -> Sectors<'_> {
        Sectors { data, size: 4, maxid: (data.len() / 4) as u32 }
    }

    #[test]
    fn a_looping_chain_is_refused_where_calamine_would_read_forever_issue_14() {
        let data = [1u8; 8];
        // sector 0 → 1 → 0 → …, and a declared length far beyond the file
        assert_eq!(sectors(&data).chain(0, &[1, 0], usize::MAX), Err(refused("a chain of sectors loops")));
    }

    #[test]
    fn a_chain_leaving_its_table_or_the_file_is_refused_issue_14() {
        let data = [1u8; 8];
        assert_eq!(
            sectors(&data).chain(0, &[1], usize::MAX),
            Err(refused("a chain of sectors leaves its table"))
        );
        assert_eq!(sectors(&data).chain(2, &[], 4), Err(refused("a sector runs past the end of the file")));
        assert!(matches!(sectors(&data).chain(9, &[], 4), Err(Failure::Calamine(_))));
        assert_eq!(sectors(&data).chain(0, &[1, ENDOFCHAIN], usize::MAX), Ok(vec![1; 8]));
    }
}
