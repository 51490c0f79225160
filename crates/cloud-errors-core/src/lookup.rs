//! The perfect hash generated tables look numeric codes up with.
//!
//! `cargo xtask regen` gives every numeric code table two [`CodeHash`]es, one keyed by the
//! number (for `from_number`) and one by the wire text read as a [`short_key`] (for
//! `from_wire`, which so never parses digits). Under each, every documented key lands in a slot
//! of its own, which also holds the key: a lookup multiplies twice, reads three small arrays and
//! compares one integer, the same few steps whichever code it is given. A `match` over a
//! hundred sparse numbers (Authing's `1000` to `8128`) compiles to a tree of comparisons,
//! several branches deep, that a processor mispredicts when the codes vary.
//!
//! The construction ([`CodeHash::build`]) runs in the generator; the tables it returns are
//! written into `generated.rs` as constants. (String codes are looked up by a generated `match`
//! on their length and [`wire_fingerprint`](crate::wire_fingerprint), which measured faster
//! than hashing them: most lengths hold a handful of codes.)

/// What a key is multiplied by before a bucket is taken from the product's top bits.
const KEY_STEP: u64 = 0x9e37_79b9_7f4a_7c15;
/// What a bucket's pilot is multiplied by before it moves the bucket's keys.
const PILOT_STEP: u64 = 0xc2b2_ae3d_27d4_eb4f;
/// What a moved key is multiplied by before a slot is taken from the product's top bits.
const SLOT_STEP: u64 = 0x1656_67b1_9e37_79f9;

/// The key a wire code of up to seven bytes is hashed by: its bytes, little-endian, with its
/// length in the top byte, so that every such code has a key of its own. `None` for longer codes.
/// Reads the code with two overlapping loads rather than a loop.
#[inline]
pub const fn short_key(code: &[u8]) -> Option<u64> {
    let len = code.len();
    let low = match len {
        0 => 0,
        // The middle and last bytes may repeat the first; the length tells those apart.
        1..=3 => code[0] as u64 | (code[len / 2] as u64) << 8 | (code[len - 1] as u64) << 16,
        4..=7 => {
            let first = u32::from_le_bytes([code[0], code[1], code[2], code[3]]) as u64;
            let last =
                u32::from_le_bytes([code[len - 4], code[len - 3], code[len - 2], code[len - 1]]) as u64;
            // The last window's bytes past the fourth, moved to their own places.
            first | (last >> (8 * (8 - len))) << 32
        }
        _ => return None,
    };
    Some(low | (len as u64) << 56)
}

/// A perfect hash over one code table's keys, written by the generator.
///
/// The arrays have power-of-two lengths of at least two. A key picks a bucket; the bucket's
/// pilot moves it to a slot; the slot holds the only documented key that lands there and its
/// code's table index plus one (or 0 and 0, for none).
#[derive(Debug)]
pub struct CodeHash {
    /// One pilot per bucket, chosen by the generator so that the bucket's keys land in free
    /// slots.
    pub pilots: &'static [u16],
    /// Per slot, the table index plus one of the code whose key lands there; 0 for none.
    pub slots: &'static [u16],
    /// Per slot, the key that lands there (0 where none does).
    pub keys: &'static [u64],
}

impl CodeHash {
    /// The table index of the documented code whose key is `key`, if any.
    #[inline]
    pub const fn index(&self, key: u64) -> Option<usize> {
        let hashed = key.wrapping_mul(KEY_STEP);
        let pilot = self.pilots[Self::top(hashed, self.pilots.len())] as u64;
        let slot = Self::slot(hashed, pilot, self.slots.len());
        match self.slots[slot] {
            index if index != 0 && self.keys[slot] == key => Some(index as usize - 1),
            _ => None,
        }
    }

    /// The top bits of `value` that number one of `count` entries (a power of two).
    #[inline]
    const fn top(value: u64, count: usize) -> usize {
        // `count` is at least 2, so the shift is below 64.
        (value >> (64 - count.trailing_zeros())) as usize
    }

