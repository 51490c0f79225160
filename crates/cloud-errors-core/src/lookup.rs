//! The perfect hashes generated tables look codes up with.
//!
//! `cargo xtask regen` gives every numeric code table two [`CodeHash`]es, one keyed by the
//! number (for `from_number`) and one by the wire text read as a [`short_key`] (for
//! `from_wire`, which so never parses digits), and a string code table one for each length
//! that more than 16 of its codes share, keyed by the codes' [`exact_key`]s up to 15 bytes and
//! by their [`wire_fingerprint`](crate::__private::wire_fingerprint)s beyond (then confirmed with one string
//! comparison). Under each, every documented key lands in a slot of its own, which also holds
//! the key: a lookup multiplies twice, reads three small arrays and compares one integer, the
//! same few steps whichever code it is given. A `match` over a hundred sparse numbers
//! (Authing's `1000` to `8128`) or forty codes of one length (Huawei's `PAP5.0001`...)
//! compiles to a tree of comparisons, several branches deep, whose mispredictions cost more.
//!
//! Other string codes are looked up by a generated `match` on their length and fingerprint:
//! where a length holds a handful of codes, that measured faster than hashing them. The
//! construction ([`CodeHash::build`]) runs in the generator; the tables it returns are written
//! into `generated.rs` as constants.

/// What a key is multiplied by before a bucket is taken from the product's top bits.
const KEY_STEP: u64 = 0x9e37_79b9_7f4a_7c15;
/// What a bucket's pilot is multiplied by before it moves the bucket's keys.
const PILOT_STEP: u64 = 0xc2b2_ae3d_27d4_eb4f;
/// What a moved key is multiplied by before a slot is taken from the product's top bits.
const SLOT_STEP: u64 = 0x1656_67b1_9e37_79f9;

/// The key a wire code of up to seven bytes is hashed by: its bytes, little-endian, with its
/// length in the top byte, so that every such code has a key of its own. `None` for longer
/// codes. Reads the code with overlapping loads rather than a loop.
#[inline]
pub const fn short_key(code: &[u8]) -> Option<u64> {
    let len = code.len();
    let low = match len {
        0 => 0,
        // The middle and last bytes may repeat the first; the length tells those apart.
        1..=3 => code[0] as u64 | (code[len / 2] as u64) << 8 | (code[len - 1] as u64) << 16,
        4..=7 => {
            let first = u32::from_le_bytes([code[0], code[1], code[2], code[3]]) as u64;
            let last = match code.last_chunk::<4>() {
                Some(last) => u32::from_le_bytes(*last) as u64,
                None => 0,
            };
            // The last window's bytes past the fourth, moved to their own places.
            first | (last >> (8 * (8 - len))) << 32
        }
        _ => return None,
    };
    Some(low | (len as u64) << 56)
}

/// The key a wire code of up to 15 bytes is hashed by: for up to seven bytes its
/// [`short_key`]; for more, its first eight bytes, then the rest, with its length in the top
/// byte. Every such code has a key of its own. `None` for longer codes.
#[inline]
pub const fn exact_key(code: &[u8]) -> Option<u128> {
    let len = code.len();
    if len < 8 {
        return match short_key(code) {
            Some(key) => Some(key as u128),
            None => None,
        };
    }
    if len > 15 {
        return None;
    }
    // The bytes past the eighth, from a window ending at the last byte; none when there are
    // eight.
    let rest = if len == 8 { 0 } else { eight_at(code, len - 8) >> (8 * (16 - len)) };
    Some(((rest | (len as u64) << 56) as u128) << 64 | eight_at(code, 0) as u128)
}

/// The eight bytes of `code` from `at`, little-endian.
#[inline]
const fn eight_at(code: &[u8], at: usize) -> u64 {
    u64::from_le_bytes([
        code[at],
        code[at + 1],
        code[at + 2],
        code[at + 3],
        code[at + 4],
        code[at + 5],
        code[at + 6],
        code[at + 7],
    ])
}

