//! Baden-Württemberg's Gemeinden with their official Gemeindeschlüssel, shipped inside the binary.
//! They exist so that an organisation known only as "Stadt Mannheim", "Stadtverwaltung Freiburg im
//! Breisgau" or by its Ort can be put in its Stadt- or Landkreis: the first five digits of a
//! Gemeindeschlüssel are the Kreis. The list is read-only reference data like the 44 districts; it
//! is embedded rather than stored so that it needs no migration and is the same for every data file.
//!
//! For now `data/gemeinden-bw.tsv` holds only what the app's own reference data states: the 9
//! Stadtkreise, which are Gemeinden too (Gemeindeschlüssel = Kreisschlüssel + "000"). The full
//! official list (Destatis Gemeindeverzeichnis, Datenlizenz Deutschland – Namensnennung 2.0) is to
//! come; the lookup below is written for it (shared and shortened names).

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::search::fold;

const TSV: &str = include_str!("../data/gemeinden-bw.tsv");

/// Where the list comes from, as the Info view names it.
pub const SOURCE: &str = "Die Stadt- und Landkreise der App (amtliche Kreisschlüssel, \
                          Statistisches Landesamt Baden-Württemberg): die 9 Stadtkreise sind \
                          zugleich Gemeinden";
/// The Gebietsstand of the list: that of the districts it is taken from.
pub const AS_OF: &str = "wie die 44 Stadt- und Landkreise der App";
/// Why we may ship it.
pub const LICENCE: &str = "Keine fremden Daten: nur die amtlichen Schlüssel und Namen der \
                           Stadtkreise aus den Referenzdaten der App";

/// One Gemeinde as the official list names it ("Freiburg im Breisgau"; the full list adds
/// suffixes such as ", Stadt").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gemeinde {
    /// 8-digit Gemeindeschlüssel, e.g. "08311000" (Freiburg im Breisgau).
    pub ags: &'static str,
    pub name: &'static str,
}

impl Gemeinde {
    /// The Kreisschlüssel (5-digit AGS) of the Stadt- or Landkreis the Gemeinde belongs to.
    pub fn district_ags(&self) -> &'static str {
        // `load` keeps only keys of eight ASCII digits, so this cannot split a character.
        &self.ags[..5]
    }
}

struct Index {
    all: Vec<Gemeinde>,
    /// Every way a name is written or shortened (see `spellings`), normalised → Gemeinden.
    by_name: HashMap<String, Vec<usize>>,
}

static INDEX: LazyLock<Index> = LazyLock::new(|| Index::build(load(TSV)));

/// Parses the embedded TSV: comment lines (#), a header, then "AGS<TAB>Name". A malformed line
/// is skipped rather than panicking; the tests check that every line arrives.
fn load(tsv: &'static str) -> Vec<Gemeinde> {
    tsv.lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.split_once('\t'))
        .filter(|(ags, name)| {
            ags.len() == 8 && ags.bytes().all(|b| b.is_ascii_digit()) && !name.trim().is_empty()
        })
        .map(|(ags, name)| Gemeinde {
            ags,
            name: name.trim(),
        })
        .collect()
}

impl Index {
    fn build(all: Vec<Gemeinde>) -> Index {
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, gemeinde) in all.iter().enumerate() {
            for key in spellings(gemeinde.name) {
                let entry = by_name.entry(key).or_default();
                if !entry.contains(&i) {
                    entry.push(i);
                }
            }
        }
        Index { all, by_name }
    }
}

/// Folds case and umlauts (as search does) and turns punctuation into single spaces, so that
/// "Freiburg/Breisgau", "Freiburg (Breisgau)" and "FREIBURG BREISGAU" are one key. Hyphens stay:
/// they are part of names such as "Villingen-Schwenningen".
pub(crate) fn normalise(text: &str) -> String {
    let folded = fold(text);
    let mut out = String::with_capacity(folded.len());
    for word in folded
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The ways people write a Gemeinde's name: the official one ("Musterhausen, Stadt"), without its
/// suffix ("Musterhausen"), without the part in brackets or after a slash ("Musterberg" for
/// "Musterberg (Baden)" or "Musterberg/Schwarzwald") and without the river or landscape
/// ("Freiburg" for "Freiburg im Breisgau"). A short form that fits several Gemeinden in different
/// Kreise ("Musterberg" for "Musterberg am Rhein" and "Musterberg im Schönbuch") is then ambiguous
/// and finds no Kreis — the cost of never guessing.
fn spellings(official: &str) -> Vec<String> {
    const CUTS: [&str; 8] = [" am ", " im ", " an der ", " ob ", " unter ", " auf ", " (", "/"];
    let plain = official.split_once(", ").map_or(official, |(name, _)| name);
    let mut forms = vec![official, plain];
    forms.extend(
        CUTS.iter()
            .filter_map(|cut| plain.split_once(cut).map(|(head, _)| head)),
    );
    let mut keys: Vec<String> = forms
        .into_iter()
        .map(normalise)
        .filter(|k| !k.is_empty())
        .collect();
    keys.sort();
    keys.dedup();
    keys
}

/// All Gemeinden of the list, ordered by Gemeindeschlüssel.
pub fn all() -> &'static [Gemeinde] {
    &INDEX.all
}