    /// Where a key multiplied by [`KEY_STEP`] lands under `pilot`, in a table of `slots` slots.
    #[inline]
    const fn slot(hashed: u64, pilot: u64, slots: usize) -> usize {
        Self::top((hashed ^ pilot.wrapping_mul(PILOT_STEP)).wrapping_mul(SLOT_STEP), slots)
    }

    /// Builds the tables for `keys` (the keys of a table's codes, in table order): the pilots,
    /// slots and slot keys of a [`CodeHash`]. Fails when two keys are equal (no hash can tell
    /// those apart) or when there are more keys than a slot can number. Deterministic: the same
    /// keys give the same tables.
    pub fn build(keys: &[u64]) -> Result<BuiltHash, HashBuildError> {
        if keys.len() >= usize::from(u16::MAX) {
            return Err(HashBuildError::TooManyKeys(keys.len()));
        }
        let mut sorted: Vec<(u64, usize)> = keys.iter().copied().zip(0..).collect();
        sorted.sort_unstable();
        if let Some(pair) = sorted.windows(2).find(|pair| pair[0].0 == pair[1].0) {
            return Err(HashBuildError::EqualKeys { first: pair[0].1, second: pair[1].1 });
        }
        // About two slots per key and two keys per bucket: small tables (a few hundred bytes)
        // for which pilots are found at once. Should a bucket find none, the slots double.
        // At least two of each, so that a slot is never taken from zero bits.
        let buckets = (keys.len() / 2).max(2).next_power_of_two();
        let mut slots = (keys.len() * 5 / 4).max(2).next_power_of_two();
        loop {
            if let Some(tables) = Self::place(keys, buckets, slots) {
                return Ok(tables);
            }
            slots *= 2;
        }
    }

    /// Chooses the pilots for `buckets` buckets over `slots` slots, the fullest bucket first;
    /// `None` when some bucket has no pilot that fits it.
    fn place(keys: &[u64], buckets: usize, slots: usize) -> Option<BuiltHash> {
        let hashed: Vec<u64> = keys.iter().map(|&key| key.wrapping_mul(KEY_STEP)).collect();
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); buckets];
        for (index, &hash) in hashed.iter().enumerate() {
            members[Self::top(hash, buckets)].push(index);
        }
        let mut order: Vec<usize> = (0..buckets).collect();
        order.sort_by_key(|&bucket| (std::cmp::Reverse(members[bucket].len()), bucket));

        let mut pilots = vec![0u16; buckets];
        let mut table = vec![0u16; slots];
        for bucket in order.into_iter().filter(|&bucket| !members[bucket].is_empty()) {
            let fits = |pilot: u16| {
                let mut taken: Vec<usize> = Vec::with_capacity(members[bucket].len());
                for &index in &members[bucket] {
                    let slot = Self::slot(hashed[index], u64::from(pilot), slots);
                    if table[slot] != 0 || taken.contains(&slot) {
                        return None;
                    }
                    taken.push(slot);
                }
                Some(taken)
            };
            let (pilot, taken) = (0..=u16::MAX).find_map(|pilot| fits(pilot).map(|taken| (pilot, taken)))?;
            pilots[bucket] = pilot;
            for (&index, slot) in members[bucket].iter().zip(taken) {
                table[slot] = u16::try_from(index + 1).expect("fewer than u16::MAX codes");
            }
        }
        let slot_keys =
            table.iter().map(|&index| if index == 0 { 0 } else { keys[usize::from(index) - 1] }).collect();
        Some(BuiltHash { pilots, slots: table, keys: slot_keys })
    }
}

/// The arrays of a [`CodeHash`], as [`CodeHash::build`] computes them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuiltHash {
    /// [`CodeHash::pilots`].
    pub pilots: Vec<u16>,
    /// [`CodeHash::slots`].
    pub slots: Vec<u16>,
    /// [`CodeHash::keys`].
    pub keys: Vec<u64>,
}

/// Why [`CodeHash::build`] could not hash a table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HashBuildError {
    /// Two codes have the same key, by table index.
    EqualKeys {
        /// The earlier code's index.
        first: usize,
        /// The later code's index.
        second: usize,
    },
    /// More codes than a slot can number.
    TooManyKeys(usize),
}