/// A perfect hash over one code table's keys (`u64` or `u128`), written by the generator.
///
/// The arrays have power-of-two lengths of at least two. A key picks a bucket; the bucket's
/// pilot moves it to a slot; the slot holds the only documented key that lands there and its
/// code's table index plus one (or 0 and 0, for none).
#[derive(Debug)]
pub struct CodeHash<K: 'static> {
    /// One pilot per bucket, chosen by the generator so that the bucket's keys land in free
    /// slots.
    pub pilots: &'static [u16],
    /// Per slot, the table index plus one of the code whose key lands there; 0 for none.
    pub slots: &'static [u16],
    /// Per slot, the key that lands there (0 where none does).
    pub keys: &'static [K],
}

impl CodeHash<u64> {
    /// The table index of the documented code whose key is `key`, if any.
    #[inline]
    pub const fn index(&self, key: u64) -> Option<usize> {
        match self.slot_of(key) {
            (slot, index) if index != 0 && self.keys[slot] == key => Some(index as usize - 1),
            _ => None,
        }
    }
}

impl CodeHash<u128> {
    /// The table index of the documented code whose key is `key`, if any.
    #[inline]
    pub const fn index(&self, key: u128) -> Option<usize> {
        match self.slot_of(fold(key)) {
            (slot, index) if index != 0 && self.keys[slot] == key => Some(index as usize - 1),
            _ => None,
        }
    }
}

/// A 128-bit key in 64 bits; a key that fits in 64 bits stays as it is.
#[inline]
const fn fold(key: u128) -> u64 {
    key as u64 ^ ((key >> 64) as u64).wrapping_mul(PILOT_STEP)
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
    top((hashed ^ pilot.wrapping_mul(PILOT_STEP)).wrapping_mul(SLOT_STEP), slots)
}

impl<K> CodeHash<K> {
    /// The slot a (folded) key lands in, and what the slot holds.
    #[inline]
    const fn slot_of(&self, folded: u64) -> (usize, u16) {
        let hashed = folded.wrapping_mul(KEY_STEP);
        let pilot = self.pilots[top(hashed, self.pilots.len())] as u64;
        let slot = slot(hashed, pilot, self.slots.len());
        (slot, self.slots[slot])
    }
}

impl<K: Copy + Into<u128> + Default> CodeHash<K> {
    /// Builds the tables for `keys`: one per code of the table, in table order, `None` for a
    /// code this hash does not hold. Returns the pilots, slots and slot keys of a [`CodeHash`].
    /// Fails when two keys are equal, or fold to the same 64 bits (no hash can tell those
    /// apart), or when there are more codes than a slot can number (or, which distinct keys
    /// should never meet, when no pilots place them). Deterministic: the same keys give the same
    /// tables.
    pub fn build(keys: &[Option<K>]) -> Result<BuiltHash<K>, HashBuildError> {
        if keys.len() >= usize::from(u16::MAX) {
            return Err(HashBuildError::TooManyKeys(keys.len()));
        }
        let held: Vec<(usize, K)> =
            keys.iter().enumerate().filter_map(|(at, key)| Some((at, (*key)?))).collect();
        let mut sorted: Vec<(u64, usize)> = held.iter().map(|&(at, key)| (fold(key.into()), at)).collect();
        sorted.sort_unstable();
        if let Some(pair) = sorted.windows(2).find(|pair| pair[0].0 == pair[1].0) {
            return Err(HashBuildError::EqualKeys { first: pair[0].1, second: pair[1].1 });
        }
        // About two slots per key and two keys per bucket: small tables (a few hundred bytes)
        // for which pilots are found at once. Should a bucket find none, the slots double.
        // At least two of each, so that a slot is never taken from zero bits.
        let buckets = (held.len() / 2).max(2).next_power_of_two();
        let mut slots = (held.len() * 5 / 4).max(2).next_power_of_two();
        // Distinct folded keys part in a large enough table; the bound only keeps a bad hash
        // from looping.
        while slots <= 64 * buckets {
            if let Some(tables) = Self::place(&held, buckets, slots) {
                return Ok(tables);
            }
            slots *= 2;
        }
        Err(HashBuildError::NoPlacement)
    }

