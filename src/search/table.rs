//! A hash table from non-zero `u64` keys to numbers, for the two lookups the index makes per
//! syllable (issue 10): open addressing with linear probing, at most half full, and a
//! multiply-shift hash whose odd multiplier is drawn at random for each table, so no text can
//! be written to make its keys collide (the output does not depend on it: numbers are given
//! in the order keys are first seen).

use std::hash::{BuildHasher, RandomState};

/// Keys (0 = empty slot) and their numbers.
pub(super) struct IdTable {
    keys: Vec<u64>,
    ids: Vec<u32>,
    len: usize,
    /// `64 - log2(keys.len())`: the hash is the top bits of `key * mul`.
    shift: u32,
    mul: u64,
}

impl Default for IdTable {
    fn default() -> IdTable {
        IdTable {
            keys: Vec::new(),
            ids: Vec::new(),
            len: 0,
            shift: 64,
            mul: RandomState::new().hash_one(0u64) | 1,
        }
    }
}

impl IdTable {
    /// The number of `key` (not 0), or `next` after making it `key`'s number; and whether the
    /// key is new.
    pub(super) fn get_or_insert(&mut self, key: u64, next: u32) -> (u32, bool) {
        if (self.len + 1) * 2 > self.keys.len() {
            self.grow();
        }
        let i = self.slot(key);
        if self.keys[i] == key {
            return (self.ids[i], false);
        }
        self.keys[i] = key;
        self.ids[i] = next;
        self.len += 1;
        (next, true)
    }

    /// Where `key` is, or the empty slot where it would go.
    fn slot(&self, key: u64) -> usize {
        let mask = self.keys.len() - 1;
        let mut i = (key.wrapping_mul(self.mul) >> self.shift) as usize & mask;
        loop {
            let k = self.keys[i];
            if k == key || k == 0 {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    fn grow(&mut self) {
        let size = (self.keys.len() * 2).max(1024);
        let keys = std::mem::replace(&mut self.keys, vec![0; size]);
        let ids = std::mem::replace(&mut self.ids, vec![0; size]);
        self.shift = 64 - size.trailing_zeros();
        for (k, id) in keys.into_iter().zip(ids).filter(|(k, _)| *k != 0) {
            let i = self.slot(k);
            self.keys[i] = k;
            self.ids[i] = id;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_keep_the_number_they_were_first_given_across_growth() {
        let mut t = IdTable::default();
        for k in 1..5000u64 {
            assert_eq!(t.get_or_insert(k * 7919, k as u32), (k as u32, true));
        }
        for k in 1..5000u64 {
            assert_eq!(t.get_or_insert(k * 7919, 0), (k as u32, false));
        }
    }
}
