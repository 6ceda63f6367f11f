//! The Kreis of an organisation an import creates, taken from what the row says only where that
//! is certain: the Kreis column, the organisation's name ("Landratsamt Böblingen", "Stadt
//! Neckarsulm") or its Ort, read against the 44 districts and a list of Gemeinden (the shipped one,
//! for now only the Stadtkreise).
//! After an Outlook import almost no organisation had a Kreis, so the Kreis filters found almost
//! nothing; a wrong Kreis would be worse than none, so every doubt leaves it empty.

use crate::district::{District, DistrictKind, find_district};
use crate::gemeinde::{Gemeinden, normalise, single_district};
use crate::search::fold;

/// Organisation names that begin with a town's administration: the rest names the Gemeinde.
/// Compared after `gemeinde::normalise` (umlauts folded: "bürgermeisteramt" → "burgermeisteramt").
const TOWN_PREFIXES: [&str; 10] = [
    "stadtverwaltung",
    "stadtkreis",
    "stadt",
    "landeshauptstadt",
    "universitatsstadt",
    "grosse kreisstadt",
    "gemeindeverwaltung",
    "gemeinde",
    "burgermeisteramt",
    "rathaus",
];

/// Organisation names that begin with a Landkreis's administration: the rest names the Landkreis.
const LANDKREIS_PREFIXES: [&str; 4] = [
    "landratsamt des landkreises",
    "landratsamt",
    "kreisverwaltung",
    "landkreis",
];

/// Words (normalised) of organisations that serve the whole Land or a Regierungsbezirk: a
/// ministry, a Regierungspräsidium, the kommunale Landesverbände. Their Ort is not their Kreis.
const STATE_LEVEL: [&str; 5] = [
    "ministerium",
    "regierungsprasidium",
    "landkreistag",
    "stadtetag",
    "gemeindetag",
];

/// The 44 districts with their names normalised once. An import derives a Kreis for every row:
/// 10,000 rows whose Ort is a Gemeinde took 224 ms when the names were normalised on each call and
/// the kind was guessed in full, 14 ms now; 10,000 rows with a plain Kreis name in their column
/// 85–136 ms through `find_district` alone, 1 ms now (release build, best of 7 runs).
pub struct DistrictNames<'a> {
    districts: &'a [District],
    /// `normalise(name)` of each district, in the same order.
    names: Vec<String>,
    /// `fold(name)` of each district, as `find_district` compares names.
    folded: Vec<String>,
    /// The Gemeinden a name or Ort is looked up in: the shipped list, or a test's.
    gemeinden: &'a Gemeinden,
}

impl<'a> DistrictNames<'a> {
    /// Against the shipped list of Gemeinden.
    pub fn new(districts: &'a [District]) -> DistrictNames<'a> {
        DistrictNames::with_gemeinden(districts, Gemeinden::shipped())
    }

    /// Against another list of Gemeinden (see [`Gemeinden::from_tsv`]): the shipped one holds only
    /// the Stadtkreise for now, so the tests of shared and shortened names bring their own.
    pub fn with_gemeinden(districts: &'a [District], gemeinden: &'a Gemeinden) -> DistrictNames<'a> {
        let names = districts.iter().map(|d| normalise(&d.name)).collect();
        let folded = districts.iter().map(|d| fold(&d.name)).collect();
        DistrictNames {
            districts,
            names,
            folded,
            gemeinden,
        }
    }