    /// Chooses the pilots for `buckets` buckets over `slots` slots, the fullest bucket first;
    /// `None` when some bucket has no pilot that fits it.
    fn place(held: &[(usize, K)], buckets: usize, slots: usize) -> Option<BuiltHash<K>> {
        let hashed: Vec<u64> = held.iter().map(|&(_, key)| fold(key.into()).wrapping_mul(KEY_STEP)).collect();
        // Each bucket's members, as positions in `held`.
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); buckets];
        for (member, &hash) in hashed.iter().enumerate() {
            members[top(hash, buckets)].push(member);
        }
        let mut order: Vec<usize> = (0..buckets).collect();
        order.sort_by_key(|&bucket| (std::cmp::Reverse(members[bucket].len()), bucket));

        let mut pilots = vec![0u16; buckets];
        let mut table = vec![0u16; slots];
        let mut slot_keys = vec![K::default(); slots];
        for bucket in order.into_iter().filter(|&bucket| !members[bucket].is_empty()) {
            let fits = |pilot: u16| {
                let mut taken: Vec<usize> = Vec::with_capacity(members[bucket].len());
                for &member in &members[bucket] {
                    let slot = slot(hashed[member], u64::from(pilot), slots);
                    if table[slot] != 0 || taken.contains(&slot) {
                        return None;
                    }
                    taken.push(slot);
                }
                Some(taken)
            };
            let (pilot, taken) = (0..=u16::MAX).find_map(|pilot| fits(pilot).map(|taken| (pilot, taken)))?;
            pilots[bucket] = pilot;
            for (&member, slot) in members[bucket].iter().zip(taken) {
                let (index, key) = held[member];
                table[slot] = u16::try_from(index + 1).expect("build checked the count");
                slot_keys[slot] = key;
            }
        }
        Some(BuiltHash { pilots, slots: table, keys: slot_keys })
    }
}

/// The arrays of a [`CodeHash`], as [`CodeHash::build`] computes them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuiltHash<K> {
    /// [`CodeHash::pilots`].
    pub pilots: Vec<u16>,
    /// [`CodeHash::slots`].
    pub slots: Vec<u16>,
    /// [`CodeHash::keys`].
    pub keys: Vec<K>,
}

/// Why [`CodeHash::build`] could not hash a table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HashBuildError {
    /// Two codes have the same key (or keys that fold to the same 64 bits), by table index.
    EqualKeys {
        /// The earlier code's index.
        first: usize,
        /// The later code's index.
        second: usize,
    },
    /// More codes than a slot can number.
    TooManyKeys(usize),
    /// No pilots placed the keys, even in a table of 64 slots per bucket.
    NoPlacement,
}

