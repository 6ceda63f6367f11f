//! Baden-Württemberg's Gemeinden with their official Gemeindeschlüssel, shipped inside the binary.
//! They exist so that an organisation known only as "Stadt Mannheim", "Stadtverwaltung Freiburg im
//! Breisgau" or by its Ort can be put in its Stadt- or Landkreis: the first five digits of a
//! Gemeindeschlüssel are the Kreis. The list is read-only reference data like the 44 districts; it
//! is embedded rather than stored so that it needs no migration and is the same for every data file.
//!
//! For now `data/gemeinden-bw.tsv` holds only what the app's own reference data states: the 9
//! Stadtkreise, which are Gemeinden too (Gemeindeschlüssel = Kreisschlüssel + "000"). The full
//! official list (Destatis Gemeindeverzeichnis, Datenlizenz Deutschland – Namensnennung 2.0) is to
//! come; the lookup below is written for it (shared and shortened names), and [`Gemeinden::from_tsv`]
//! builds it from any such list, so the derivation is tested on a fuller, invented one.

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
/// What the list covers, so that nobody takes it for complete.
pub const SCOPE: &str = "nur die Stadtkreise; die vollständige Gemeindeliste folgt \
                         (Destatis-Gemeindeverzeichnis, Datenlizenz Deutschland – Namensnennung 2.0)";

/// One Gemeinde as the official list names it ("Freiburg im Breisgau"; the full list adds
/// suffixes such as ", Stadt").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gemeinde {
    /// 8-digit Gemeindeschlüssel, e.g. "08311000" (Freiburg im Breisgau).
    pub ags: String,
    pub name: String,
}

impl Gemeinde {
    /// The Kreisschlüssel (5-digit AGS) of the Stadt- or Landkreis the Gemeinde belongs to.
    pub fn district_ags(&self) -> &str {
        // `from_tsv` keeps only keys of eight ASCII digits, so this cannot split a character.
        &self.ags[..5]
    }
}

/// A list of Gemeinden with every way their names are written, to look them up by name.
#[derive(Debug, Clone, Default)]
pub struct Gemeinden {
    /// Ordered by Gemeindeschlüssel.
    all: Vec<Gemeinde>,
    /// Every way a name is written or shortened (see `spellings`), normalised → Gemeinden.
    by_name: HashMap<String, Vec<usize>>,
}

static SHIPPED: LazyLock<Gemeinden> = LazyLock::new(|| Gemeinden::from_tsv(TSV));

