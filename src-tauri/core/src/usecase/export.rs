//! "Exportieren": the contacts matching a filter (a selection or the filtered list), in the order
//! the screen shows them, as CSV, vCard or a ZIP of vCards. Shared by the window (which asks
//! where to save in between) and the CLI (`export`, one step).

use std::path::Path;

use crate::contact::ContactFilter;
use crate::export::{ContactsExport, ExportFormat, ExportOutcome};
use crate::{Result, store::Store};

/// Builds the export of the contacts matching `filter`, in screen `order` (see
/// [`ContactsExport::of`]).
pub async fn contacts_export(
    store: &Store,
    format: ExportFormat,
    filter: &ContactFilter,
    order: &[i64],
) -> Result<ContactsExport> {
    let contacts = store.full_contacts(filter).await?;
    ContactsExport::of(format, contacts, order, chrono::Local::now().naive_local())
}

/// Builds the export and saves it as the new file `target`: what `netzwerkmappe export` does in
/// one step.
pub async fn save_contacts(
    store: &Store,
    format: ExportFormat,
    filter: &ContactFilter,
    order: &[i64],
    target: &Path,
) -> Result<ExportOutcome> {
    contacts_export(store, format, filter, order).await?.save(target)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contact::ContactInput;

    async fn store_with(names: &[&str]) -> (Store, Vec<i64>) {
        let store = Store::open_in_memory().await.unwrap();
        let mut ids = Vec::new();
        for name in names {
            let input = ContactInput {
                last_name: (*name).into(),
                ..Default::default()
            };
            ids.push(store.create_contact(input, chrono::Utc::now()).await.unwrap().id);
        }
        (store, ids)
    }

    #[tokio::test]
    async fn csv_follows_the_order_on_screen() {
        let (store, ids) = store_with(&["Adler", "Bauer", "Cem"]).await;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("k.csv");
        let order = [ids[2], ids[0], ids[1]];
        let outcome = save_contacts(
            &store,
            ExportFormat::Csv,
            &ContactFilter::default(),
            &order,
            &target,
        )
        .await
        .unwrap();
        assert_eq!(outcome.count, 3);
        assert_eq!(outcome.format, ExportFormat::Csv);
        let text = String::from_utf8(std::fs::read(&target).unwrap()).unwrap();
        let mut lines = text.lines();
        let header: Vec<&str> = lines.next().unwrap().split(';').collect();
        let column = header.iter().position(|h| *h == "Nachname").unwrap();
        let last_names: Vec<&str> = lines.map(|l| l.split(';').nth(column).unwrap()).collect();
        assert_eq!(last_names, ["Cem", "Adler", "Bauer"]);
    }

    #[tokio::test]
    async fn vcard_of_a_selection_and_an_empty_list_is_refused() {
        let (store, ids) = store_with(&["Adler", "Bauer"]).await;
        let dir = tempfile::tempdir().unwrap();
        let selection = ContactFilter {
            ids: Some(vec![ids[1]]),
            ..Default::default()
        };
        let target = dir.path().join("k.vcf");
        let outcome = save_contacts(&store, ExportFormat::Vcard, &selection, &[], &target)
            .await
            .unwrap();
        assert_eq!(outcome.count, 1);
        let text = String::from_utf8(std::fs::read(&target).unwrap()).unwrap();
        assert!(text.contains("N:Bauer;") && !text.contains("Adler"), "{text}");

        let nobody = ContactFilter {
            query: Some("zzz".into()),
            ..Default::default()
        };
        let empty = dir.path().join("leer.csv");
        let err = save_contacts(&store, ExportFormat::Csv, &nobody, &[], &empty)
            .await
            .unwrap_err();
        assert!(err.to_string().contains("Die Liste ist leer"), "{err}");
        assert!(!empty.exists(), "no file for an empty list");
    }
}