impl core::fmt::Display for HashBuildError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            Self::EqualKeys { first, second } => {
                write!(f, "codes {first} and {second} of the table have keys the hash cannot tell apart")
            }
            Self::NoPlacement => f.write_str("no pilots place the keys in a table of 64 slots per bucket"),
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

    fn leak<K>(built: BuiltHash<K>) -> CodeHash<K> {
        CodeHash { pilots: built.pilots.leak(), slots: built.slots.leak(), keys: built.keys.leak() }
    }

    #[test]
    fn every_key_finds_its_own_index() {
        for count in [1, 2, 3, 8, 17, 99, 127, 1000] {
            let keys: Vec<u64> = (0..count).map(|n| 1000 + 7 * n as u64).collect();
            let absent: Vec<u64> = (0..count).map(|n| 1001 + 7 * n as u64).collect();
            let held: Vec<Option<u64>> = keys.iter().copied().map(Some).collect();
            let hash = leak(CodeHash::build(&held).unwrap());
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
    fn wide_keys_find_their_indexes() {
        let codes = ["PAP5.0001", "PAP5.0002", "IAM.0001", "AccessDenied123", "12345678", "5", ""];
        let keys: Vec<Option<u128>> = codes.iter().map(|code| exact_key(code.as_bytes())).collect();
        let hash = leak(CodeHash::build(&keys).unwrap());
        for (index, code) in codes.iter().enumerate() {
            assert_eq!(hash.index(exact_key(code.as_bytes()).unwrap()), Some(index), "{code}");
        }
        for absent in ["PAP5.0003", "PAP5.000", "IAM.0001 ", "6"] {
            assert_eq!(hash.index(exact_key(absent.as_bytes()).unwrap()), None, "{absent}");
        }
    }

    #[test]
    fn short_keys_are_the_bytes_and_the_length() {
        assert_eq!(short_key(b""), Some(0));
        assert_eq!(short_key(b"5"), Some(0x0100_0000_0035_3535));
        // Two and three bytes: the first, the middle and the last.
        assert_eq!(short_key(b"AB"), Some(0x0200_0000_0042_4241));
        assert_eq!(short_key(b"ABC"), Some(0x0300_0000_0043_4241));
        assert_eq!(short_key(b"2004"), Some(0x0400_0000_3430_3032));
        assert_eq!(short_key(b"1234567"), Some(0x0737_3635_3433_3231));
        assert_eq!(short_key(b"12345678"), None);
    }

    #[test]
    fn exact_keys_are_the_bytes_and_the_length() {
        // Up to seven bytes, the short key.
        for short in [&b""[..], b"5", b"-1", b"2004", b"1234567"] {
            assert_eq!(exact_key(short), short_key(short).map(u128::from), "{short:?}");
        }
        assert_eq!(exact_key(b"PAP5.0003"), Some(0x0900_0000_0000_0033_3030_302e_3550_4150));
        assert_eq!(exact_key(b"12345678"), Some(0x0800_0000_0000_0000_3837_3635_3433_3231));
        assert_eq!(exact_key(b"ABCDEFGHIJ"), Some(0x0a00_0000_0000_4a49_4847_4645_4443_4241));
        assert_eq!(exact_key(b"AccessDenied123"), Some(0x0f33_3231_6465_696e_6544_7373_6563_6341));
        assert_eq!(exact_key(b"AccessDenied1234"), None);
    }

    #[test]
    fn every_code_of_up_to_15_bytes_has_its_own_key() {
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
        for len in 4..=15 {
            for variant in 0..256usize {
                codes.push((0..len).map(|at| alphabet[((variant >> (at % 8)) + at) % 6]).collect());
            }
        }
        codes.sort();
        codes.dedup();
        let mut keys: Vec<u128> = codes.iter().map(|code| exact_key(code).unwrap()).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), codes.len());
    }

    #[test]
    fn equal_keys_are_refused_by_index() {
        let refused = CodeHash::build(&[Some(5u64), Some(6), None, Some(5)]);
        assert_eq!(refused, Err(HashBuildError::EqualKeys { first: 0, second: 3 }));
        assert_eq!(
            refused.unwrap_err().to_string(),
            "codes 0 and 3 of the table have keys the hash cannot tell apart"
        );
        let many: Vec<Option<u64>> = (0..u64::from(u16::MAX)).map(Some).collect();
        assert_eq!(CodeHash::build(&many), Err(HashBuildError::TooManyKeys(65535)));
    }

    #[test]
    fn a_hash_of_some_codes_gives_their_table_indexes() {
        let keys: Vec<u128> = (0..40).map(|n| n * 1_000_003 + (n << 70)).collect();
        let held: Vec<Option<u128>> =
            keys.iter().zip(0..).map(|(&key, n)| (n % 3 != 0).then_some(key)).collect();
        let hash = leak(CodeHash::build(&held).unwrap());
        for (index, key) in keys.iter().enumerate() {
            assert_eq!(hash.index(*key), held[index].map(|_| index), "code {index}");
        }
    }

    #[test]
    fn the_same_keys_give_the_same_tables() {
        let keys: Vec<Option<u128>> =
            (0..50).map(|n| (n % 7 != 0).then_some((n * n) << (n % 3 * 40))).collect();
        assert_eq!(CodeHash::build(&keys).unwrap(), CodeHash::build(&keys).unwrap());
    }

    /// Generated tables hold pilots and slots built by this algorithm, and lookups find keys with
    /// the same functions: a change to either must come with a regen, and shows here first.
    #[test]
    fn the_tables_built_are_the_ones_generated_code_holds() {
        let narrow: Vec<Option<u64>> = (1..=9u64).map(|n| (n != 4).then_some(n * 1_000_003)).collect();
        let built = CodeHash::build(&narrow).unwrap();
        assert_eq!(built.pilots, [0, 0, 0, 3]);
        assert_eq!(built.slots, [0, 0, 8, 3, 0, 0, 6, 0, 0, 9, 0, 7, 2, 0, 1, 5]);
        let wide: Vec<Option<u128>> = (1..=5u128).map(|n| Some(n << 64 | n)).collect();
        let built = CodeHash::build(&wide).unwrap();
        assert_eq!((built.pilots, built.slots), (vec![0, 4], vec![5, 0, 2, 0, 0, 3, 4, 1]));
    }
}