/// Every Gemeinde a name can mean ("Mannheim", "Musterhausen, Stadt", "freiburg", "Freiburg
/// (Breisgau)"). Empty when none; several when the name is shared or shortened.
pub fn find(name: &str) -> Vec<&'static Gemeinde> {
    find_normalised(&normalise(name))
}

fn find_normalised(key: &str) -> Vec<&'static Gemeinde> {
    let index: &'static Index = &INDEX;
    index
        .by_name
        .get(key)
        .map(|ids| ids.iter().filter_map(|&i| index.all.get(i)).collect())
        .unwrap_or_default()
}

/// The Gemeinden named at the start of a text, for names such as "Mannheim, Amt für Integration"
/// or "Musterberg am Rhein Integrationsbüro": the longest run of leading words that names any
/// Gemeinde wins, so "Musterberg am Rhein" is not read as the ambiguous "Musterberg". `text` must
/// be `normalise`d.
pub(crate) fn find_at_start(text: &str) -> Vec<&'static Gemeinde> {
    let ends = text
        .match_indices(' ')
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()));
    let mut ends: Vec<usize> = ends.collect();
    ends.reverse();
    ends.into_iter()
        // Spaces are ASCII, so each end is a character boundary.
        .map(|end| find_normalised(&text[..end]))
        .find(|found| !found.is_empty())
        .unwrap_or_default()
}

/// The Kreis a set of Gemeinden lies in, when they all lie in the same one.
pub fn single_district(gemeinden: &[&Gemeinde]) -> Option<&'static str> {
    let (first, rest) = gemeinden.split_first()?;
    let ags = first.district_ags();
    rest.iter().all(|g| g.district_ags() == ags).then_some(ags)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The Stadtkreise of the tests' reference list (tests/data/districts.tsv): key and name.
    fn stadtkreise() -> Vec<(String, String)> {
        include_str!("../../../tests/data/districts.tsv")
            .lines()
            .map(|l| l.split('\t').collect::<Vec<_>>())
            .filter(|f| f.get(2) == Some(&"Stadtkreis"))
            .filter_map(|f| Some(((*f.first()?).to_owned(), (*f.get(1)?).to_owned())))
            .collect()
    }

    #[test]
    fn the_shipped_list_is_the_stadtkreise_and_nothing_is_skipped() {
        let expected: Vec<(String, String)> = stadtkreise()
            .into_iter()
            .map(|(ags, name)| (format!("{ags}000"), name))
            .collect();
        assert_eq!(expected.len(), 9);
        let shipped: Vec<(String, String)> = all()
            .iter()
            .map(|g| (g.ags.to_owned(), g.name.to_owned()))
            .collect();
        assert_eq!(shipped, expected);
        // Every line below the header is a Gemeinde: nothing was skipped as malformed.
        let data_lines = TSV.lines().filter(|l| !l.starts_with('#')).count();
        assert_eq!(data_lines, all().len() + 1);
    }

    #[test]
    fn names_are_found_as_people_write_them() {
        let ags = |name: &str| find(name).iter().map(|g| g.ags).collect::<Vec<_>>();
        assert_eq!(ags("freiburg"), ["08311000"]);
        assert_eq!(ags("Freiburg im Breisgau"), ["08311000"]);
        assert_eq!(ags("FREIBURG IM BREISGAU"), ["08311000"]);
        assert_eq!(ags("Baden-Baden"), ["08211000"]);
        assert!(ags("Baden").is_empty());
        assert!(ags("Berlin").is_empty());
        assert!(ags("").is_empty());
    }

    #[test]
    fn the_longest_leading_name_wins() {
        let at_start = |text: &str| find_at_start(&normalise(text)).len();
        assert_eq!(at_start("Freiburg im Breisgau Integrationsbüro"), 1);
        assert_eq!(at_start("Mannheim, Amt für Integration"), 1);
        assert_eq!(at_start("Integrationsbüro"), 0);
    }

    #[test]
    fn one_district_only_when_all_agree() {
        assert_eq!(single_district(&find("Heilbronn")), Some("08121"));
        assert_eq!(single_district(&[]), None);
    }
}
