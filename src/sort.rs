//! Stable sorting that costs the browser's wasm one copy of the sort code, not one per call.
//!
//! `slice::sort_by` is generic over both the element and the comparator, and the standard
//! library's sorts (driftsort, ipnsort) are large: every call site with its own closure is a
//! new 4–8 KB instantiation. The app sorts in a hundred places, and those copies were a tenth
//! of its code. In the browser build, [`by`] therefore sorts a permutation of `u32` indices
//! with the comparator behind `dyn` (the one instantiation), then moves the elements into
//! that order in place; natively it is `slice::sort_by`, as fast as ever. Both are stable, so
//! the two builds order ties alike, which the archive (written natively) and the embedded
//! build (sorted in the browser) rely on to show the same lists.
//!
//! Useful for: any sort in code the browser build links (ui, query, archive, resolve, index).
//! Not for: hot native-only paths, which may call the slice methods directly.

use std::cmp::Ordering;

/// Sorts `items` in place by `compare`, keeping equal items in their order.
pub fn by<T>(items: &mut [T], compare: impl FnMut(&T, &T) -> Ordering) {
    #[cfg(target_arch = "wasm32")]
    {
        let mut compare = compare;
        let mut order = sorted_order(items.len(), &mut |a, b| compare(&items[a], &items[b]));
        arrange(items, &mut order);
    }
    #[cfg(not(target_arch = "wasm32"))]
    items.sort_by(compare);
}

/// Sorts `items` in place by the key `key` gives each, keeping equal keys in their order.
pub fn by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in place, keeping equal items in their order.
pub fn all<T: Ord>(items: &mut [T]) {
    by(items, T::cmp);
}

/// Like [`by`], for a `compare` that leaves no two distinguishable items equal (a total
/// order), so that stability cannot show: natively the standard library's unstable sort,
/// which needs no scratch memory in a million-article build.
pub fn unstable_by<T>(items: &mut [T], compare: impl FnMut(&T, &T) -> Ordering) {
    #[cfg(target_arch = "wasm32")]
    by(items, compare);
    #[cfg(not(target_arch = "wasm32"))]
    items.sort_unstable_by(compare);
}

/// Like [`by_key`], for keys that tell every two distinguishable items apart.
pub fn unstable_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    unstable_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Like [`all`], for items whose order tells every two distinguishable items apart.
pub fn unstable<T: Ord>(items: &mut [T]) {
    unstable_by(items, T::cmp);
}

/// The positions `0..len` in the order `compare` puts them: the one place the browser build
/// instantiates the standard library's sort.
#[cfg(any(target_arch = "wasm32", test))]
fn sorted_order(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<u32> {
    // Lossless in the browser, where `usize` is 32 bits wide.
    let len = u32::try_from(len).expect("at most 2^32 items to sort");
    let mut order: Vec<u32> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a as usize, b as usize));
    order
}

/// Moves `items[order[i]]` to position `i` for every `i`, following each cycle of the
/// permutation with swaps; `order` is spent doing it.
#[cfg(any(target_arch = "wasm32", test))]
fn arrange<T>(items: &mut [T], order: &mut [u32]) {
    for start in 0..items.len() {
        let mut at = start;
        // `order[at] == at` marks a position already holding its item.
        while order[at] as usize != at {
            let from = order[at] as usize;
            order[at] = at as u32;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arranging_follows_every_cycle_of_the_permutation() {
        let mut items = ['a', 'b', 'c', 'd', 'e', 'f'];
        // Two cycles (0 -> 2 -> 1, 3 -> 5) and a fixed point (4).
        let mut order = [2, 0, 1, 5, 4, 3];
        arrange(&mut items, &mut order);
        assert_eq!(items, ['c', 'a', 'b', 'f', 'e', 'd']);
    }

    #[test]
    fn arranging_by_a_stable_order_of_keys_sorts_stably() {
        let mut items: Vec<(u8, usize)> = [3, 1, 2, 1, 3, 0, 2, 1]
            .iter()
            .enumerate()
            .map(|(at, &key)| (key, at))
            .collect();
        let mut order: Vec<u32> = (0..items.len() as u32).collect();
        order.sort_by_key(|&at| items[at as usize].0);
        arrange(&mut items, &mut order);
        let mut expected = items.clone();
        expected.sort();
        assert_eq!(items, expected, "ties keep their first order");
    }

    #[test]
    fn the_browsers_way_orders_as_the_slice_sort_does() {
        // Many ties, so that stability shows.
        let mut state = 0x2545_f491_u32;
        let items: Vec<(u8, u32)> = (0..2_000)
            .map(|at| {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                ((state % 7) as u8, at)
            })
            .collect();
        let by_first = |a: &(u8, u32), b: &(u8, u32)| b.0.cmp(&a.0);
        let mut expected = items.clone();
        expected.sort_by(by_first);
        let mut arranged = items.clone();
        let mut order = sorted_order(arranged.len(), &mut |a, b| by_first(&items[a], &items[b]));
        arrange(&mut arranged, &mut order);
        assert_eq!(arranged, expected);
    }

    #[test]
    fn keys_sort_stably() {
        let mut words = ["pear", "fig", "apple", "kiwi", "date"];
        by_key(&mut words, |word| word.len());
        assert_eq!(words, ["fig", "pear", "kiwi", "date", "apple"]);
    }
}