impl Gemeinden {
    /// The list shipped inside the binary (`data/gemeinden-bw.tsv`).
    pub fn shipped() -> &'static Gemeinden {
        &SHIPPED
    }

    /// Reads a list in the shipped file's form: comment lines (#), a header, then
    /// "AGS<TAB>Name" with an 8-digit Gemeindeschlüssel. A malformed line is skipped rather than
    /// failing: the text is ours, compiled in or written by a test, and the tests check that every
    /// shipped line arrives.
    pub fn from_tsv(tsv: &str) -> Gemeinden {
        let mut all: Vec<Gemeinde> = tsv
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| line.split_once('\t'))
            .map(|(ags, name)| (ags.trim(), name.trim()))
            .filter(|(ags, name)| {
                ags.len() == 8 && ags.bytes().all(|b| b.is_ascii_digit()) && !name.is_empty()
            })
            .map(|(ags, name)| Gemeinde {
                ags: ags.to_owned(),
                name: name.to_owned(),
            })
            .collect();
        all.sort_by(|a, b| a.ags.cmp(&b.ags));
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, gemeinde) in all.iter().enumerate() {
            for key in spellings(&gemeinde.name) {
                let entry = by_name.entry(key).or_default();
                if !entry.contains(&i) {
                    entry.push(i);
                }
            }
        }
        Gemeinden { all, by_name }
    }

    /// All Gemeinden of the list, ordered by Gemeindeschlüssel.
    pub fn all(&self) -> &[Gemeinde] {
        &self.all
    }

    /// Every Gemeinde a name can mean ("Mannheim", "Musterhausen, Stadt", "freiburg", "Freiburg
    /// im Breisgau"). Empty when none; several when the name is shared or shortened.
    pub fn find(&self, name: &str) -> Vec<&Gemeinde> {
        self.find_normalised(&normalise(name))
    }

    fn find_normalised(&self, key: &str) -> Vec<&Gemeinde> {
        self.by_name
            .get(key)
            .map(|ids| ids.iter().filter_map(|&i| self.all.get(i)).collect())
            .unwrap_or_default()
    }

    /// The Gemeinden named at the start of a text, for names such as "Mannheim, Amt für
    /// Integration" or "Musterberg am Rhein Integrationsbüro": the longest run of leading words
    /// that names any Gemeinde wins, so "Musterberg am Rhein" is not read as the ambiguous
    /// "Musterberg". `text` must be `normalise`d.
    pub(crate) fn find_at_start(&self, text: &str) -> Vec<&Gemeinde> {
        let mut ends: Vec<usize> = text
            .match_indices(' ')
            .map(|(i, _)| i)
            .chain(std::iter::once(text.len()))
            .collect();
        ends.reverse();
        ends.into_iter()
            // Spaces are ASCII, so each end is a character boundary.
            .map(|end| self.find_normalised(&text[..end]))
            .find(|found| !found.is_empty())
            .unwrap_or_default()
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

/// The Kreis a set of Gemeinden lies in, when they all lie in the same one.
pub fn single_district<'g>(gemeinden: &[&'g Gemeinde]) -> Option<&'g str> {
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

    /// Invented Gemeinden with clearly invented keys (no real Gemeinde has a number above 900),
    /// in the official list's form, for what the shipped 9 cannot show: suffixes, brackets,
    /// slashes, a name in two Kreise, a short form shared by two longer names.
    const FIXTURE: &str = "# invented for tests\n\
        ags\tname\n\
        08311000\tFreiburg im Breisgau\n\
        08115990\tMusterhausen, Stadt\n\
        08116990\tBeispieldorf\n\
        08416990\tBeispieldorf\n\
        08336990\tMusterberg am Rhein, Stadt\n\
        08115991\tMusterberg im Schönbuch\n\
        08317990\tLahrmuster/Schwarzwald, Stadt\n\
        08337990\tRheinmuster (Baden), Stadt\n\
        08125990\tNeckarmüstingen, Stadt\n\
        0812599\tSeven digits\n\
        08125abc\tNot a key\n\
        08125992\t   \n\
        no tab at all\n";

    fn ags(found: Vec<&Gemeinde>) -> Vec<&str> {
        found.into_iter().map(|g| g.ags.as_str()).collect()
    }

    #[test]
    fn the_shipped_list_is_the_stadtkreise_and_nothing_is_skipped() {
        let expected: Vec<(String, String)> = stadtkreise()
            .into_iter()
            .map(|(ags, name)| (format!("{ags}000"), name))
            .collect();
        assert_eq!(expected.len(), 9);
        let shipped: Vec<(String, String)> = Gemeinden::shipped()
            .all()
            .iter()
            .map(|g| (g.ags.clone(), g.name.clone()))
            .collect();
        assert_eq!(shipped, expected);
        // Every line below the header is a Gemeinde: nothing was skipped as malformed.
        let data_lines = TSV.lines().filter(|l| !l.starts_with('#')).count();
        assert_eq!(data_lines, Gemeinden::shipped().all().len() + 1);
    }

    #[test]
    fn the_shipped_stadtkreise_are_found_by_name() {
        let shipped = Gemeinden::shipped();
        assert_eq!(ags(shipped.find("freiburg")), ["08311000"]);
        assert_eq!(ags(shipped.find("FREIBURG IM BREISGAU")), ["08311000"]);
        assert_eq!(ags(shipped.find("Baden-Baden")), ["08211000"]);
        assert!(shipped.find("Baden").is_empty());
        assert!(shipped.find("Berlin").is_empty());
        assert!(shipped.find("").is_empty());
        assert_eq!(single_district(&shipped.find("Heilbronn")), Some("08121"));
    }

    #[test]
    fn any_list_is_read_and_malformed_lines_are_skipped() {
        let list = Gemeinden::from_tsv(FIXTURE);
        // The header, a 7-digit key, a non-digit key, an empty name and a line without a tab
        // are not Gemeinden.
        assert_eq!(list.all().len(), 9);
        assert!(list.all().windows(2).all(|w| w[0].ags < w[1].ags));
        assert!(Gemeinden::from_tsv("").all().is_empty());
        assert!(Gemeinden::from_tsv("ags\tname\n").all().is_empty());
    }

    #[test]
    fn names_are_found_as_people_write_them() {
        let list = Gemeinden::from_tsv(FIXTURE);
        let find = |name: &str| ags(list.find(name));
        assert_eq!(find("Musterhausen"), ["08115990"]);
        assert_eq!(find("Musterhausen, Stadt"), ["08115990"]);
        assert_eq!(find("MUSTERHAUSEN"), ["08115990"]);
        assert_eq!(find("Lahrmuster"), ["08317990"]);
        assert_eq!(find("Lahrmuster (Schwarzwald)"), find("Lahrmuster/Schwarzwald"));
        assert_eq!(find("Lahrmuster/Schwarzwald"), ["08317990"]);
        assert_eq!(find("Rheinmuster"), find("Rheinmuster (Baden)"));
        assert_eq!(find("Rheinmuster"), ["08337990"]);
        assert_eq!(find("NECKARMUESTINGEN"), ["08125990"]);
        assert_eq!(find("Neckarmüstingen"), ["08125990"]);
        assert_eq!(find("Beispieldorf").len(), 2);
        assert_eq!(find("Musterberg").len(), 2);
        assert_eq!(find("Musterberg am Rhein"), ["08336990"]);
        assert!(find("Seven digits").is_empty());
        assert!(find("Berlin").is_empty());
    }

    #[test]
    fn the_longest_leading_name_wins() {
        let list = Gemeinden::from_tsv(FIXTURE);
        let at_start = |text: &str| list.find_at_start(&normalise(text)).len();
        assert_eq!(at_start("Musterberg am Rhein Integrationsbüro"), 1);
        assert_eq!(at_start("Musterberg Integrationsbüro"), 2);
        assert_eq!(at_start("Musterhausen, Amt für Integration"), 1);
        assert_eq!(at_start("Integrationsbüro"), 0);
        assert_eq!(at_start(""), 0);
    }

    #[test]
    fn one_district_only_when_all_agree() {
        let list = Gemeinden::from_tsv(FIXTURE);
        assert_eq!(single_district(&list.find("Musterhausen")), Some("08115"));
        assert_eq!(single_district(&list.find("Beispieldorf")), None);
        assert_eq!(single_district(&[]), None);
    }
}