    /// What `find_district` answers for a column holding just one Kreis's name ("Tübingen",
    /// "rems-murr-kreis"): no district's name starts with a kind word ("Stadt ", "LK "), so a
    /// text equal to exactly one folded name is that district there too. Anything else (a key,
    /// a kind, Heilbronn or Karlsruhe alone) is left to `find_district`.
    fn plain_name(&self, text: &str) -> Option<&'a District> {
        let folded = fold(text);
        let mut same = self
            .districts
            .iter()
            .zip(&self.folded)
            .filter(|(_, name)| **name == folded);
        match (same.next(), same.next()) {
            (Some((district, _)), None) => Some(district),
            _ => None,
        }
    }

    fn with_names(&self) -> impl Iterator<Item = (&'a District, &str)> {
        self.districts.iter().zip(self.names.iter().map(String::as_str))
    }

    fn by_ags(&self, ags: &str) -> Option<&'a District> {
        self.districts.iter().find(|d| d.ags == ags)
    }

    /// The Stadt-/Landkreis of an organisation an import creates, where it is certain; `None`
    /// where it is not (the user then sets it, for many at once). In this order:
    ///
    /// 1. the Kreis the row names (`kreis`, e.g. the CSV column "Stadt-/Landkreis"), read as
    ///    [`find_district`] does, the organisation's name deciding between Stadt- and Landkreis
    ///    Heilbronn or Karlsruhe;
    /// 2. the organisation's name: "Landratsamt Böblingen", "Landratsamt Rems-Murr-Kreis" → that
    ///    Landkreis; "Stadt Mannheim", "Stadtverwaltung Freiburg im Breisgau", "Stadt Neckarsulm",
    ///    "Gemeindeverwaltung Ammerbuch" → the Kreis of that Gemeinde (the Stadtkreise are
    ///    Gemeinden too, so "Stadt Heilbronn" is the Stadtkreis and "Landratsamt Heilbronn" the
    ///    Landkreis);
    /// 3. the row's Ort, when it is a Baden-Württemberg Gemeinde (PLZ in front allowed).
    ///
    /// A name shared by Gemeinden in two Kreise ("Altdorf") decides nothing. The Ort is not used
    /// for a ministry, a Regierungspräsidium or a kommunaler Landesverband (they serve the whole
    /// Land or a Regierungsbezirk, not the Kreis they sit in), nor to put a Landratsamt or another
    /// Kreis-level body into a Stadtkreis: the Landratsämter of the Landkreise Heilbronn, Karlsruhe,
    /// Breisgau-Hochschwarzwald, Rhein-Neckar and Alb-Donau sit in the Stadtkreis next door; nor
    /// where the name names another Kreis ("Caritas Stuttgart" in Esslingen). When the row names a
    /// Kreis that cannot be read on its own, the name or Ort may settle it only where it agrees with
    /// that text (Ort Neckarsulm and "Heilbronn" → Landkreis Heilbronn; "Berlin" stays empty).
    pub fn derive(
        &self,
        kreis: Option<&str>,
        organisation: &str,
        city: Option<&str>,
    ) -> Option<&'a District> {
        let kreis = kreis.map(str::trim).filter(|k| !k.is_empty());
        if let Some(found) = kreis.and_then(|k| {
            self.plain_name(k)
                .or_else(|| find_district(self.districts, k, organisation))
        }) {
            return Some(found);
        }
        let name = normalise(organisation);
        let derived = self.named_by(&name).or_else(|| self.located_in(&name, city?))?;
        match kreis {
            None => Some(derived),
            // The text is ambiguous or unknown on its own: keep what we derived only if the text,
            // told which Kreis we mean, reads as that very Kreis.
            Some(text) => {
                find_district(self.districts, text, &derived.full_name()).filter(|d| d.ags == derived.ags)
            }
        }
    }

    /// The Kreis an organisation's own (normalised) name makes certain, if any.
    fn named_by(&self, name: &str) -> Option<&'a District> {
        let after = |prefix: &str| {
            name.strip_prefix(prefix)
                .and_then(|rest| rest.strip_prefix(' '))
                .filter(|rest| !rest.is_empty())
        };
        if let Some(rest) = LANDKREIS_PREFIXES.iter().find_map(|p| after(p)) {
            // "Landratsamt Landkreis Tübingen" says it twice.
            let rest = rest.strip_prefix("landkreis ").unwrap_or(rest);
            return self.landkreis_at_start(rest);
        }
        // "Rems-Murr-Kreis", "Ortenaukreis – Amt für Migration": a name that starts with a
        // Landkreis called "…kreis" is that Landkreis's.
        if let Some(d) = self
            .landkreis_at_start(name)
            .filter(|d| d.name.to_lowercase().ends_with("kreis"))
        {
            return Some(d);
        }
        let rest = TOWN_PREFIXES.iter().find_map(|p| after(p))?;
        self.by_ags(single_district(&self.gemeinden.find_at_start(rest))?)
    }

    /// The Landkreis whose name starts `text` (normalised), the longest name winning.
    fn landkreis_at_start(&self, text: &str) -> Option<&'a District> {
        self.with_names()
            .filter(|(d, _)| d.kind == DistrictKind::Landkreis)
            .filter(|(_, name)| {
                text.strip_prefix(name)
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
            })
            .max_by_key(|(_, name)| name.len())
            .map(|(d, _)| d)
    }

    /// The Kreis of the Gemeinde a row's Ort names, where that is certain for this organisation
    /// (`name` is the organisation's normalised name).
    fn located_in(&self, name: &str, city: &str) -> Option<&'a District> {
        // "72074 Tübingen": a postcode in the Ort column is common in hand-made lists.
        let city = city.trim();
        let city = match city.split_once(' ') {
            Some((plz, rest)) if plz.len() == 5 && plz.bytes().all(|b| b.is_ascii_digit()) => rest,
            _ => city,
        };
        // The Gemeinde first: most Orte outside Baden-Württemberg end the search here, cheaply.
        let ags = single_district(&self.gemeinden.find(city))?;
        let (district, own) = self.with_names().find(|(d, _)| d.ags == ags)?;
        // Bodies of the Land or a Regierungsbezirk sit in a Kreis but do not belong to it.
        if STATE_LEVEL.iter().any(|w| name.contains(w)) {
            return None;
        }
        // A Kreis-level body ("Landratsamt", "Jobcenter Landkreis …", "DRK-Kreisverband …") in a
        // Stadtkreis may well serve the Landkreis around it.
        if district.kind == DistrictKind::Stadtkreis
            && (name.contains("landratsamt") || name.contains("kreis"))
        {
            return None;
        }
        // "Caritas Stuttgart" with Ort Esslingen: the name and the Ort disagree, so neither is
        // certain. (Heilbronn and Karlsruhe share a name and agree with either.)
        let names_another = self
            .with_names()
            .any(|(_, other)| other != own && contains_words(name, other));
        (!names_another).then_some(district)
    }
}