impl core::fmt::Display for HashBuildError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            Self::EqualKeys { first, second } => {
                write!(f, "codes {first} and {second} of the table have the same hash key")
            }
            Self::TooManyKeys(count) => {
                write!(f, "{count} codes are more than a hash table's slots can number ({})", u16::MAX - 1)
            }
        }
    }
}

impl std::error::Error for HashBuildError {}

#[cfg(test)]
mod tests {
    use super::*;

    fn leak(built: BuiltHash) -> CodeHash {
        CodeHash { pilots: built.pilots.leak(), slots: built.slots.leak(), keys: built.keys.leak() }
    }

    #[test]
    fn every_key_finds_its_own_index() {
        for count in [1, 2, 3, 8, 17, 99, 127, 1000] {
            let keys: Vec<u64> = (0..count).map(|n| 1000 + 7 * n as u64).collect();
            let absent: Vec<u64> = (0..count).map(|n| 1001 + 7 * n as u64).collect();
            let hash = leak(CodeHash::build(&keys).unwrap());
            assert!(hash.pilots.len().is_power_of_two() && hash.slots.len().is_power_of_two());
            assert!(hash.slots.len() <= 4 * count.max(2), "{} slots for {count} keys", hash.slots.len());
            for (index, key) in keys.iter().enumerate() {
                assert_eq!(hash.index(*key), Some(index), "key {key} of {count}");
            }
            for key in absent {
                assert_eq!(hash.index(key), None, "key {key} of {count}");
            }
        }
    }

    #[test]
    fn short_keys_are_the_bytes_and_the_length() {
        assert_eq!(short_key(b""), Some(0));
        assert_eq!(short_key(b"5"), Some(0x0100_0000_0035_3535));
        assert_eq!(short_key(b"-1"), Some(0x0200_0000_0031_312d));
        assert_eq!(short_key(b"2004"), Some(0x0400_0000_3430_3032));
        assert_eq!(short_key(b"123456"), Some(0x0600_3635_3433_3231));
        assert_eq!(short_key(b"1234567"), Some(0x0737_3635_3433_3231));
        assert_eq!(short_key(b"12345678"), None);
    }

    #[test]
    fn every_short_code_has_its_own_key() {
        // Every string of up to three bytes over a small alphabet, and a sample of longer ones.
        let alphabet = [b'0', b'1', b'9', b'-', 0, 0xff];
        let mut codes: Vec<Vec<u8>> = vec![Vec::new()];
        let mut last: Vec<Vec<u8>> = vec![Vec::new()];
        for _ in 0..3 {
            last = last
                .iter()
                .flat_map(|code| alphabet.iter().map(move |&b| [code.as_slice(), &[b]].concat()))
                .collect();
            codes.extend(last.iter().cloned());
        }
        for len in 4..=7 {
            for variant in 0..64usize {
                codes.push((0..len).map(|at| alphabet[((variant >> (at % 6)) + at) % 6]).collect());
            }
        }
        codes.sort();
        codes.dedup();
        let mut keys: Vec<u64> = codes.iter().map(|code| short_key(code).unwrap()).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), codes.len());
    }

    #[test]
    fn equal_keys_are_refused_by_index() {
        let refused = CodeHash::build(&[5, 6, 5]);
        assert_eq!(refused, Err(HashBuildError::EqualKeys { first: 0, second: 2 }));
        assert_eq!(refused.unwrap_err().to_string(), "codes 0 and 2 of the table have the same hash key");
        let many: Vec<u64> = (0..u64::from(u16::MAX)).collect();
        assert_eq!(CodeHash::build(&many), Err(HashBuildError::TooManyKeys(65535)));
    }

    #[test]
    fn the_same_keys_give_the_same_tables() {
        let keys: Vec<u64> = (0..50).map(|n| n * n).collect();
        assert_eq!(CodeHash::build(&keys).unwrap(), CodeHash::build(&keys).unwrap());
    }
}