/// [`DistrictNames::derive`] for a single organisation; an import deriving many builds
/// [`DistrictNames`] once.
pub fn derive_district<'a>(
    districts: &'a [District],
    kreis: Option<&str>,
    organisation: &str,
    city: Option<&str>,
) -> Option<&'a District> {
    DistrictNames::new(districts).derive(kreis, organisation, city)
}

/// Whether `words` occurs in `text` as whole words (both normalised: single spaces, no
/// punctuation; a hyphen also separates, as in "Pforzheim-Enzkreis").
fn contains_words(text: &str, words: &str) -> bool {
    text.match_indices(words).any(|(start, _)| {
        let end = start + words.len();
        // A match starts and ends on character boundaries, so both slices are safe.
        (start == 0 || text[..start].ends_with([' ', '-']))
            && (end == text.len() || text[end..].starts_with([' ', '-']))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_only() {
        assert!(contains_words("caritas stuttgart", "stuttgart"));
        assert!(contains_words("caritas pforzheim-enzkreis", "pforzheim"));
        assert!(!contains_words("caritas ulmer land", "ulm"));
        assert!(!contains_words("", "ulm"));
    }

    /// The 44 districts as the tests' reference list has them (independent of the migration).
    fn all_44() -> Vec<District> {
        include_str!("../../../tests/data/districts.tsv")
            .lines()
            .filter(|l| l.starts_with("08"))
            .filter_map(|l| {
                let f: Vec<&str> = l.split('\t').collect();
                let kind = if f.get(2) == Some(&"Stadtkreis") {
                    DistrictKind::Stadtkreis
                } else {
                    DistrictKind::Landkreis
                };
                Some(District {
                    ags: (*f.first()?).into(),
                    name: (*f.get(1)?).into(),
                    kind,
                    region_code: "08".into(),
                    region_name: (*f.get(3)?).into(),
                })
            })
            .collect()
    }

    #[test]
    fn the_plain_name_shortcut_answers_as_find_district_does() {
        let all = all_44();
        assert_eq!(all.len(), 44);
        let names = DistrictNames::new(&all);
        let mut found = 0;
        for d in &all {
            for text in [
                d.name.clone(),
                d.name.to_uppercase(),
                d.name.replace('ü', "ue").replace('ö', "oe").replace('ä', "ae"),
                d.full_name(),
                format!("{},", d.name),
            ] {
                let slow = find_district(&all, &text, "");
                if let Some(fast) = names.plain_name(&text) {
                    assert_eq!(Some(fast), slow, "{text}");
                    found += 1;
                }
                assert_eq!(names.derive(Some(&text), "", None), slow, "{text}");
            }
        }
        // Three spellings of each of the 40 names no other district has (not Heilbronn, not
        // Karlsruhe), and the full name of the 12 "…kreis" districts, which is their name.
        assert_eq!(found, 40 * 3 + 12, "{found}");
    }

    fn districts() -> Vec<District> {
        let d = |ags: &str, name: &str, kind| District {
            ags: ags.into(),
            name: name.into(),
            kind,
            region_code: "081".into(),
            region_name: "Stuttgart".into(),
        };
        vec![
            d("08121", "Heilbronn", DistrictKind::Stadtkreis),
            d("08125", "Heilbronn", DistrictKind::Landkreis),
            d("08416", "Tübingen", DistrictKind::Landkreis),
        ]
    }

    proptest::proptest! {
        #[test]
        fn deriving_a_district_never_panics(
            kreis in "\\PC{0,12}",
            organisation in "\\PC{0,24}",
            city in "\\PC{0,16}",
        ) {
            let all = districts();
            let _ = derive_district(&all, Some(&kreis), &organisation, Some(&city));
            let _ = derive_district(&all, None, &format!("Stadt {organisation}"), Some(&format!("72074 {city}")));
        }
    }
}
